'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reportContentOf, type ReportContent } from '@/lib/audits/archive/reportContent';
import { reportFilePath, type ReportSource } from '@/lib/audits/archive/reportSource';
import { downloadVerifiedFromNodes, type DownloadProgress } from '@/lib/files/verifiedDownload';
import { useReportNodes } from './useReportNodes';

export interface VerifiedReport {
  content: ReportContent;
  /** The node whose copy verified. */
  endpoint: string;
  /** Blocks checked against their CIDs. */
  blocks: number;
  /** Nodes that failed or sent data that did not verify, in their own words. */
  refused: string[];
}

/**
 * A revealed ipfs:// report, fetched as a CAR from the host nodes and rebuilt only from blocks that hash to their
 * CIDs; nothing a node sends is shown before that. `enabled` holds the read until the reader opens the report.
 */
export function useVerifiedReport(source: Extract<ReportSource, { kind: 'ipfs' }>, enabled: boolean) {
  const { endpoints, settled } = useReportNodes(enabled);
  const [progress, setProgress] = useState<DownloadProgress | undefined>(undefined);
  const query = useQuery({
    queryKey: ['audit-report', source.cid, source.path, endpoints.join(' ')],
    enabled: enabled && settled,
    // Content-addressed: the bytes behind a CID never change, so they are never read twice.
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<VerifiedReport> => {
      const download = await downloadVerifiedFromNodes(endpoints, source.cid, {
        name: source.cid,
        signal,
        onProgress: setProgress,
      });
      const wanted = reportFilePath(source);
      const file = download.content.files.find((f) => f.path === wanted);
      if (!file) {
        throw new Error(
          download.content.kind === 'directory'
            ? `The stored folder has no file “${source.path || '(root)'}”.`
            : `The stored content is a file, not a folder with “${source.path}”.`,
        );
      }
      return {
        content: reportContentOf(new Uint8Array(await file.blob.arrayBuffer())),
        endpoint: download.endpoint,
        blocks: download.content.blocks,
        refused: download.failed.map((f) => f.error.message),
      };
    },
  });
  return { ...query, progress, noNodes: settled && enabled && endpoints.length === 0 };
}
