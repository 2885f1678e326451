'use client';
// When a field's message shows: once the field was left, or after a submit. A field left for the submit button
// does not count as left: its message would push the button down between the press and the release and swallow
// the click; the submit shows every message anyway.
import { useCallback, useState, type FocusEvent } from 'react';
import type { FieldErrors, NewProposalField } from '@/lib/governance/newProposal';

export function useShownErrors(errors: FieldErrors) {
  const [touched, setTouched] = useState<Partial<Record<NewProposalField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const blur = useCallback(
    (field: NewProposalField) => (event: FocusEvent) => {
      if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.dataset.submit !== undefined) return;
      setTouched((t) => ({ ...t, [field]: true }));
    },
    [],
  );
  return {
    shown: (field: NewProposalField) => (submitted || touched[field] ? errors[field] : undefined),
    blur,
    submitted,
    markSubmitted: () => setSubmitted(true),
    reset: () => {
      setTouched({});
      setSubmitted(false);
    },
  };
}

export type ShownErrors = ReturnType<typeof useShownErrors>;
