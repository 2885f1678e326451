'use client';

import { useId } from 'react';
import type { Address } from 'viem';
import { rejectCall } from '@/lib/audits/calls';
import { validateRejectReason } from '@/lib/audits/validation';
import type { ActionState } from '@/lib/tx/actionState';
import { Field, inputClass } from '@/components/ui/FormField';
import { useField, useFormSubmit } from '@/components/ui/useForm';
import { ActionSection } from './ActionSection';
import { FormAction } from './FormAction';

/** A manager rejects a pending or approved request, with a public reason. */
export function RejectAction({ registry, id, action }: { registry: Address; id: bigint; action: ActionState }) {
  const reason = useField({
    id: `${useId()}-reason`,
    validate: validateRejectReason,
    hint: 'Public, 1 to 200 bytes',
  });
  const form = useFormSubmit([reason]);
  return (
    <ActionSection title="Reject" testId="action-reject">
      <Field label="Reject reason" {...reason.fieldProps}>
        <textarea rows={2} className={inputClass} disabled={!action.allowed} {...reason.inputProps} />
      </Field>
      <FormAction
        form={form}
        label="Reject"
        variant="danger"
        action={action}
        build={() => rejectCall(registry, id, reason.value)}
        successMessage={`Rejected request #${id.toString()}`}
        onDone={(outcome) => outcome.status === 'success' && form.reset()}
      />
    </ActionSection>
  );
}
