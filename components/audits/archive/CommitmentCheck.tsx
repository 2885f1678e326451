'use client';

import type { Address, Hex } from 'viem';
import { commitmentCheckOf } from '@/lib/audits/archive/commitmentTrail';
import { DateAt } from '@/components/ui/chainDisplay';
import { useReportTrail } from './useReportTrail';

function When({ block, at, scanning }: { block: bigint | undefined; at: bigint | undefined; scanning: boolean }) {
  if (block === undefined)
    return <span className="text-slate-400">{scanning ? 'reading the history…' : 'unknown'}</span>;
  return (
    <span>
      block {block.toString()}
      {at !== undefined && (
        <>
          , <DateAt at={at} />
        </>
      )}
    </span>
  );
}

/**
 * The chain of evidence behind a revealed report: its link, the Keccak-256 of the link computed in this browser,
 * the commitment the auditor put on chain, and when the commitment and the reveal happened. A commitment made
 * before the reveal shows the report was fixed before anyone could read it.
 */
export function CommitmentCheck({
  registry,
  requestId,
  auditor,
  link,
  commitment,
}: {
  registry: Address;
  requestId: bigint;
  auditor: Address;
  link: string;
  commitment: Hex;
}) {
  const check = commitmentCheckOf(link, commitment);
  const trail = useReportTrail(registry, requestId, auditor);
  return (
    <dl className="grid gap-1 text-xs" data-testid="commitment-check">
      <div>
        <dt className="inline text-slate-400">Link revealed: </dt>
        <dd className="inline font-mono break-all">{link}</dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Keccak-256 of the link (computed here): </dt>
        <dd className="inline font-mono break-all">{check.computed}</dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Commitment on chain: </dt>
        <dd className="inline font-mono break-all">{check.committed}</dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Check: </dt>
        <dd
          className={`inline ${check.matches ? 'text-emerald-300' : 'text-rose-300'}`}
          data-testid="commitment-result"
        >
          {check.matches
            ? 'the link hashes to the commitment'
            : 'the link does NOT hash to the commitment: do not rely on this report'}
        </dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Committed: </dt>
        <dd className="inline" data-testid="committed-when">
          <When block={trail.committedIn} at={trail.committedAt} scanning={trail.scanning} />
        </dd>
      </div>
      <div>
        <dt className="inline text-slate-400">Revealed: </dt>
        <dd className="inline" data-testid="revealed-when">
          <When block={trail.revealedIn} at={trail.revealedAt} scanning={trail.scanning} />
        </dd>
      </div>
      {trail.committedIn !== undefined && trail.revealedIn !== undefined && trail.committedIn < trail.revealedIn && (
        <p className="text-emerald-300">
          Committed before the reveal: the report was fixed before anyone could read it.
        </p>
      )}
      {trail.error && <p className="text-amber-300">The event history could not be read: {trail.error}</p>}
    </dl>
  );
}
