'use client';

import { auditorLabel } from '@/lib/audits/members';
import type { AuditReport } from '@/lib/audits/types';
import { Field, inputClass } from '@/components/ui/FormField';

/** Which auditor's report an action applies to, among those waiting for it. Each auditor is named by its public
 * contact (from the registry's members) with its short address; the chosen one's full address is written below the
 * picker, and each option carries it as its title. */
export function ReportPicker({
  id,
  label,
  reports,
  chosen,
  onChoose,
  contacts,
  none,
}: {
  id: string;
  label: string;
  reports: readonly AuditReport[];
  chosen: AuditReport | undefined;
  onChoose(auditor: string): void;
  /** Auditors' contacts by lower-case address (useAuditorContacts). */
  contacts: ReadonlyMap<string, string>;
  /** The only option's text when no report is waiting. */
  none: string;
}) {
  return (
    <Field
      id={id}
      label={label}
      hint={
        chosen && (
          <>
            Auditor’s address: <span className="font-mono break-all">{chosen.auditor}</span>
          </>
        )
      }
    >
      <select
        id={id}
        value={chosen?.auditor ?? ''}
        onChange={(e) => onChoose(e.target.value)}
        className={inputClass}
        disabled={reports.length === 0}
        aria-describedby={chosen ? `${id}-hint` : undefined}
      >
        {reports.length === 0 && <option value="">{none}</option>}
        {reports.map((r) => (
          // TODO(merge): SafeText cannot render inside an <option>: auditorLabel shows hidden characters as "�".
          <option key={r.auditor} value={r.auditor} title={r.auditor}>
            {auditorLabel(r.auditor, contacts.get(r.auditor.toLowerCase()))}
          </option>
        ))}
      </select>
    </Field>
  );
}
