import type { HostNodeHealth } from '@/lib/files/hostNodeClient';
import { endpointHost } from '@/lib/files/links';
import { blockLag, capacityBytes } from '@/lib/files/nodes';
import type { HostNode } from '@/lib/files/types';
import { formatByteCount, formatBytes } from '@/lib/files/units';
import { DateAt } from '@/components/ui/chainDisplay';
import { AddressText } from '@/components/ui/AddressText';
import { SafeText } from '@/components/ui/SafeText';

/** One elected node: its address and election date, its endpoint (untrusted, shown whole with its host apart),
 * capacity, the held files it confirmed, and its live health as its own /health answers. */
export function NodeRow({
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
        <span className="block font-mono text-xs" data-testid="node-endpoint">
          <SafeText text={node.endpoint} kind="url" maxChars={300} />
        </span>
        <span className="block text-xs text-slate-400">
          host{' '}
          <span className="font-mono" data-testid="node-host">
            <SafeText text={endpointHost(node.endpoint)} maxChars={300} />
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
