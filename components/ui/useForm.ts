'use client';

import { useCallback, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useKeepTypedValue } from './useKeepTypedValue';

export interface FieldOptions {
  /** The control's DOM id; the hint and the message get `${id}-hint` and `${id}-error`. */
  id: string;
  initial?: string;
  /** What is wrong with `value`, in words shown next to the field, or undefined when it is fine. */
  validate?(value: string): string | undefined;
  /** Help shown below the control (the range allowed, the unit); `Field` renders it, the control points at it. */
  hint?: ReactNode;
}

export interface FieldHandle {
  id: string;
  value: string;
  setValue(value: string): void;
  /** The message to show: the problem once the user left the field or tried to submit, else undefined. */
  error: string | undefined;
  /** The problem with the value now, shown or not yet. */
  problem: string | undefined;
  touched: boolean;
  /** Marks the field as visited, so its problem shows. */
  touch(): void;
  /** Back to `value` (the initial one by default), not visited. */
  reset(value?: string): void;
  /** Spread on the control: value, change and blur handlers, and its ties to the hint and the message. */
  inputProps: {
    id: string;
    value: string;
    onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): void;
    onBlur(): void;
    /** Keeps what was typed before the page hydrated (see useKeepTypedValue). */
    ref(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null): void;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  };
  /** Spread on `Field` (components/ui/FormField.tsx) with its label: the id, the message and the hint. */
  fieldProps: { id: string; error: string | undefined; hint: ReactNode };
}

/**
 * One validated form field. Its problem is shown only once the user has left the field (or tried to submit), so
 * nobody is told off while still typing, and from then on it follows every keystroke. The control is tied to the
 * hint and the message for screen readers by the ids `Field` gives them.
 */
export function useField({ id, initial = '', validate, hint }: FieldOptions): FieldHandle {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const problem = validate?.(value);
  const error = touched ? problem : undefined;
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== '';
  const describedBy = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const touch = useCallback(() => setTouched(true), []);
  const keepTyped = useKeepTypedValue(value, setValue);
  const reset = useCallback(
    (next?: string) => {
      setValue(next ?? initial);
      setTouched(false);
    },
    [initial],
  );
  return {
    id,
    value,
    setValue,
    error,
    problem,
    touched,
    touch,
    reset,
    inputProps: {
      id,
      value,
      onChange: (event) => setValue(event.target.value),
      onBlur: touch,
      ref: keepTyped,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    },
    fieldProps: { id, error, hint: hasHint ? hint : undefined },
  };
}

/**
 * Submitting a form of `fields`: every field is marked visited (so every problem shows at once), the first field
 * with a problem gets the focus, and `onValid` runs only when there is none.
 */
export function useFormSubmit(fields: readonly FieldHandle[]) {
  const [submitted, setSubmitted] = useState(false);
  const isValid = fields.every((field) => field.problem === undefined);

  /** Shows every problem and focuses the first; true when there is none. For a send button outside a <form>. */
  const validateAll = (): boolean => {
    setSubmitted(true);
    for (const field of fields) field.touch();
    const first = fields.find((field) => field.problem !== undefined);
    if (first) document.getElementById(first.id)?.focus();
    return first === undefined;
  };

  /** A <form onSubmit> handler: no page reload, and `onValid` only when every field is valid. */
  const handleSubmit =
    (onValid: () => unknown) =>
    (event?: FormEvent): void => {
      event?.preventDefault();
      if (validateAll()) void onValid();
    };

  const reset = () => {
    setSubmitted(false);
    for (const field of fields) field.reset();
  };

  return { submitted, isValid, validateAll, handleSubmit, reset };
}
