'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { Card, ReadFailed, Stat } from '@/components/ui/primitives';
import { useAuditedCount } from '../hooks/useAuditedCount';
import { useRequestCount } from '../hooks/useRequestCount';
import { PageHeading } from '@/components/audits/pageParts';
import { ArchiveDownload } from '@/components/audits/archive/ArchiveDownload';
import { AuditedContracts } from './AuditedContracts';
import { RequestQueue } from './RequestQueue';

/** `/audits/`: the registry's figures, the audited contracts and the request queue. */
export function AuditsPage() {
  return (
    <div className="space-y-6">
      <PageHeading title="Audit registry">
        Contracts audited by Callisto’s auditors, with the verdict, the findings and the revealed reports, and the queue
        of audit requests. Requesting an audit is free.
      </PageHeading>
      <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
        {({ AuditRegistry }) => <Registry registry={AuditRegistry} />}
      </DeployedGate>
    </div>
  );
}

function Registry({ registry }: { registry: Address }) {
  const audited = useAuditedCount(registry);
  const requests = useRequestCount(registry);
  const failed = (audited.error && audited.data === undefined) || (requests.error && requests.data === undefined);
  if (failed) {
    return (
      <ReadFailed
        what="The audit registry"
        error={audited.error ?? requests.error}
        onRetry={() => {
          void audited.refetch();
          void requests.refetch();
        }}
      />
    );
  }
  return (
    <>
      <Card>
        <dl className="grid grid-cols-2 gap-4">
          <Stat
            label="Audited contracts"
            value={
              audited.data === undefined ? undefined : (
                <span data-testid="audited-count">{audited.data.toString()}</span>
              )
            }
          />
          <Stat
            label="Requests"
            value={
              requests.data === undefined ? undefined : (
                <span data-testid="request-count">{requests.data.toString()}</span>
              )
            }
          />
        </dl>
        <Link
          href="/audits/new/"
          className="mt-4 inline-flex min-h-10 items-center rounded-md bg-teal-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-teal-400"
        >
          Request an audit
        </Link>
      </Card>
      <AuditedContracts registry={registry} />
      <ArchiveDownload registry={registry} />
      <RequestQueue registry={registry} />
    </>
  );
}
