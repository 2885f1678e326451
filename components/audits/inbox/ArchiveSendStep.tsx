'use client';

import { formatBytes } from '@/lib/files/units';
import { PENDING_WINDOW_TEXT } from '@/lib/files/fileState';
import { endpointHost } from '@/lib/files/links';
import { ProgressBar } from '@/components/files/pageParts';
import { Amount } from '@/components/ui/Amount';
import { Button } from '@/components/ui/primitives';
import type { ArchiveRevealFlow } from './useArchiveReveal';

/** The terms of an archive reveal, shown before anything is sent: who pays, how much, and how long it is kept. */
export function ArchiveTerms({ flow }: { flow: ArchiveRevealFlow }) {
  const { plan, deposit } = flow;
  if (!plan) return null;
  return (
    <p className="text-sm text-slate-300" data-testid="archive-terms">
      Revealing publishes <span className="font-mono break-all">{plan.link}</span> and stores the report (
      {formatBytes(plan.size)}) on the Callisto File System as the audit archive’s own file. First your browser sends
      the report to a host node (nothing is paid for that); then the reveal transaction pays its deposit, which you, the
      revealing manager, pay: {deposit === undefined ? '…' : <Amount wei={deposit} />} at the current price. No person
      can withdraw it: the report stays stored while the registry lists it. The deposit comes back to you only if no
      host node confirms the file within {PENDING_WINDOW_TEXT} of the reveal.
    </p>
  );
}

/**
 * Step one of an archive reveal: the report's plaintext sent to the host nodes, with its progress and the node that
 * took it. `again` words the button for a report already revealed whose copy no node has confirmed. `blocked` is
 * why the reveal cannot happen now (the request not in progress, say): then nothing is sent, since a node's
 * operator can read what it holds, and plaintext that no reveal follows should not leave the browser.
 */
export function ArchiveSendStep({
  flow,
  again = false,
  blocked,
}: {
  flow: ArchiveRevealFlow;
  again?: boolean;
  blocked?: string;
}) {
  const { sendState } = flow;
  if (blocked !== undefined && sendState.step === 'idle') {
    return (
      <p className="text-sm text-slate-400" data-testid="archive-send-blocked">
        The report is sent to the host nodes just before the reveal, and the reveal is not possible now: {blocked}
      </p>
    );
  }
  const sending = sendState.step === 'sending';
  const label =
    again || sendState.step === 'failed'
      ? 'Send the report to the host nodes again'
      : 'Send the report to the host nodes';
  return (
    <div className="space-y-2" data-testid="archive-send">
      {sendState.step !== 'sent' && (
        <Button variant="secondary" onClick={() => void flow.send()} disabled={sending || !flow.canSend}>
          {label}
        </Button>
      )}
      {flow.noNodes && (
        <p className="text-sm text-amber-300" data-testid="archive-no-nodes">
          No host node is elected on this network, so the report cannot be stored now; nothing is revealed or paid.
        </p>
      )}
      {sending && (
        <ProgressBar
          label="Sending the report to a host node"
          value={sendState.loaded}
          max={sendState.total}
          detail={`${formatBytes(BigInt(sendState.loaded))} sent`}
          testId="archive-send-progress"
        />
      )}
      {sendState.step === 'sent' && (
        <p role="status" className="text-sm text-emerald-300" data-testid="archive-sent">
          {again
            ? `The report is on ${endpointHost(sendState.endpoint)}: the nodes confirm the archive copy on chain within a few blocks.`
            : `The report is on ${endpointHost(sendState.endpoint)}, held there unregistered for the node’s grace period (an hour by default). Now reveal: the transaction pays the deposit.`}
        </p>
      )}
      {sendState.step === 'failed' && (
        <p role="alert" className="text-sm text-rose-300" data-testid="archive-send-error">
          {sendState.message}
        </p>
      )}
    </div>
  );
}
