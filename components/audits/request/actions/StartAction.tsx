'use client';

import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { ActionState } from '@/lib/tx/actionState';
import { TransactionAction } from '@/components/ui/TransactionAction';
import { ActionSection } from './ActionSection';

/** A manager marks an approved request in progress: enough auditors picked it. */
export function StartAction({ registry, id, action }: { registry: Address; id: bigint; action: ActionState }) {
  return (
    <ActionSection
      title="Mark in progress"
      testId="action-start"
      note="Enough auditors picked it: reports committed from now on are late (they earn karma but do not renew active status)."
    >
      <TransactionAction
        label="Mark in progress"
        action={action}
        build={() => ({ address: registry, abi: auditRegistryAbi, functionName: 'start', args: [id] as const })}
        successMessage={`Request #${id.toString()} is in progress`}
      />
    </ActionSection>
  );
}
