'use client';
import { useId } from 'react';
import type { AuditManagerFields as Fields } from '@/lib/governance/newProposal';
import { byteLength, MAX_CONTACT_BYTES } from '@/lib/governance/proposal';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';
import { RadioGroup } from '@/components/ui/RadioGroup';

const ACTIONS = [
  ['appoint', 'Appoint'],
  ['dismiss', 'Dismiss'],
] as const;

/** Appoint or dismiss an audit manager of the audit registry. */
export function AuditManagerFields({
  fields,
  onChange,
  errors,
}: {
  fields: Fields;
  onChange(fields: Fields): void;
  errors: ShownErrors;
}) {
  const id = useId();
  const appoint = fields.action === 'appoint';
  return (
    <>
      <RadioGroup
        legend="Audit manager change"
        options={ACTIONS}
        value={fields.action}
        onChange={(action) => onChange({ ...fields, action })}
      />
      <TextField
        id={`${id}-manager`}
        field="manager"
        label="Manager address"
        code
        placeholder="0x…"
        value={fields.manager}
        onChange={(manager) => onChange({ ...fields, manager })}
        errors={errors}
        hint={
          appoint
            ? 'The account that will manage audits in the audit registry'
            : 'The audit manager to remove from the audit registry'
        }
      />
      {appoint && (
        <TextField
          id={`${id}-contact`}
          field="contact"
          label="Manager contact"
          value={fields.contact}
          onChange={(contact) => onChange({ ...fields, contact })}
          errors={errors}
          hint={`${byteLength(fields.contact)} of ${MAX_CONTACT_BYTES} bytes (UTF-8): how projects reach the manager; shown as plain text`}
        />
      )}
    </>
  );
}
