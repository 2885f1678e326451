'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { signReportCall } from '@/lib/audits/calls';
import { awaitingSignature } from '@/lib/audits/requests';
import type { AuditReport } from '@/lib/audits/types';
import { parseErrorCount } from '@/lib/audits/validation';
import type { ActionState } from '@/lib/tx/actionState';
import { Field, inputClass } from '@/components/ui/FormField';
import { useField, useFormSubmit } from '@/components/ui/useForm';
import { ActionSection } from './ActionSection';
import { FormAction } from './FormAction';
import { ReportPicker } from './ReportPicker';
import { plural } from '@/lib/format/plural';

/** A manager signs a committed report with the number of vulnerabilities it missed: final. */
export function SignReportAction({
  registry,
  id,
  reports,
  action,
}: {
  registry: Address;
  id: bigint;
  reports: readonly AuditReport[];
  action: ActionState;
}) {
  const base = useId();
  const unsigned = awaitingSignature(reports);
  const [auditor, setAuditor] = useState('');
  const chosen = unsigned.find((r) => r.auditor === auditor) ?? unsigned[0];
  const errors = useField({
    id: `${base}-errors`,
    initial: '0',
    validate: (text) => parseErrorCount(text).error,
    hint: '0 to 1000',
  });
  const form = useFormSubmit([errors]);
  return (
    <ActionSection
      title="Sign a report"
      testId="action-sign"
      note="After comparing the reports, accept one with the number of vulnerabilities other auditors found that it missed. Final: the commitment and the errors no longer change. Nobody grades their own work: a manager who wrote a report for this request (as an auditor, before being appointed) signs and reveals none of its reports."
    >
      <ReportPicker
        id={`${base}-auditor`}
        label="Report to sign"
        reports={unsigned}
        chosen={chosen}
        onChoose={setAuditor}
        none="No unsigned report"
      />
      <Field label="Errors missed" {...errors.fieldProps}>
        <input inputMode="numeric" autoComplete="off" className={`${inputClass} tabular-nums`} {...errors.inputProps} />
      </Field>
      <FormAction
        form={form}
        label="Sign report"
        action={action}
        build={() => signReportCall(registry, id, chosen?.auditor, errors.value)}
        successMessage={`Signed the report of ${chosen?.auditor ?? ''} with ${plural(parseErrorCount(errors.value).value ?? 0n, 'error')}`}
        onDone={(outcome) => {
          if (outcome.status !== 'success') return;
          form.reset();
          setAuditor('');
        }}
      />
    </ActionSection>
  );
}
