'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { ActionState } from '@/lib/audits/actions';
import { linkCommitment } from '@/lib/audits/commitments';
import type { AuditReport } from '@/lib/audits/types';
import { validateReportLink } from '@/lib/audits/validation';
import { Button } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useCommitmentUsed } from '../hooks/useCommitmentUsed';
import { DisabledReason } from '../shared';
import { Field, described, inputClass } from '@/components/ui/FormField';

/**
 * The auditor's commitment: the Keccak-256 of the private report link, computed here in the browser, so that only
 * the hash goes on chain. The link goes to the manager off-chain. The registry accepts each commitment once (so that
 * a link, once revealed, cannot be committed and credited again): the form checks the hash before sending.
 */
export function CommitReportForm({
  registry,
  requestId,
  myReport,
  action,
}: {
  registry: Address;
  requestId: bigint;
  myReport: AuditReport | undefined;
  action: ActionState;
}) {
  const [link, setLink] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  const fieldId = `${base}-link`;
  const reasonId = `commit-reason-${requestId.toString()}`;
  const linkError = validateReportLink(link);
  const hash = link === '' ? undefined : linkCommitment(link);
  const used = useCommitmentUsed(registry, linkError === undefined ? hash : undefined);
  const error =
    linkError ??
    (used
      ? 'This link’s hash is already committed in the registry, which accepts each commitment once (so that no report is credited twice): use a new link, for example a new gist'
      : undefined);
  const shownError = submitted || used ? error : undefined;
  const replacing = myReport !== undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (error || !hash || !action.allowed) return;
    const outcome = await tx.send(
      { address: registry, abi: auditRegistryAbi, functionName: 'submit_report', args: [requestId, hash] },
      {
        successMessage: `${replacing ? 'Replaced' : 'Committed'} the report hash for request #${requestId.toString()}`,
      },
    );
    if (outcome?.status === 'success') {
      setLink('');
      setSubmitted(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Commit a report hash">
      <p role="note" className="rounded-md border border-amber-700 bg-amber-950/60 px-3 py-2 text-sm text-amber-100">
        Keep the link private: send it to the manager only, and never publish it before the manager reveals it. Anyone
        who has the link before then can copy your findings.
      </p>
      {myReport && (
        <p className="text-sm text-slate-300" data-testid="my-commitment">
          Your committed hash: <span className="font-mono text-xs break-all">{myReport.commitment}</span>
          {myReport.signed ? ' (signed)' : ' (you may replace it until a manager signs it)'}
        </p>
      )}
      <Field
        id={fieldId}
        label="Private report link"
        error={shownError}
        hint="https://… or ipfs://…, exactly as you will send it to the manager: one changed character changes the hash."
      >
        <input
          id={fieldId}
          name="reportLink"
          type="url"
          autoComplete="off"
          spellCheck={false}
          value={link}
          onChange={(e) => setLink(e.target.value)}
          className={`${inputClass} font-mono`}
          {...described(fieldId, shownError, true)}
        />
      </Field>
      <div className="text-sm">
        <p className="text-slate-400">Keccak-256 of the link, computed in your browser</p>
        <p className="font-mono text-xs break-all" data-testid="report-hash">
          {hash ?? '—'}
        </p>
      </div>
      <Button
        type="submit"
        disabled={!action.allowed || tx.isBusy}
        aria-describedby={action.allowed ? undefined : reasonId}
      >
        {replacing ? 'Replace report hash' : 'Commit report hash'}
      </Button>
      {!action.allowed && <DisabledReason id={reasonId} reason={action.reason} />}
      <TxStatus state={tx.state} />
    </form>
  );
}
