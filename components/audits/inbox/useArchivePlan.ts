'use client';

import { useQuery } from '@tanstack/react-query';
import type { Hex } from 'viem';
import { bytesKey } from '../hooks/bytesKey';
import type { ArchivePlan } from './archivePlan';

/** The reveal plan of a decrypted report (its CID, link, size and whether it matches the commitment), computed
 * once per plaintext in the browser. */
export function useArchivePlan(plaintext: Uint8Array | undefined, commitment: Hex) {
  return useQuery<ArchivePlan>({
    queryKey: ['audit-archive-plan', commitment, bytesKey(plaintext)],
    queryFn: async () => {
      const { planArchive } = await import('./archivePlan');
      return planArchive(plaintext!, commitment);
    },
    enabled: plaintext !== undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
}
