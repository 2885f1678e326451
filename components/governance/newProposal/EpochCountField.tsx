'use client';
import type { NewProposalField } from '@/lib/governance/newProposal';
import { MAX_EPOCHS } from '@/lib/governance/proposal';
import { described, Field, inputClass } from '@/components/ui/FormField';
import type { ShownErrors } from './useShownErrors';

const EPOCH_OPTIONS = Array.from({ length: MAX_EPOCHS }, (_, i) => i + 1);

/** How many epochs a payment runs: 1 to 12, the contract's bounds. */
export function EpochCountField(props: {
  id: string;
  field: NewProposalField;
  label: string;
  hint: string;
  value: string;
  errors: ShownErrors;
  onChange(value: string): void;
}) {
  const error = props.errors.shown(props.field);
  return (
    <Field id={props.id} label={props.label} error={error} hint={props.hint}>
      <select
        id={props.id}
        name={props.field}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
        {...described(props.id, error, true)}
      >
        {EPOCH_OPTIONS.map((n) => (
          <option key={n} value={n}>
            {n} epoch{n === 1 ? '' : 's'}
          </option>
        ))}
      </select>
    </Field>
  );
}
