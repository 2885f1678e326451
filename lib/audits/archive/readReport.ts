// Reading revealed reports from the host nodes: one report rebuilt from verified blocks and classified by its own
// bytes, or every report of the archive with its verified blocks for the CAR. No React here; the network is the
// host nodes' trustless gateway (lib/files/verifiedDownload.ts), which refuses anything that does not verify.
import { downloadVerifiedFromNodes, parseCid, type DownloadProgress } from '@/lib/files/verifiedDownload';
import type { ArchivePart } from './archiveCar';
import type { ArchivePlan } from './archiveEntries';
import { reportContentOf, type ReportContent } from './reportContent';
import { reportFilePath, type ReportSource } from './reportSource';

export interface VerifiedReport {
  content: ReportContent;
  /** The node whose copy verified. */
  endpoint: string;
  /** Blocks checked against their CIDs. */
  blocks: number;
  /** Nodes that failed or sent data that did not verify, in their own words. */
  refused: string[];
}

export async function readVerifiedReport(
  endpoints: readonly string[],
  source: Extract<ReportSource, { kind: 'ipfs' }>,
  options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<VerifiedReport> {
  const download = await downloadVerifiedFromNodes(endpoints, source.cid, { name: source.cid, ...options });
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
    refused: download.failed.map((f) => `${f.endpoint}: ${f.error.message}`),
  };
}

/** Every report of the plan, fetched and verified in turn, as parts for writeArchiveCar. */
export async function collectArchive(
  endpoints: readonly string[],
  plan: ArchivePlan,
  options: {
    signal?: AbortSignal;
    onReport?: (progress: { index: number; count: number; received: number }) => void;
  } = {},
): Promise<ArchivePart[]> {
  const parts: ArchivePart[] = [];
  const count = plan.entries.length;
  for (const [index, entry] of plan.entries.entries()) {
    options.onReport?.({ index, count, received: 0 });
    const download = await downloadVerifiedFromNodes(endpoints, entry.cid, {
      signal: options.signal,
      onProgress: (p) => options.onReport?.({ index, count, received: p.received }),
      keepBlocks: true,
    });
    const store = download.content.store;
    if (!store) throw new Error('The verified blocks were not kept.');
    parts.push({ root: parseCid(entry.cid), blocks: store.entries() });
  }
  return parts;
}
