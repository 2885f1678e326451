'use client';

import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { ActionState } from '@/lib/tx/actionState';
import { TransactionAction } from '@/components/ui/TransactionAction';
import { ActionSection } from './ActionSection';

/** A manager accepts a pending request for auditing. */
export function ApproveAction({ registry, id, action }: { registry: Address; id: bigint; action: ActionState }) {
  return (
    <ActionSection
      title="Approve"
      testId="action-approve"
      note="Accept the request for auditing: auditors may then commit reports."
    >
      <TransactionAction
        label="Approve"
        action={action}
        build={() => ({ address: registry, abi: auditRegistryAbi, functionName: 'approve', args: [id] as const })}
        successMessage={`Approved request #${id.toString()}`}
      />
    </ActionSection>
  );
}
