'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { reportSourceOf, type ReportSource } from '@/lib/audits/archive/reportSource';
import type { AuditReport } from '@/lib/audits/types';
import { endpointHost, gatewayLinkUrl } from '@/lib/files/links';
import { formatBytes } from '@/lib/files/units';
import { ExternalLink } from '@/components/ui/chainDisplay';
import { CommitmentCheck } from './CommitmentCheck';
import { ReportViewer } from './ReportViewer';
import type { ArchiveCopyState } from '@/lib/audits/archive/archiveCopy';
import { readProblemOf } from '@/lib/audits/archive/readProblem';
import { useArchiveCopyState } from './useArchiveCopyState';
import { useVerifiedReport } from './useVerifiedReport';

/**
 * One revealed report, readable in the app. An ipfs:// report opens on demand (nothing is fetched until the reader
 * asks): read from the host nodes, verified block by block against its CID, then shown with its commitment check.
 * Its link is shown as text, never as a link: the archive copy is linked only once a copy verified, and otherwise
 * the reader is told why not (not stored, no node has it, content does not match). A report on https (a gist)
 * names a server, not content: the app says it cannot verify it and links out.
 */
export function RevealedReport({
  registry,
  requestId,
  report,
}: {
  registry: Address;
  requestId: bigint;
  report: AuditReport;
}) {
  const source = reportSourceOf(report.link);
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="min-w-0" data-testid="revealed-report">
      <div className="flex flex-wrap items-center gap-2">
        {source.kind === 'ipfs' ? (
          <span className="font-mono text-xs break-all" data-testid="report-link">
            {report.link}
          </span>
        ) : (
          <ExternalLink href={report.link} />
        )}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panel}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-slate-700 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-800"
        >
          {open ? 'Hide the report' : source.kind === 'ipfs' ? 'Read the report' : 'Check the report'}
        </button>
      </div>
      {open && (
        <div id={panel} className="mt-2 space-y-3 rounded-md border border-slate-800 p-3">
          {source.kind === 'ipfs' ? (
            <VerifiedReportBody registry={registry} requestId={requestId} report={report} source={source} />
          ) : source.kind === 'https' ? (
            <p className="text-sm text-amber-200" data-testid="report-unverifiable">
              This report is on a web server ({endpointHost(source.url)}), not on the Callisto File System: the app
              cannot verify that what the server sends today is what the auditor committed to. Open it with the link
              above; its link, at least, is checked against the commitment below.
            </p>
          ) : (
            <p className="text-sm text-amber-200" data-testid="report-unverifiable">
              This link is neither ipfs:// nor https://: the app does not open it.
            </p>
          )}
          <CommitmentCheck
            registry={registry}
            requestId={requestId}
            auditor={report.auditor}
            link={report.link}
            commitment={report.commitment}
          />
        </div>
      )}
    </div>
  );
}

function VerifiedReportBody({
  registry,
  requestId,
  report: revealed,
  source,
}: {
  registry: Address;
  requestId: bigint;
  report: AuditReport;
  source: Extract<ReportSource, { kind: 'ipfs' }>;
}) {
  const report = useVerifiedReport(source);
  const copy = useArchiveCopyState(registry, requestId, revealed.auditor, true);
  const fileName = source.path.split('/').pop() || `${source.cid}`;
  if (report.isPending) {
    const p = report.progress;
    return (
      <p role="status" className="text-sm text-slate-300">
        {p
          ? `Reading from the host nodes and checking each block: ${formatBytes(BigInt(p.received))}${
              p.total ? ` of ${formatBytes(BigInt(p.total))}` : ''
            }, ${p.blocks} blocks verified…`
          : 'Reading the report from the host nodes…'}
        {p?.total ? (
          <progress className="mt-1 block w-full" max={p.total} value={p.received} aria-label="Report download" />
        ) : null}
      </p>
    );
  }
  if (report.error) {
    // Matched by name: the download module is loaded only when a report is opened.
    const noCopy = report.error.name === 'NoVerifiedCopyError' && 'failures' in report.error;
    const failures = noCopy
      ? (report.error as Error & { failures: { endpoint: string; error: { message: string; kind?: string } }[] })
          .failures
      : [];
    // Only a download that found no verified copy has a "why": another error (a path the folder lacks) says itself.
    const problem = noCopy
      ? readProblemOf(
          failures.map((f) => f.error.kind ?? 'http'),
          copy.state,
        )
      : undefined;
    return (
      <div role="alert" className="text-sm text-rose-200" data-testid="report-failed">
        <p className="font-semibold">The report could not be read with a verified copy; nothing unverified is shown.</p>
        {problem && (
          <p data-testid="report-problem" data-problem={problem.kind}>
            {problem.text}
          </p>
        )}
        {failures.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {failures.map((f) => (
              <li key={f.endpoint}>
                {endpointHost(f.endpoint)}: {f.error.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">{report.error.message}</p>
        )}
        <button
          type="button"
          onClick={() => void report.refetch()}
          className="mt-2 rounded-md border border-slate-700 px-2 py-0.5 text-xs text-slate-100"
        >
          Try again
        </button>
      </div>
    );
  }
  const { content, endpoint, blocks, refused } = report.data;
  const gateway = gatewayLinkUrl(endpoint, source.cid);
  return (
    <>
      <p
        className="inline-flex items-center gap-2 rounded-md border border-emerald-700 bg-emerald-950/60 px-2 py-1 text-sm text-emerald-100"
        data-testid="report-verified"
      >
        <span aria-hidden="true">✓</span> Verified: all {blocks} blocks match the CID {source.cid}
      </p>
      {refused.length > 0 && <p className="text-xs text-amber-200">Refused before this copy: {refused.join(' ')}</p>}
      <ReportViewer content={content} fileName={fileName} />
      <p className="text-xs text-slate-400">
        Archive copy on the Callisto File System, read from {endpointHost(endpoint)}
        {gateway && (
          <>
            {': '}
            {/* gatewayLinkUrl already admits only https: (or http: on a loopback host) and a plain CID. */}
            <a
              href={gateway}
              target="_blank"
              rel="noreferrer noopener"
              className="text-teal-300 underline underline-offset-2"
            >
              open it on that node’s gateway<span className="sr-only">, opens in a new tab</span>
            </a>
          </>
        )}
        .
      </p>
      {copy.state && <ArchiveCopyNote state={copy.state} />}
    </>
  );
}

/** Whether the audit archive keeps this report stored, beside a copy that verified: a verified read today says
 * nothing about tomorrow unless the archive holds the file. */
function ArchiveCopyNote({ state }: { state: ArchiveCopyState }) {
  const text =
    state.kind === 'confirmed'
      ? `The audit archive keeps it stored: ${state.confirmations} host node${state.confirmations === 1 ? '' : 's'} confirmed holding it, and no one can withdraw it.`
      : state.kind === 'waiting'
        ? 'The audit archive registered it; no host node has confirmed holding it yet.'
        : state.kind === 'none'
          ? undefined
          : 'The audit archive holds no copy of it now: the nodes need not keep it. A manager can store it again.';
  if (!text) return null;
  return (
    <p className="text-xs text-slate-400" data-testid="archive-copy-state" data-state={state.kind}>
      {text}
    </p>
  );
}
