'use client';
// One text input of the form with its label, hint and message, tied together for screen readers.
import type { ReactNode } from 'react';
import type { NewProposalField } from '@/lib/governance/newProposal';
import { described, Field, inputClass } from '@/components/ui/FormField';
import { useKeepTypedValue } from '@/components/ui/useKeepTypedValue';
import type { ShownErrors } from './useShownErrors';

export function TextField(props: {
  id: string;
  field: NewProposalField;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: ShownErrors;
  hint?: ReactNode;
  /** Addresses and hashes: monospace, no spelling check (nor for URLs). */
  code?: boolean;
  numeric?: 'decimal' | 'numeric';
  type?: 'url';
  placeholder?: string;
  list?: string;
  multiline?: boolean;
}) {
  const error = props.errors.shown(props.field);
  // What was typed into the static page before it hydrated is kept (see useKeepTypedValue).
  const keepTyped = useKeepTypedValue(props.value, props.onChange);
  const common = {
    ref: keepTyped,
    id: props.id,
    name: props.field,
    value: props.value,
    placeholder: props.placeholder,
    onBlur: props.errors.blur(props.field),
    ...described(props.id, error, Boolean(props.hint)),
  };
  const style = `${inputClass}${props.code ? ' font-mono' : ''}${props.numeric ? ' tabular-nums' : ''}`;
  return (
    <Field id={props.id} label={props.label} error={error} hint={props.hint}>
      {props.multiline ? (
        <textarea {...common} rows={8} onChange={(e) => props.onChange(e.target.value)} className={style} />
      ) : (
        <input
          {...common}
          type={props.type}
          inputMode={props.numeric}
          list={props.list}
          autoComplete="off"
          spellCheck={props.code || props.type === 'url' ? false : undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className={style}
        />
      )}
    </Field>
  );
}
