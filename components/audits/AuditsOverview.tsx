'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { useDeployedAddress } from '@/components/ui/DeployedGate';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { useAuditedCount } from './hooks/useAuditedCount';
import { useOpenRequestCount } from './hooks/useOpenRequestCount';

/** The audit registry at a glance for the overview page: audited contracts and the open queue. */
export function AuditsOverview() {
  const { chain } = useNetwork();
  const registry = useDeployedAddress('AuditRegistry');
  return (
    <Card title="Audit registry">
      {registry ? (
        <OverviewBody registry={registry} />
      ) : (
        <p className="text-sm text-slate-300">The audit registry is not deployed on {chain.name}.</p>
      )}
    </Card>
  );
}

function OverviewBody({ registry }: { registry: Address }) {
  // Both figures are counters the contract keeps: two reads in one batch, however many requests exist.
  const auditedCount = useAuditedCount(registry);
  const openCount = useOpenRequestCount(registry);
  const audited = auditedCount.data;
  const open = openCount.data;

  return (
    <>
      <dl className="grid grid-cols-2 gap-4">
        <Stat
          label="Audited contracts"
          value={audited === undefined ? undefined : <span data-testid="overview-audited">{audited.toString()}</span>}
        />
        <Stat
          label="In the queue"
          value={open === undefined ? undefined : <span data-testid="overview-queue">{open.toString()}</span>}
          hint="Pending, approved or in progress"
        />
      </dl>
      {(auditedCount.isError || openCount.isError) && (
        <p role="alert" className="mt-3 text-sm text-rose-200">
          The audit registry cannot be read: the network does not answer.
        </p>
      )}
      <Link href="/audits/" className="mt-4 inline-block text-sm text-teal-300 underline underline-offset-2">
        Audit registry
      </Link>
    </>
  );
}
