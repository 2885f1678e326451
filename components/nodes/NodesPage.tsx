'use client';

import type { Address } from 'viem';
import { useBlockNumber } from 'wagmi';
import type { HostNodeHealth } from '@/lib/files/hostNodeClient';
import { endpointHost } from '@/lib/files/links';
import { blockLag, capacityBytes, nodesByElection } from '@/lib/files/nodes';
import { freeBytes } from '@/lib/files/pricing';
import { currentPoint, priceCurve } from '@/lib/files/priceCurve';
import type { HostNode } from '@/lib/files/types';
import { MB_NOTE, formatByteCount, formatBytes, formatCloExact, formatPricePerMb } from '@/lib/files/units';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, NotDeployed, ReadFailed, Stat } from '@/components/ui/primitives';
import { DateAt } from '@/components/ui/chainDisplay';
import { AddressText } from '@/components/ui/AddressText';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import { useStorageTotals } from '@/components/files/hooks/useStorageTotals';
import { PageHeading } from '@/components/files/shared';
import { StorageCapacityStat, StorageUsedStat } from '@/components/files/StorageStats';
import { PriceCurveChart } from './PriceCurveChart';
import { useNodeHealth } from './useNodeHealth';

export function NodesPage() {
  const { chain } = useNetwork();
  const fs = useFileSystem();
  return (
    <div className="space-y-6">
      <PageHeading title="Host nodes">
        The IPFS host nodes elected by cold stakers store the files whose deposits the contract holds. Their capacities
        add up to the supply the price is computed from; the price per MB rises as it fills, without bound near full.
      </PageHeading>
      {fs ? (
        <NodesBody fileSystem={fs.address} />
      ) : (
        <NotDeployed feature="The Callisto File System" network={chain.name} />
      )}
    </div>
  );
}

function NodesBody({ fileSystem }: { fileSystem: Address }) {
  const { chain } = useNetwork();
  // The chain's side of the page, issued in one render (one batch); the health checks go to the nodes themselves.
  const totalsRead = useStorageTotals(fileSystem);
  const nodesRead = useHostNodes(fileSystem);
  const block = useBlockNumber({ watch: false });
  const totals = totalsRead.data;
  const nodes = nodesRead.data ? nodesByElection(nodesRead.data) : undefined;
  const health = useNodeHealth((nodes ?? []).map((n) => n.endpoint));

  if ((totalsRead.isError && !totals) || (nodesRead.isError && !nodes)) {
    return (
      <ReadFailed
        what="The file system"
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
            value={
              totals === undefined ? undefined : (
                <span data-testid="price-now">{formatCloExact(totals.price_per_mb)}</span>
              )
            }
            hint={totals === undefined ? undefined : `floor ${formatCloExact(totals.floor_price)}`}
          />
          <Stat
            label="Files stored"
            value={
              totals === undefined ? undefined : (
                <span data-testid="storage-files">{totals.counted_file_count.toString()}</span>
              )
            }
            hint={
              totals === undefined
                ? undefined
                : `confirmed and held; ${formatCloExact(totals.held_deposits)} in deposits`
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
                Unit price {formatPricePerMb(totals.unit_price)}, floor {formatPricePerMb(totals.floor_price)}.{' '}
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

function NodeRow({
  node,
  health,
  chainHead,
  chainId,
}: {
  node: HostNode;
  health: HostNodeHealth | undefined;
  chainHead: bigint | undefined;
  chainId: number;
}) {
  return (
    <tr data-testid="node-row" className="align-top">
      <td className="max-w-[14rem] py-2 pr-4">
        <AddressText address={node.node} />
        <span className="mt-1 block text-xs text-slate-400">
          elected <DateAt at={node.elected_at} />
        </span>
      </td>
      <td className="max-w-[16rem] py-2 pr-4">
        {/* From the chain, untrusted: shown as text, whole, with its host apart so a look-alike stands out. */}
        <span className="block font-mono text-xs break-all" data-testid="node-endpoint">
          {node.endpoint}
        </span>
        <span className="block text-xs text-slate-400">
          host{' '}
          <span className="font-mono" data-testid="node-host">
            {endpointHost(node.endpoint)}
          </span>
        </span>
      </td>
      <td
        className="py-2 pr-4 text-right tabular-nums"
        data-testid="node-capacity"
        title={formatByteCount(capacityBytes(node))}
      >
        {node.capacity_mb.toLocaleString('en')} MB
      </td>
      <td className="py-2 pr-4 text-right tabular-nums" data-testid="node-confirmations">
        {node.confirmations.toLocaleString('en')}
        <span className="block text-xs text-slate-400" title={formatByteCount(node.confirmed_bytes)}>
          {formatBytes(node.confirmed_bytes)}
        </span>
      </td>
      <td className="py-2">
        <HealthCell node={node} health={health} chainHead={chainHead} chainId={chainId} />
      </td>
    </tr>
  );
}

function HealthCell({
  node,
  health,
  chainHead,
  chainId,
}: {
  node: HostNode;
  health: HostNodeHealth | undefined;
  chainHead: bigint | undefined;
  chainId: number;
}) {
  if (!health) {
    return (
      <span className="text-slate-400" data-testid="node-health">
        Checking
      </span>
    );
  }
  if (health.status === 'offline') {
    return (
      <div>
        <span className="inline-flex items-center gap-1.5 font-medium text-rose-300" data-testid="node-health">
          <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-rose-400" />
          Offline
        </span>
        <span className="block text-xs text-slate-400">{health.reason}</span>
      </div>
    );
  }
  const { report } = health;
  const lag = blockLag(chainHead, report);
  const otherNode = report.node.toLowerCase() !== node.node.toLowerCase();
  const otherChain = report.chainId !== chainId;
  return (
    <div>
      <span className="inline-flex items-center gap-1.5 font-medium text-emerald-300" data-testid="node-health">
        <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-emerald-400" />
        Online
      </span>
      <span className="ml-2 text-xs text-slate-400">{health.latencyMs} ms</span>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-300">
        <dt className="text-slate-400">Block lag</dt>
        <dd data-testid="node-lag">
          {lag} block{lag === 1 ? '' : 's'}
        </dd>
        <dt className="text-slate-400">Pinned</dt>
        <dd>
          {report.pinned.toLocaleString('en')} file{report.pinned === 1 ? '' : 's'},{' '}
          {formatBytes(BigInt(Math.floor(report.storedBytes)))}
        </dd>
        {report.version && (
          <>
            <dt className="text-slate-400">Version</dt>
            <dd className="break-all">{report.version}</dd>
          </>
        )}
      </dl>
      {(otherNode || otherChain) && (
        <p role="note" className="mt-1 text-xs text-amber-200" data-testid="node-health-mismatch">
          {otherNode && (
            <>
              It answers as another node (<span className="font-mono break-all">{report.node}</span>).{' '}
            </>
          )}
          {otherChain && `It follows chain ${report.chainId}, not ${chainId}.`}
        </p>
      )}
    </div>
  );
}
