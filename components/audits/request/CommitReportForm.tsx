'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { linkCommitment } from '@/lib/audits/commitments';
import type { AuditReport } from '@/lib/audits/types';
import { validateReportLink } from '@/lib/audits/validation';
import type { ActionState } from '@/lib/tx/actionState';
import { Field, inputClass } from '@/components/ui/FormField';
import { useField, useFormSubmit } from '@/components/ui/useForm';
import { useCommitmentUsed } from '../hooks/useCommitmentUsed';
import { FormAction } from './actions/FormAction';
import { DeliverPrivatelyForm } from '../delivery/DeliverPrivatelyForm';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { RadioGroup } from '@/components/ui/RadioGroup';

const ALREADY_USED =
  'This link’s hash is already committed in the registry, which accepts each commitment once (so that no report is credited twice): use a new link, for example a new gist';

const COMMIT_MODES = [
  ['private', 'Deliver privately on the file system'],
  ['link', 'Commit a link'],
] as const;

type CommitMode = (typeof COMMIT_MODES)[number][0];

/**
 * The auditor's report for a request, two ways: delivered privately on the Callisto File System (the default: the
 * report is sealed for the managers in the page and committed with its envelope's CID) or committed as a link the
 * auditor sends the manager itself (a gist, as before).
 */
export function CommitReportForm(props: {
  registry: Address;
  requestId: bigint;
  myReport: AuditReport | undefined;
  action: ActionState;
}) {
  const [mode, setMode] = useState<CommitMode>('private');
  const fileSystem = useFileSystem()?.address;
  return (
    <div className="space-y-4">
      <RadioGroup legend="How the managers get the report" options={COMMIT_MODES} value={mode} onChange={setMode} />
      {mode === 'private' ? <DeliverPrivatelyForm {...props} fileSystem={fileSystem} /> : <CommitLinkForm {...props} />}
    </div>
  );
}

/**
 * The auditor's commitment: the Keccak-256 of the private report link, computed here in the browser, so that only
 * the hash goes on chain. The link goes to the manager off-chain. The registry accepts each commitment once (so that
 * a link, once revealed, cannot be committed and credited again): the form checks the hash before sending.
 */
function CommitLinkForm({
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
  const link = useField({
    id: `${useId()}-link`,
    validate: validateReportLink,
    hint: 'https://… or ipfs://…, up to 256 bytes (the most the registry stores when it is revealed), exactly as you will send it to the manager: one changed character changes the hash.',
  });
  const form = useFormSubmit([link]);
  const hash = link.value === '' ? undefined : linkCommitment(link.value);
  const used = useCommitmentUsed(registry, link.problem === undefined ? hash : undefined);
  // A used hash is said at once, typed or not: no wording of the same link can be committed.
  const error = link.error ?? (used ? ALREADY_USED : undefined);
  const replacing = myReport !== undefined;

  return (
    <div className="space-y-3" role="group" aria-label="Commit a report hash">
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
      <Field label="Private report link" {...link.fieldProps} error={error}>
        <input
          name="reportLink"
          type="url"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...link.inputProps}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${link.id}-hint${error ? ` ${link.id}-error` : ''}`}
        />
      </Field>
      <div className="text-sm">
        <p className="text-slate-400">Keccak-256 of the link, computed in your browser</p>
        <p className="font-mono text-xs break-all" data-testid="report-hash">
          {hash ?? '—'}
        </p>
      </div>
      <FormAction
        form={form}
        label={replacing ? 'Replace report hash' : 'Commit report hash'}
        action={action}
        build={() =>
          used || !hash
            ? { error: 'Nothing was sent: use a link whose hash is not committed yet' }
            : { address: registry, abi: auditRegistryAbi, functionName: 'submit_report', args: [requestId, hash, ''] }
        }
        successMessage={`${replacing ? 'Replaced' : 'Committed'} the report hash for request #${requestId.toString()}`}
        onDone={(outcome) => outcome.status === 'success' && form.reset()}
      />
    </div>
  );
}
