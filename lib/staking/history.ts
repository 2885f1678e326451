// One account's cold staking history from the contract's events. The events are not indexed, so a log
// scan returns every staker's events and the account is picked out here. No React.
import { formatUnits, type Address, type Hash } from 'viem';

export type HistoryKind = 'Stake' | 'Claim' | 'Withdraw';

export interface HistoryRow {
  kind: HistoryKind;
  /** Wei: the coins added (Stake), the reward paid (Claim) or the stake returned (Withdraw). */
  amount: bigint;
  blockNumber: bigint;
  txHash: Hash;
  /** Order within the block: one transaction can emit a Claim and a WithdrawStake. */
  logIndex: number;
  /** Block time in Unix seconds, once known. */
  timestamp?: bigint;
  /** A row of the legacy V1 contract (shown and exported marked V1). */
  legacyV1?: true;
}

interface LogPosition {
  blockNumber: bigint | null;
  transactionHash: Hash | null;
  logIndex: number | null;
}

// Args are optional because viem's non-strict decoding may leave them out of a malformed log.
export type StakingHistoryLog = LogPosition &
  (
    | { eventName: 'StartStaking'; args: { addr?: Address; value?: bigint } }
    | { eventName: 'Claim'; args: { staker?: Address; reward?: bigint } }
    | { eventName: 'WithdrawStake'; args: { staker?: Address; amount?: bigint } }
  );

function entryOf(log: StakingHistoryLog): { who?: Address; kind: HistoryKind; amount?: bigint } {
  switch (log.eventName) {
    case 'StartStaking':
      return { who: log.args.addr, kind: 'Stake', amount: log.args.value };
    case 'Claim':
      return { who: log.args.staker, kind: 'Claim', amount: log.args.reward };
    case 'WithdrawStake':
      return { who: log.args.staker, kind: 'Withdraw', amount: log.args.amount };
  }
}

/**
 * The account's rows, newest first. Pending logs (no block yet) and malformed ones are left out. `legacyV1` marks
 * the rows of the V1 contract's logs.
 */
export function historyRowsFor(
  logs: readonly StakingHistoryLog[],
  account: Address,
  options: { legacyV1?: boolean } = {},
): HistoryRow[] {
  const me = account.toLowerCase();
  const rows: HistoryRow[] = [];
  for (const log of logs) {
    const { who, kind, amount } = entryOf(log);
    if (who?.toLowerCase() !== me || amount === undefined) continue;
    if (log.blockNumber === null || log.transactionHash === null) continue;
    const row: HistoryRow = {
      kind,
      amount,
      blockNumber: log.blockNumber,
      txHash: log.transactionHash,
      logIndex: log.logIndex ?? 0,
    };
    rows.push(options.legacyV1 ? { ...row, legacyV1: true } : row);
  }
  return sortNewestFirst(rows);
}

/** The rows of both contracts in one list, newest first. */
export function mergeHistoryRows(...lists: readonly (readonly HistoryRow[])[]): HistoryRow[] {
  return sortNewestFirst(lists.flat());
}

/** How a row's kind reads on the page and in the CSV: "Stake", or "Stake (V1)" for the legacy contract. */
export function historyKindLabel(row: Pick<HistoryRow, 'kind' | 'legacyV1'>): string {
  return row.legacyV1 ? `${row.kind} (V1)` : row.kind;
}

function sortNewestFirst(rows: HistoryRow[]): HistoryRow[] {
  return rows.sort((a, b) =>
    a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber > b.blockNumber ? -1 : 1,
  );
}

/** The distinct blocks whose timestamps the rows need. */
export function blocksOf(rows: readonly HistoryRow[]): bigint[] {
  return [...new Set(rows.map((row) => row.blockNumber))];
}

/** The rows with the timestamps that are known; a block left out keeps its row without a date. */
export function withTimestamps(rows: readonly HistoryRow[], timestamps: ReadonlyMap<bigint, bigint>): HistoryRow[] {
  return rows.map((row) => {
    const timestamp = timestamps.get(row.blockNumber);
    return timestamp === undefined ? row : { ...row, timestamp };
  });
}

export const HISTORY_CSV_HEADER = 'date_utc,kind,amount_clo,block,transaction';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** ISO-8601 UTC to the second, e.g. 2024-05-01T12:00:00Z. */
export function isoUtc(unixSeconds: bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 4180 CSV: CRLF line ends, fields quoted where needed, the amount as exact decimal CLO. */
export function historyToCsv(rows: readonly HistoryRow[]): string {
  const lines = rows.map((row) =>
    [
      row.timestamp === undefined ? '' : isoUtc(row.timestamp),
      historyKindLabel(row),
      formatUnits(row.amount, 18),
      row.blockNumber.toString(),
      row.txHash,
    ]
      .map(csvField)
      .join(','),
  );
  return [HISTORY_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}
