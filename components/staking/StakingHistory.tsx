'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import type { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import type { coldStakingV1Abi } from '@/contracts-abi/ColdStakingV1';
import { explorerTxUrl } from '@/lib/chain/explorer';
import { formatDateTime } from '@/lib/format/time';
import {
  blocksOf,
  historyKindLabel,
  historyRowsFor,
  historyToCsv,
  mergeHistoryRows,
  withTimestamps,
  type HistoryRow,
} from '@/lib/staking/history';
import { HistoryProgress } from '@/components/history/HistoryProgress';
import { useBlockDates } from '@/components/history/useBlockDates';
import type { EventHistory } from '@/components/history/useEventHistory';
import { useNetwork } from '@/components/ui/NetworkContext';
import { DataTable } from '@/components/ui/DataTable';
import { Button, Card } from '@/components/ui/primitives';
import { Amount } from '@/components/ui/Amount';

/** The events of a staker's history, the same in V1 and in the current contract. */
export const STAKING_HISTORY_EVENTS = ['StartStaking', 'Claim', 'WithdrawStake'] as const;
export type StakingEventName = (typeof STAKING_HISTORY_EVENTS)[number];

function downloadCsv(rows: readonly HistoryRow[], account: Address) {
  const url = URL.createObjectURL(new Blob([historyToCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `callisto-staking-history-${account}.csv`;
  link.click();
  // Revoked on the next task: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function TxCell({ hash }: { hash: string }) {
  const { chain } = useNetwork();
  const url = explorerTxUrl(chain, hash);
  const label = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  return url ? (
    <a
      className="font-mono text-teal-300 underline underline-offset-2"
      href={url}
      target="_blank"
      rel="noreferrer noopener"
    >
      {label}
      <span className="sr-only"> (transaction {hash}, opens the block explorer)</span>
    </a>
  ) : (
    <span className="font-mono" title={hash}>
      {label}
    </span>
  );
}

interface Props {
  account: Address;
  /** The current contract's history (StartStaking, Claim, WithdrawStake), shared with the inactive stakers. */
  current: EventHistory<typeof coldStakingAbi, StakingEventName>;
  /** The legacy V1 contract's, where the network has one. */
  legacy?: EventHistory<typeof coldStakingV1Abi, StakingEventName>;
}

/** The account's stakes, claims and withdrawals in both contracts (V1 marked), from the cached event history, with a
 * CSV export. Rows show as the scan finds them. */
export function StakingHistory({ account, current, legacy }: Props) {
  const rows = useMemo(
    () =>
      mergeHistoryRows(
        historyRowsFor(current.logs, account),
        legacy ? historyRowsFor(legacy.logs, account, { legacyV1: true }) : [],
      ),
    [current.logs, legacy, account],
  );
  const blocks = useMemo(() => blocksOf(rows), [rows]);
  const dates = useBlockDates(blocks, current);
  const dated = dates ? withTimestamps(rows, dates) : rows;
  const complete = current.status === 'complete' && (!legacy || legacy.status === 'complete');

  return (
    <Card title="Staking history">
      <div className="space-y-2">
        <HistoryProgress {...current} what="The staking history" />
        {legacy && <HistoryProgress {...legacy} what="The V1 staking history" />}
      </div>
      {dated.length === 0 ? (
        complete && <p className="text-sm text-slate-300">No staking activity for this account yet.</p>
      ) : (
        <>
          <DataTable
            caption={`Stakes, claims and withdrawals of ${account}, newest first${legacy ? ', V1 rows marked' : ''}. Dates in your time zone.`}
            columns={[
              { label: 'Date' },
              { label: 'Kind' },
              { label: 'Amount', align: 'right' },
              { label: 'Transaction' },
            ]}
          >
            {dated.map((row) => (
              <tr key={`${row.legacyV1 ? 'v1' : 'v2'}-${row.txHash}-${row.logIndex}`}>
                <td className="py-2 pr-4 whitespace-nowrap text-slate-200">
                  {row.timestamp === undefined
                    ? `block ${row.blockNumber.toLocaleString('en')}`
                    : formatDateTime(row.timestamp)}
                </td>
                <td className="py-2 pr-4">{historyKindLabel(row)}</td>
                <td className="py-2 pr-4 text-right whitespace-nowrap">
                  <Amount wei={row.amount} />
                </td>
                <td className="py-2">
                  <TxCell hash={row.txHash} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Button variant="secondary" className="mt-4" onClick={() => downloadCsv(dated, account)} disabled={!complete}>
            Export CSV
          </Button>
          {!complete && <p className="mt-1 text-xs text-slate-400">The export waits for the whole history.</p>}
        </>
      )}
    </Card>
  );
}
