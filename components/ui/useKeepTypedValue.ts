'use client';

import { useCallback } from 'react';

type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * A ref for a controlled field that keeps what the user typed before the page hydrated.
 *
 * Why: every page is a static export, so its form is in the HTML and can be typed into while React is still
 * loading. On hydration React leaves the typed text in the element but its state still holds the initial value;
 * the next render of the field (the wallet reconnecting, a read arriving) then writes the state back and the text
 * is gone, and a submit in between would validate the empty state. This ref reads the element when it is attached
 * and, when it holds something else than the state, adopts it as the state.
 *
 * After any client render React has already written the state into the element when refs attach, so the check
 * finds them equal and does nothing: only text React did not write (typed before hydration) is adopted.
 *
 * `current` is the state's value now; `adopt` sets the state.
 */
export function useKeepTypedValue(current: string, adopt: (value: string) => void) {
  return useCallback(
    (element: TextControl | null) => {
      if (element && element.value !== current) adopt(element.value);
    },
    [current, adopt],
  );
}
