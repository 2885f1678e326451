'use client';

import { useState } from 'react';

/**
 * The latest settled value, kept while the next one loads: `value` is undefined while any read behind it is
 * loading or still showing the previous block's placeholder, and the last complete value stands in, so the page
 * keeps its figures (and its forms stay mounted with their messages) instead of emptying for a moment, and never
 * shows figures mixed from two blocks. A new `identity` (another account, say) drops what was kept.
 */
export function useLastSettled<T>(value: T | undefined, identity?: string): T | undefined {
  const [last, setLast] = useState<{ value: T | undefined; identity: string | undefined }>({ value, identity });
  // Adjusting state while rendering, as React documents for state derived from changing props.
  if ((value !== undefined && value !== last.value) || identity !== last.identity) setLast({ value, identity });
  return value ?? (identity === last.identity ? last.value : undefined);
}
