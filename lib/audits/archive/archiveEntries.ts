// Which revealed reports make up the archive: every ipfs:// report, each content once (two reveals of the same
// CID are one stored report), and how many reports live on web servers and so cannot be part of it.
// No React here.
import type { Address } from 'viem';
import { reportSourceOf } from './reportSource';

export interface RevealedReport {
  requestId: bigint;
  auditor: Address;
  link: string;
}

export interface ArchiveEntry {
  /** The root CID to fetch, verify and put in the CAR. */
  cid: string;
  /** The reveals that name it (request and auditor). */
  reports: RevealedReport[];
}

export interface ArchivePlan {
  entries: ArchiveEntry[];
  /** Revealed reports on https or another scheme: not content-addressed, left out of the CAR. */
  outside: RevealedReport[];
}

export function archivePlanOf(revealed: readonly RevealedReport[]): ArchivePlan {
  const byCid = new Map<string, ArchiveEntry>();
  const outside: RevealedReport[] = [];
  for (const report of revealed) {
    const source = reportSourceOf(report.link);
    if (source.kind !== 'ipfs') {
      outside.push(report);
      continue;
    }
    const entry = byCid.get(source.cid);
    if (entry) entry.reports.push(report);
    else byCid.set(source.cid, { cid: source.cid, reports: [report] });
  }
  return { entries: [...byCid.values()], outside };
}

/** The archive file's name: the chain and the registry it was read from. */
export function archiveFileName(chainId: number, registry: string): string {
  return `callisto-audit-archive-${chainId}-${registry.toLowerCase().slice(0, 10)}.car`;
}
