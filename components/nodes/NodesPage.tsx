'use client';

import type { Address } from 'viem';
import { useBlockNumber } from 'wagmi';
import { nodesByElection } from '@/lib/files/nodes';
import { freeBytes } from '@/lib/files/pricing';
import { currentPoint, priceCurve } from '@/lib/files/priceCurve';
import { MB_NOTE, formatBytes } from '@/lib/files/units';
import { Amount } from '@/components/ui/Amount';
import { PricePerMb } from '@/components/files/PricePerMb';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, ReadFailed, Stat } from '@/components/ui/primitives';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import { useStorageTotals } from '@/components/files/hooks/useStorageTotals';
import { PageHeading } from '@/components/files/pageParts';
import { StorageCapacityStat, StorageUsedStat } from '@/components/files/StorageStats';
import { NodeRow } from './NodeRow';
import { PriceCurveChart } from './PriceCurveChart';
import { useNodeHealth } from './useNodeHealth';
import { useFollowChain } from '@/components/ui/useRpcHealth';

export function NodesPage() {
  return (
    <div className="space-y-6">
      <PageHeading title="Host nodes">
        The IPFS host nodes elected by cold stakers store the files whose deposits the contract holds. Their capacities
        add up to the supply the price is computed from; the price per MB rises as it fills, without bound near full.
      </PageHeading>
      <DeployedGate contracts={['CallistoFS']} feature="The Callisto File System">
        {({ CallistoFS }) => <NodesBody fileSystem={CallistoFS} />}
      </DeployedGate>
    </div>
  );
}

function NodesBody({ fileSystem }: { fileSystem: Address }) {
  const { chain } = useNetwork();
  // The chain's side of the page, issued in one render (one batch); the health checks go to the nodes themselves.
  const totalsRead = useStorageTotals(fileSystem);
  const nodesRead = useHostNodes(fileSystem);
  // The elected nodes (one read, at most 32) follow new blocks: an election or a removal shows without a reload.
  useFollowChain(nodesRead.refetch);
  const block = useBlockNumber({ watch: false });
  const totals = totalsRead.data;
  const nodes = nodesRead.data ? nodesByElection(nodesRead.data) : undefined;
  const health = useNodeHealth((nodes ?? []).map((n) => n.endpoint));

  if ((totalsRead.isError && !totals) || (nodesRead.isError && !nodes)) {
    return (
      <ReadFailed
        what="The file system"
        error={totalsRead.error ?? nodesRead.error}
        onRetry={() => {
          void totalsRead.refetch();
          void nodesRead.refetch();
        }}
      />
    );
  }

  return (
    <>
      <Card title="Storage">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <StorageUsedStat totals={totals} label="Used (confirmed)" testId="storage-used" />
          <StorageCapacityStat
            totals={totals}
            testId="storage-capacity"
            hint={
              totals === undefined
                ? undefined
                : `${formatBytes(totals.pending_bytes)} waiting for confirmation, ${formatBytes(freeBytes(totals))} free`
            }
          />
          <Stat
            label="Price per MB now"
            value={totals === undefined ? undefined : <PricePerMb wei={totals.price_per_mb} testId="price-now" />}
            hint={
              totals === undefined ? undefined : (
                <>
                  floor <PricePerMb wei={totals.floor_price} />
                </>
              )
            }
          />
          <Stat
            label="Files stored"
            value={
              totals === undefined ? undefined : (
                <span data-testid="storage-files">{totals.counted_file_count.toString()}</span>
              )
            }
            hint={
              totals === undefined ? undefined : (
                <>
                  confirmed and held; <Amount wei={totals.held_deposits} /> in deposits
                </>
              )
            }
          />
        </dl>
        {totals && (
          <div className="mt-5">
            <PriceCurveChart points={priceCurve(totals)} now={currentPoint(totals)} capacity={totals.capacity_bytes} />
            <div className="mt-2 space-y-1 text-xs text-slate-400" data-testid="price-formula">
              <p>
                price per MB = floor + unit price ÷ (2 × CRR) × (C² ÷ (C − use)² − 1), with C = the nodes’ capacity, use
                = the bytes of stored files and of uploads waiting for confirmation, CRR = 10.
              </p>
              <p>
                How it relates to the seed’s Price = Balance ÷ (Supply × CRR), Balance = storage used, Supply = the
                nodes’ capacity: while little is used the curve is the floor plus unit price × Balance ÷ (Supply × CRR),
                the seed’s line; then it bends up and has no bound as the free space runs out. The seed’s line stops at
                unit price ÷ CRR at full use, so the whole capacity could be held for a bounded refundable deposit; this
                curve keeps the seed’s promise that storage is never completely consumed.
              </p>
              <p>
                An upload’s deposit is the area under the curve over the bytes it takes, so splitting it saves nothing.
                Unit price <PricePerMb wei={totals.unit_price} />, floor <PricePerMb wei={totals.floor_price} />.{' '}
                {MB_NOTE}.
              </p>
            </div>
          </div>
        )}
      </Card>

      <Card title={nodes === undefined ? 'Elected nodes' : `Elected nodes (${nodes.length})`}>
        {nodes === undefined ? (
          <p role="status" className="text-sm text-slate-300">
            Loading the nodes…
          </p>
        ) : nodes.length === 0 ? (
          <p className="text-sm text-slate-300" data-testid="no-nodes">
            No host node is elected yet. Cold stakers elect them through governance proposals.
          </p>
        ) : (
          <DataTable
            caption="Elected host nodes with their live health"
            columns={[
              { label: 'Node' },
              { label: 'Endpoint' },
              { label: 'Capacity', align: 'right' },
              { label: 'Held files confirmed', align: 'right' },
              { label: 'Health' },
            ]}
            minWidth="52rem"
          >
            {nodes.map((n) => (
              <NodeRow
                key={n.node}
                node={n}
                health={health.get(n.endpoint)}
                chainHead={block.data}
                chainId={chain.id}
              />
            ))}
          </DataTable>
        )}
        <p className="mt-3 text-xs text-slate-400">
          Held files confirmed: the files a node confirmed whose deposit is still held, and their bytes; a withdrawal
          takes them off, so the figure salary proposals look at cannot be inflated with files that come and go. Health
          is read from each node’s own <span className="font-mono">/health</span> every 30 seconds, from your browser; a
          node that does not answer within 5 seconds shows as offline.
        </p>
      </Card>
    </>
  );
}
