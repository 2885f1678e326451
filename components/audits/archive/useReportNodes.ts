'use client';

import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';

/**
 * The elected host nodes' endpoints, where revealed reports are read from: the Callisto File System's own nodes,
 * never a public gateway picked on the reader's behalf. Read only once a report is opened (`needed`), so the
 * registry's list pages cost no extra request until someone reads a report.
 */
export function useReportNodes(needed: boolean): { endpoints: readonly string[]; settled: boolean } {
  const fs = useFileSystem();
  const enabled = needed && fs !== undefined;
  const nodes = useHostNodes(fs?.address, { enabled });
  return {
    endpoints: nodes.data?.map((node) => node.endpoint) ?? [],
    settled: !enabled || !nodes.isPending,
  };
}
