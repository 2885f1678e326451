// The voters of a proposal from its VoteCast events (a changed vote counts once, as its latest choice), and their
// CSV.
import { formatUnits, type Address, type Hash } from 'viem';
import { toCsv } from '../format/csv';
import { VoteChoice } from './proposal';
import type { ChoiceName } from './tallies';

export function choiceName(choice: number): ChoiceName | undefined {
  if (choice === VoteChoice.For) return 'For';
  if (choice === VoteChoice.Against) return 'Against';
  if (choice === VoteChoice.Abstain) return 'Abstain';
  return undefined;
}

/** A VoteCast log as viem decodes it; args optional because a malformed log may lack them. */
export interface VoteCastLog {
  args: { id?: bigint; voter?: Address; choice?: number; weight?: bigint };
  blockNumber: bigint | null;
  logIndex: number | null;
  transactionHash: Hash | null;
}

export interface VoterRow {
  voter: Address;
  choice: ChoiceName;
  weight: bigint;
  blockNumber: bigint;
  txHash: Hash;
}

/** One row a voter, from their latest VoteCast (a changed vote replaces the earlier one), heaviest first. */
export function latestVotes(logs: readonly VoteCastLog[], id?: bigint): VoterRow[] {
  const latest = new Map<string, { row: VoterRow; logIndex: number }>();
  for (const log of logs) {
    const { voter, choice, weight } = log.args;
    if (id !== undefined && log.args.id !== id) continue;
    if (!voter || choice === undefined || weight === undefined) continue;
    if (log.blockNumber === null || log.transactionHash === null) continue;
    const name = choiceName(choice);
    if (!name) continue;
    const logIndex = log.logIndex ?? 0;
    const key = voter.toLowerCase();
    const previous = latest.get(key);
    const newer =
      !previous ||
      log.blockNumber > previous.row.blockNumber ||
      (log.blockNumber === previous.row.blockNumber && logIndex > previous.logIndex);
    if (newer) {
      latest.set(key, {
        row: { voter, choice: name, weight, blockNumber: log.blockNumber, txHash: log.transactionHash },
        logIndex,
      });
    }
  }
  return [...latest.values()]
    .map((entry) => entry.row)
    .sort((a, b) => (a.weight === b.weight ? a.voter.localeCompare(b.voter) : a.weight > b.weight ? -1 : 1));
}

const VOTERS_CSV_HEADER = ['voter', 'choice', 'weight_clo', 'weight_wei', 'block', 'transaction'];

/** The voters as CSV (RFC 4180 through lib/format/csv): the weight in CLO and exactly in wei. */
export function votersToCsv(rows: readonly VoterRow[]): string {
  return toCsv(
    VOTERS_CSV_HEADER,
    rows.map((row) => [row.voter, row.choice, formatUnits(row.weight, 18), row.weight, row.blockNumber, row.txHash]),
  );
}
