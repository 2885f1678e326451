'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { VerifiedReport } from '@/lib/audits/archive/readReport';
import type { ReportSource } from '@/lib/audits/archive/reportSource';
import type { DownloadProgress } from '@/lib/files/verifiedDownload';
import { useHostNodeEndpoints } from '@/components/files/hooks/useHostNodeEndpoints';

/**
 * A revealed ipfs:// report, fetched as a CAR from the host nodes and rebuilt only from blocks that hash to their
 * CIDs; nothing a node sends is shown before that. Mounted when the reader opens the report, so nothing is read
 * before.
 */
export function useVerifiedReport(source: Extract<ReportSource, { kind: 'ipfs' }>) {
  const { endpoints, settled } = useHostNodeEndpoints(true);
  const [progress, setProgress] = useState<DownloadProgress | undefined>(undefined);
  const query = useQuery({
    queryKey: ['audit-report', source.cid, source.path, endpoints.join(' ')],
    enabled: settled,
    // Content-addressed: the bytes behind a CID never change, so they are never read twice.
    staleTime: Infinity,
    retry: false,
    // Loaded when a report is opened: the CAR reader and UnixFS exporter stay out of the page's first load.
    queryFn: async ({ signal }): Promise<VerifiedReport> => {
      const { readVerifiedReport } = await import('@/lib/audits/archive/readReport');
      return readVerifiedReport(endpoints, source, { signal, onProgress: setProgress });
    },
  });
  return { ...query, progress };
}
