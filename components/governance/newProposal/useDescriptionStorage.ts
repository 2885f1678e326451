'use client';
// The description's side of the new-proposal form: its CID and hash computed in the browser and, for a description
// published at a URL, the form's own fetch of it (the deposit is the files feature's useStorageQuote). Each read runs
// only in the mode that needs it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Hex } from 'viem';
import { loadDescription, type DescriptionResult } from '@/lib/governance/description';
import { storedDescriptionOf } from '@/lib/governance/descriptionStorage';

/** The description's bytes, CID, ipfs:// address and Keccak-256, recomputed as the text changes. */
export function useStoredDescription(text: string, enabled: boolean) {
  return useQuery({
    queryKey: ['proposal-description-cid', text],
    enabled: enabled && text.trim() !== '',
    queryFn: () => storedDescriptionOf(text),
    staleTime: Infinity,
    // While the next keystroke's CID is computed, the previous one stays on screen (marked as updating).
    placeholderData: keepPreviousData,
  });
}

/**
 * The form's fetch of a description published at `url`, checked against `hash`: the same check voters' pages
 * make, so a proposal whose text cannot be read or does not match is refused before it is sent.
 */
export function useExternalDescriptionCheck(
  url: string,
  hash: Hex | undefined,
  gateways: readonly string[],
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['proposal-description-check', url, hash, gateways.join(' ')],
    enabled: enabled && hash !== undefined && url !== '',
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<DescriptionResult> => {
      const load = (ipfsGateway?: string) =>
        loadDescription(url, hash!, {
          fetch: (target, init) =>
            fetch(target, { ...init, signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]) }),
          ipfsGateway,
        });
      if (!url.startsWith('ipfs://') || gateways.length === 0) return load(gateways[0]);
      let result: DescriptionResult = { state: 'not-fetched' };
      for (const gateway of gateways) {
        result = await load(gateway);
        if (result.state !== 'unavailable') return result;
      }
      return result;
    },
  });
}
