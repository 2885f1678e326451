'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { prepareReport } from './deliveryPlan';

// A report of several MB must not be hashed into a query key on every render: each byte array gets a number.
const ids = new WeakMap<Uint8Array, number>();
let nextId = 0;
function idOf(bytes: Uint8Array): number {
  let id = ids.get(bytes);
  if (id === undefined) {
    id = nextId++;
    ids.set(bytes, id);
  }
  return id;
}

/** The report's CID, link and commitment, recomputed when its bytes change (a keystroke, another file). */
export function usePreparedReport(bytes: Uint8Array | undefined) {
  return useQuery({
    queryKey: ['audit-report-prepared', bytes ? idOf(bytes) : -1],
    enabled: bytes !== undefined && bytes.length > 0,
    queryFn: () => prepareReport(bytes!),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    // While the next keystroke's CID is computed, the previous one stays on screen (marked as updating).
    placeholderData: keepPreviousData,
  });
}
