'use client';

import { useQuery } from '@tanstack/react-query';
import { getAbiItem, type Address } from 'viem';
import { usePublicClient } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { deploymentBlock } from '@/lib/chain/deployments';
import { explorerAddressUrl } from '@/lib/chain/explorer';
import { formatCloWithUnit } from '@/lib/format/clo';
import { latestVotes, votersToCsv, type VoterRow } from '@/lib/governance/view';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card } from '@/components/ui/primitives';

const VOTE_CAST = getAbiItem({ abi: treasuryGovernanceAbi, name: 'VoteCast' });

function downloadCsv(rows: readonly VoterRow[], id: bigint) {
  const url = URL.createObjectURL(new Blob([votersToCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `callisto-proposal-${id.toString()}-voters.csv`;
  link.click();
  // Revoked on the next task: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function VoterAddress({ address }: { address: Address }) {
  const { chain } = useNetwork();
  const url = explorerAddressUrl(chain, address);
  const text = <span className="font-mono text-xs break-all">{address}</span>;
  return url ? (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-teal-300 underline underline-offset-2">
      {text}
      <span className="sr-only"> (opens the block explorer)</span>
    </a>
  ) : (
    text
  );
}

/** Who voted and with what weight, from the VoteCast events (indexed by proposal id): a changed vote counts once,
 * as its latest choice. */
export function VotersList({ governance, id }: { governance: Address; id: bigint }) {
  const { chain } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const voters = useQuery({
    queryKey: ['governance-voters', chain.id, governance, id.toString()],
    enabled: Boolean(client),
    queryFn: async () => {
      if (!client) throw new Error('No connection to the network');
      const logs = await client.getLogs({
        address: governance,
        event: VOTE_CAST,
        args: { id },
        fromBlock: deploymentBlock(chain.id, 'TreasuryGovernance'),
        toBlock: 'latest',
      });
      return latestVotes(logs, id);
    },
  });
  const rows = voters.data;

  return (
    <Card title="Voters">
      {voters.isPending ? (
        <p role="status" className="text-sm text-slate-300">
          Loading the voters…
        </p>
      ) : voters.isError ? (
        <div role="alert" className="space-y-3 text-sm text-rose-100">
          <p>The voters could not be loaded: {voters.error.message.split('\n')[0]}</p>
          <Button variant="secondary" onClick={() => void voters.refetch()} disabled={voters.isFetching}>
            {voters.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        </div>
      ) : !rows || rows.length === 0 ? (
        <p className="text-sm text-slate-300">No votes yet.</p>
      ) : (
        <>
          <DataTable
            caption={`Voters on proposal ${id.toString()}, heaviest first; a changed vote shows its latest choice.`}
            columns={[{ label: 'Voter' }, { label: 'Choice' }, { label: 'Weight', align: 'right' }]}
            minWidth="0"
          >
            {rows.map((row) => (
              <tr key={row.voter} data-testid="voter-row">
                <td className="py-2 pr-4">
                  <VoterAddress address={row.voter} />
                </td>
                <td className="py-2 pr-4">{row.choice}</td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums">{formatCloWithUnit(row.weight)}</td>
              </tr>
            ))}
          </DataTable>
          <Button variant="secondary" className="mt-4" onClick={() => downloadCsv(rows, id)}>
            Export voters CSV
          </Button>
        </>
      )}
    </Card>
  );
}
