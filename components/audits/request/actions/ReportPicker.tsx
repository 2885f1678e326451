'use client';

import { inputClass } from '@/components/ui/FormField';
import { Field } from '@/components/ui/FormField';
import type { AuditReport } from '@/lib/audits/types';

/** Which auditor's report an action applies to, among those waiting for it. */
export function ReportPicker({
  id,
  label,
  reports,
  chosen,
  onChoose,
  none,
}: {
  id: string;
  label: string;
  reports: readonly AuditReport[];
  chosen: AuditReport | undefined;
  onChoose(auditor: string): void;
  /** The only option's text when no report is waiting. */
  none: string;
}) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        value={chosen?.auditor ?? ''}
        onChange={(e) => onChoose(e.target.value)}
        className={`${inputClass} font-mono`}
        disabled={reports.length === 0}
      >
        {reports.length === 0 && <option value="">{none}</option>}
        {reports.map((r) => (
          <option key={r.auditor} value={r.auditor}>
            {r.auditor}
          </option>
        ))}
      </select>
    </Field>
  );
}
