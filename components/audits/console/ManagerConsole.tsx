'use client';

import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { managerRefusal } from '@/lib/audits/actions';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { ReadFailed } from '@/components/ui/primitives';
import { useRegistryOwner } from '../hooks/useMembers';
import { useRoles } from '../hooks/useRoles';
import { EncryptionKeyCard } from '../keys/EncryptionKeyCard';
import { PageHeading } from '@/components/audits/pageParts';
import { AuditorsTable } from './AuditorsTable';
import { DeliveredInbox } from './DeliveredInbox';
import { ManagersTable } from './ManagersTable';
import { NeedsAction } from './NeedsAction';
import { NominateAuditorForm } from './NominateAuditorForm';
import { Nominations } from './Nominations';

/** `/audits/manage/`: requests waiting for a manager, and the team. */
export function ManagerConsole() {
  return (
    <div className="space-y-6">
      <PageHeading title="Manager console">
        Requests waiting for a manager, and the team: auditors are added by two managers (one nominates, another
        confirms) and removed by one. Managers are appointed by the registry’s owner or by governance.
      </PageHeading>
      <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
        {({ AuditRegistry }) => <Console registry={AuditRegistry} />}
      </DeployedGate>
    </div>
  );
}

function Console({ registry }: { registry: Address }) {
  const { address } = useAccount();
  const { isManager, isPending } = useRoles(registry, address);
  const owner = useRegistryOwner(registry);
  if (owner.error && owner.data === undefined) {
    return <ReadFailed what="The audit registry" error={owner.error} onRetry={() => void owner.refetch()} />;
  }
  const refusal = managerRefusal(address, isManager, owner.data);
  return (
    <>
      {owner.data !== undefined && !isPending && (
        <p className="text-sm text-slate-300" data-testid="manager-role">
          {refusal ?? 'You are a manager of the registry.'}
        </p>
      )}
      <NeedsAction registry={registry} />
      <DeliveredInbox registry={registry} />
      {isManager && <EncryptionKeyCard registry={registry} account={address} role="manager" />}
      <NominateAuditorForm registry={registry} refusal={refusal} />
      <Nominations registry={registry} account={address} isManager={isManager} />
      <AuditorsTable registry={registry} refusal={refusal} />
      <ManagersTable registry={registry} />
    </>
  );
}
