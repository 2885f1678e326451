'use client';

import { useQuery } from '@tanstack/react-query';
import { getAbiItem, type Address } from 'viem';
import { usePublicClient } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { deploymentBlock } from '@/lib/chain/deployments';
import { explorerTxUrl } from '@/lib/chain/explorer';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { blocksOf, historyRowsFor, historyToCsv, withTimestamps, type HistoryRow } from '@/lib/staking/history';
import { useNetwork } from '@/components/ui/NetworkContext';
import { DataTable } from '@/components/ui/DataTable';
import { Button, Card } from '@/components/ui/primitives';

const HISTORY_EVENTS = [
  getAbiItem({ abi: coldStakingAbi, name: 'StartStaking' }),
  getAbiItem({ abi: coldStakingAbi, name: 'Claim' }),
  getAbiItem({ abi: coldStakingAbi, name: 'WithdrawStake' }),
] as const;

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

/** The account's stakes, claims and withdrawals from this contract's events, with a CSV export. */
export function StakingHistory({ staking, account }: { staking: Address; account: Address }) {
  const { chain } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const history = useQuery({
    queryKey: ['staking-history', chain.id, staking, account],
    enabled: Boolean(client),
    queryFn: async () => {
      if (!client) throw new Error('No connection to the network');
      // The events are not indexed, so no topic filter can pick the account: scan them all, keep its own.
      const logs = await client.getLogs({
        address: staking,
        events: HISTORY_EVENTS,
        fromBlock: deploymentBlock(chain.id, 'ColdStaking'),
        toBlock: 'latest',
      });
      const rows = historyRowsFor(logs, account);
      // Issued together, these travel as one JSON-RPC batch. A block that fails only loses its date.
      const blocks = blocksOf(rows);
      const results = await Promise.allSettled(blocks.map((blockNumber) => client.getBlock({ blockNumber })));
      const timestamps = new Map<bigint, bigint>();
      results.forEach((result, i) => {
        const blockNumber = blocks[i];
        if (result.status === 'fulfilled' && blockNumber !== undefined)
          timestamps.set(blockNumber, result.value.timestamp);
      });
      return withTimestamps(rows, timestamps);
    },
  });
  const rows = history.data;

  return (
    <Card title="Staking history">
      {history.isPending ? (
        <p role="status" className="text-sm text-slate-300">
          Loading your staking history…
        </p>
      ) : history.isError ? (
        <div role="alert" className="space-y-3 text-sm text-rose-100">
          <p>The staking history could not be loaded: {history.error.message.split('\n')[0]}</p>
          <Button variant="secondary" onClick={() => void history.refetch()} disabled={history.isFetching}>
            {history.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        </div>
      ) : rows === undefined || rows.length === 0 ? (
        <p className="text-sm text-slate-300">No staking activity for this account yet.</p>
      ) : (
        <>
          <DataTable
            caption={`Stakes, claims and withdrawals of ${account}, newest first. Dates in your time zone.`}
            columns={[
              { label: 'Date' },
              { label: 'Kind' },
              { label: 'Amount', align: 'right' },
              { label: 'Transaction' },
            ]}
          >
            {rows.map((row) => (
              <tr key={`${row.txHash}-${row.logIndex}`}>
                <td className="py-2 pr-4 whitespace-nowrap text-slate-200">
                  {row.timestamp === undefined
                    ? `block ${row.blockNumber.toLocaleString('en')}`
                    : formatDateTime(row.timestamp)}
                </td>
                <td className="py-2 pr-4">{row.kind}</td>
                <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{formatCloWithUnit(row.amount)}</td>
                <td className="py-2">
                  <TxCell hash={row.txHash} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Button variant="secondary" className="mt-4" onClick={() => downloadCsv(rows, account)}>
            Export CSV
          </Button>
        </>
      )}
    </Card>
  );
}
