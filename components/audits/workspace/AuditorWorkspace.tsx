'use client';

import { useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { ReadFailed } from '@/components/ui/primitives';
import { useAuditRequestsPage } from '../hooks/useAuditRequestsPage';
import { useReportsOf } from '../hooks/useReportsOf';
import { useRoles } from '../hooks/useRoles';
import { EncryptionKeyCard } from '../keys/EncryptionKeyCard';
import { PageHeading } from '@/components/audits/pageParts';
import { AuditorProfile } from './AuditorProfile';
import { CommitCard } from './CommitCard';
import { KarmaRules } from './KarmaRules';
import { MyReports } from './MyReports';
import { Payouts } from './Payouts';

/** `/audits/auditor/`: an auditor's standing, commitments, reports and payouts. */
export function AuditorWorkspace() {
  return (
    <div className="space-y-6">
      <PageHeading title="Auditor workspace">
        Commit the hash of your private report, follow your reports, karma and active status, and claim your share of
        each ended payout period.
      </PageHeading>
      <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
        {({ AuditRegistry }) => <Workspace registry={AuditRegistry} />}
      </DeployedGate>
    </div>
  );
}

function Workspace({ registry }: { registry: Address }) {
  const { address } = useAccount();
  const [page, setPage] = useState(0);
  const loaded = useAuditRequestsPage(registry, page);
  const ids = useMemo(() => loaded.requests?.map((q) => q.id) ?? [], [loaded.requests]);
  const reports = useReportsOf(registry, ids);
  const { isAuditor } = useRoles(registry, address);

  if (loaded.error && loaded.count === undefined) {
    return <ReadFailed what="The audit registry" error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  return (
    <>
      <AuditorProfile registry={registry} account={address} isAuditor={isAuditor} />
      {isAuditor && <EncryptionKeyCard registry={registry} account={address} role="auditor" />}
      <CommitCard
        registry={registry}
        requests={loaded.requests ?? []}
        reports={reports}
        account={address}
        isAuditor={isAuditor}
      />
      <MyReports
        account={address}
        requests={loaded.requests ?? []}
        reports={reports}
        page={loaded.page}
        pageCount={loaded.pageCount}
        onPage={setPage}
      />
      <Payouts registry={registry} account={address} />
      <KarmaRules registry={registry} />
    </>
  );
}
