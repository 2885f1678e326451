'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import {
  archiveFileName,
  archivePlanOf,
  type ArchivePlan,
  type RevealedReport,
} from '@/lib/audits/archive/archiveEntries';
import { endpointHost } from '@/lib/files/links';
import { formatBytes } from '@/lib/files/units';
import { HistoryProgress } from '@/components/history/HistoryProgress';
import { useEventHistory } from '@/components/history/useEventHistory';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card } from '@/components/ui/primitives';
import { useHostNodeEndpoints } from '@/components/files/hooks/useHostNodeEndpoints';

const REVEAL_EVENTS = ['ReportRevealed'] as const;

/** NoVerifiedCopyError, recognised without importing its module into the page's first load. */
function isNoVerifiedCopy(
  error: unknown,
): error is Error & { failures: { endpoint: string; error: { message: string } }[] } {
  return error instanceof Error && error.name === 'NoVerifiedCopyError' && 'failures' in error;
}

type Phase =
  | { step: 'idle' }
  | { step: 'history' }
  | { step: 'fetching'; index: number; count: number; received: number }
  | { step: 'done'; url: string; fileName: string; reports: number; bytes: number; plan: ArchivePlan }
  | { step: 'failed'; message: string };

/**
 * The whole archive as one CAR file: every report revealed as ipfs:// (from the registry's ReportRevealed events),
 * each fetched from the host nodes and verified block by block, written with every report's CID as a root, so
 * `ipfs dag import` restores them all. Nothing is read until the button is pressed.
 */
export function ArchiveDownload({ registry }: { registry: Address }) {
  const { chain } = useNetwork();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const started = phase.step !== 'idle';
  const history = useEventHistory({
    address: registry,
    contract: 'AuditRegistry',
    abi: auditRegistryAbi,
    eventNames: REVEAL_EVENTS,
    enabled: started,
  });
  const nodes = useHostNodeEndpoints(started);
  const revealed = useMemo<RevealedReport[]>(
    () =>
      history.logs.flatMap((log) =>
        log.args.request_id !== undefined && log.args.auditor && log.args.link !== undefined
          ? [{ requestId: log.args.request_id, auditor: log.args.auditor, link: log.args.link }]
          : [],
      ),
    [history.logs],
  );
  const controller = useRef<AbortController | undefined>(undefined);
  const urlRef = useRef<string | undefined>(undefined);

  // The history and the nodes are in: fetch every report, verify it, and write the CAR.
  const ready = phase.step === 'history' && history.status === 'complete' && nodes.settled;
  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    controller.current = abort;
    const plan = archivePlanOf(revealed);
    const endpoints = nodes.endpoints;
    void (async () => {
      try {
        // Loaded on the press: the CAR writer and the verified download stay out of the page's first load.
        const [{ collectArchive }, { writeArchiveCar }] = await Promise.all([
          import('@/lib/audits/archive/readReport'),
          import('@/lib/audits/archive/archiveCar'),
        ]);
        const parts = await collectArchive(endpoints, plan, {
          signal: abort.signal,
          onReport: (p) => setPhase({ step: 'fetching', ...p }),
        });
        const chunks = await writeArchiveCar(parts);
        const blob = new Blob(
          chunks.map((c) => new Uint8Array(c)),
          { type: 'application/vnd.ipld.car' },
        );
        const url = URL.createObjectURL(blob);
        urlRef.current = url;
        setPhase({
          step: 'done',
          url,
          fileName: archiveFileName(chain.id, registry),
          reports: plan.entries.length,
          bytes: blob.size,
          plan,
        });
      } catch (error) {
        if (abort.signal.aborted) {
          setPhase({ step: 'idle' });
          return;
        }
        const message = isNoVerifiedCopy(error)
          ? `A report could not be read with a verified copy. ${error.failures
              .map((f) => `${endpointHost(f.endpoint)}: ${f.error.message}`)
              .join(' ')}`
          : error instanceof Error
            ? error.message
            : String(error);
        setPhase({ step: 'failed', message });
      }
    })();
    return () => abort.abort();
    // Runs once per press: the plan is taken when the history is complete.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const start = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = undefined;
    setPhase({ step: 'history' });
  };

  return (
    <Card title="The whole archive">
      <p className="text-sm text-slate-300">
        Every report revealed on the Callisto File System, in one CAR file that any IPFS tool imports (
        <code className="font-mono text-xs">ipfs dag import</code>): each report is read from the host nodes and checked
        block by block against its CID before it goes in. Reports revealed on a web server (https) are not
        content-addressed and are left out.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button onClick={start} disabled={phase.step === 'history' || phase.step === 'fetching'}>
          Download the archive (CAR)
        </Button>
        {phase.step === 'fetching' && (
          <Button
            variant="secondary"
            onClick={() => {
              controller.current?.abort();
              setPhase({ step: 'idle' });
            }}
          >
            Cancel
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite" className="mt-3 text-sm" data-testid="archive-state">
        {phase.step === 'history' && (
          <>
            <p className="text-slate-300">Finding every revealed report in the registry’s history…</p>
            <HistoryProgress {...history} what="The registry’s history" />
          </>
        )}
        {phase.step === 'fetching' && (
          <p className="text-slate-300">
            Report {phase.index + 1} of {phase.count}: {formatBytes(BigInt(phase.received))} read and verified…
            <progress className="mt-1 block w-full" max={phase.count} value={phase.index} aria-label="Reports read" />
          </p>
        )}
        {phase.step === 'done' && (
          <p className="text-slate-200">
            {phase.reports === 0
              ? 'No report is revealed on the file system yet.'
              : `${phase.reports} report${phase.reports === 1 ? '' : 's'} verified, ${formatBytes(BigInt(phase.bytes))}. `}
            {phase.reports > 0 && (
              <a href={phase.url} download={phase.fileName} className="text-teal-300 underline underline-offset-2">
                Save {phase.fileName}
              </a>
            )}
            {phase.plan.outside.length > 0 &&
              ` ${phase.plan.outside.length} report${phase.plan.outside.length === 1 ? ' is' : 's are'} on a web server and not included.`}
          </p>
        )}
        {phase.step === 'failed' && (
          <p role="alert" className="text-rose-200">
            The archive could not be written: {phase.message}
          </p>
        )}
      </div>
    </Card>
  );
}
