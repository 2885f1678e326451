'use client';

import { useId } from 'react';
import type { Address } from 'viem';
import { completeCall } from '@/lib/audits/calls';
import { SEVERITY_FIELDS, verdictText } from '@/lib/audits/requests';
import { parseFindingCount } from '@/lib/audits/validation';
import type { ActionState } from '@/lib/tx/actionState';
import { Field, inputClass } from '@/components/ui/FormField';
import { useField, useFormSubmit, type FieldHandle } from '@/components/ui/useForm';
import { ActionSection } from './ActionSection';
import { FormAction } from './FormAction';

const VERDICTS = [
  { value: 'passed', passed: true },
  { value: 'failed', passed: false },
] as const;

function isVerdict(value: string): value is 'passed' | 'failed' | '' {
  return value === '' || VERDICTS.some((v) => v.value === value);
}

const countProblem = (label: string) => (text: string) => parseFindingCount(text, label).error;

/** A manager records the verdict of a request in progress and its findings by severity. */
export function CompleteAction({ registry, id, action }: { registry: Address; id: bigint; action: ActionState }) {
  const base = useId();
  const verdict = useField({
    id: `${base}-verdict`,
    validate: (value) => (value === '' ? 'Choose the verdict' : undefined),
  });
  const critical = useField({ id: `${base}-critical`, initial: '0', validate: countProblem('Critical') });
  const high = useField({ id: `${base}-high`, initial: '0', validate: countProblem('High') });
  const medium = useField({ id: `${base}-medium`, initial: '0', validate: countProblem('Medium') });
  const low = useField({ id: `${base}-low`, initial: '0', validate: countProblem('Low') });
  const owner = useField({ id: `${base}-owner`, initial: '0', validate: countProblem('Owner privileges') });
  const counts = { critical, high, medium, low, owner_privileges: owner } satisfies Record<string, FieldHandle>;
  const form = useFormSubmit([verdict, critical, high, medium, low, owner]);
  const chosen = isVerdict(verdict.value) ? verdict.value : '';
  return (
    <ActionSection
      title="Complete with a verdict"
      testId="action-complete"
      note="Record the verdict and the findings by severity: the contract joins the registry of audited contracts."
    >
      <fieldset aria-describedby={verdict.error ? `${verdict.id}-error` : undefined}>
        <legend className="text-sm font-medium">Verdict</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {VERDICTS.map((v, i) => (
            <label key={v.value} className="flex items-center gap-2">
              <input
                // The first radio carries the field's id, so a failed submit focuses the group.
                id={i === 0 ? verdict.id : undefined}
                type="radio"
                name={verdict.id}
                checked={verdict.value === v.value}
                onChange={() => verdict.setValue(v.value)}
              />
              {verdictText(v.passed)}
            </label>
          ))}
        </div>
        {verdict.error && (
          <p id={`${verdict.id}-error`} className="mt-1 text-sm text-rose-300">
            {verdict.error}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Findings by severity</legend>
        <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {SEVERITY_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label} {...counts[key].fieldProps}>
              <input
                inputMode="numeric"
                autoComplete="off"
                className={`${inputClass} tabular-nums`}
                {...counts[key].inputProps}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <FormAction
        form={form}
        label="Complete audit"
        action={action}
        build={() =>
          completeCall(registry, id, chosen, {
            critical: critical.value,
            high: high.value,
            medium: medium.value,
            low: low.value,
            owner_privileges: owner.value,
          })
        }
        successMessage={`Completed request #${id.toString()}: ${verdictText(chosen === 'passed')}`}
        onDone={(outcome) => outcome.status === 'success' && form.reset()}
      />
    </ActionSection>
  );
}
