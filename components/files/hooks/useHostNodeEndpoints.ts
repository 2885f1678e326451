'use client';

import { useFileSystem } from './useFileSystem';
import { useHostNodes } from './useHostNodes';

/**
 * The elected host nodes' endpoints, where the app reads what is stored on the Callisto File System (proposal
 * descriptions, revealed reports): the network's own nodes, never a public gateway picked on the reader's behalf.
 * Read only when `needed`, so a page costs no request for it until something is read; `settled` once the list is
 * known (or not needed).
 */
export function useHostNodeEndpoints(needed: boolean): { endpoints: readonly string[]; settled: boolean } {
  const fs = useFileSystem();
  const enabled = needed && fs !== undefined;
  const nodes = useHostNodes(fs?.address, { enabled });
  return {
    endpoints: nodes.data?.map((node) => node.endpoint) ?? [],
    settled: !enabled || !nodes.isPending,
  };
}
