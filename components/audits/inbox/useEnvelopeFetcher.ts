'use client';

import { useCallback } from 'react';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import type { FetchEnvelope } from './useDeliveredReport';

/** Reads envelopes from the elected host nodes (the file system's own, never a gateway picked for the reader),
 * each verified against its CID before it is decrypted. */
export function useEnvelopeFetcher(): FetchEnvelope {
  const fs = useFileSystem();
  // Not read with the page: most request pages have no envelope, and the list is read when one is opened.
  const nodes = useHostNodes(fs?.address, { enabled: false });
  const endpoints = nodes.data?.map((node) => node.endpoint);
  const { refetch } = nodes;
  return useCallback<FetchEnvelope>(
    async (cid, options) => {
      // The list read now on the first open (or already cached by another part of the page).
      const from = endpoints ?? (await refetch()).data?.map((node) => node.endpoint) ?? [];
      // Loaded on first use: the CAR reader and the UnixFS exporter are not part of the page's first load.
      const { downloadEnvelope } = await import('./downloadEnvelope');
      return downloadEnvelope(from, cid, options);
    },
    [endpoints, refetch],
  );
}
