'use client';

import { useQuery } from '@tanstack/react-query';
import type { Hex } from 'viem';
import type { ArchivePlan } from './archivePlan';

// One number per plaintext object: the query key names the bytes without copying megabytes into it.
const plaintextIds = new WeakMap<Uint8Array, number>();
let nextPlaintextId = 1;
function plaintextId(plaintext: Uint8Array | undefined): number | undefined {
  if (!plaintext) return undefined;
  let id = plaintextIds.get(plaintext);
  if (id === undefined) {
    id = nextPlaintextId++;
    plaintextIds.set(plaintext, id);
  }
  return id;
}

/** The reveal plan of a decrypted report (its CID, link, size and whether it matches the commitment), computed
 * once per plaintext in the browser. */
export function useArchivePlan(plaintext: Uint8Array | undefined, commitment: Hex) {
  return useQuery<ArchivePlan>({
    queryKey: ['audit-archive-plan', commitment, plaintextId(plaintext)],
    queryFn: async () => {
      const { planArchive } = await import('./archivePlan');
      return planArchive(plaintext!, commitment);
    },
    enabled: plaintext !== undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
}
