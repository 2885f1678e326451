'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { karmaFor, type KarmaParameters } from '@/lib/audits/karma';
import type { ActionState, RequestActions } from '@/lib/audits/actions';
import { linkMatchesCommitment } from '@/lib/audits/commitments';
import { SEVERITY_FIELDS, verdictText, type SeverityKey } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { parseComplexity, parseErrorCount, parseSeverity, validateRejectReason } from '@/lib/audits/validation';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { DisabledReason } from '../shared';
import { Field, described, inputClass } from '@/components/ui/FormField';

interface Props {
  registry: Address;
  request: AuditRequest;
  reports: readonly AuditReport[];
  actions: RequestActions;
  /** complexity_of(id): 0 when the manager must give the complexity at reveal. */
  complexity: bigint | undefined;
  karmaParams: KarmaParameters | undefined;
}

/** The manager's actions on a request, each disabled with its reason when the contract would refuse it now. */
export function ManagerActions({ registry, request, reports, actions, complexity, karmaParams }: Props) {
  return (
    <Card title="Manager actions">
      <div className="grid gap-6 md:grid-cols-2">
        <SimpleAction
          registry={registry}
          request={request}
          action={actions.approve}
          fn="approve"
          label="Approve"
          reasonId="approve-reason"
          successMessage={`Approved request #${request.id.toString()}`}
        >
          Accept the request for auditing: auditors may then commit reports.
        </SimpleAction>
        <SimpleAction
          registry={registry}
          request={request}
          action={actions.start}
          fn="start"
          label="Mark in progress"
          reasonId="start-reason"
          successMessage={`Request #${request.id.toString()} is in progress`}
        >
          Enough auditors picked it: reports committed from now on are late (they earn karma but do not renew active
          status).
        </SimpleAction>
        <RejectForm registry={registry} request={request} action={actions.reject} />
        <SignForm registry={registry} request={request} reports={reports} action={actions.sign} />
        <RevealForm
          registry={registry}
          request={request}
          reports={reports}
          action={actions.reveal}
          complexity={complexity}
          karmaParams={karmaParams}
        />
        <CompleteForm registry={registry} request={request} action={actions.complete} />
      </div>
    </Card>
  );
}

function ActionShell({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="min-w-0 space-y-2" aria-label={title} data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function SimpleAction({
  registry,
  request,
  action,
  fn,
  label,
  reasonId,
  successMessage,
  children,
}: {
  registry: Address;
  request: AuditRequest;
  action: ActionState;
  fn: 'approve' | 'start';
  label: string;
  reasonId: string;
  successMessage: string;
  children: ReactNode;
}) {
  const tx = useTransaction();
  return (
    <ActionShell title={label} testId={`action-${fn}`}>
      <p className="text-sm text-slate-300">{children}</p>
      <Button
        disabled={!action.allowed || tx.isBusy}
        aria-describedby={action.allowed ? undefined : reasonId}
        onClick={() =>
          void tx.send(
            { address: registry, abi: auditRegistryAbi, functionName: fn, args: [request.id] },
            { successMessage },
          )
        }
      >
        {label}
      </Button>
      {!action.allowed && <DisabledReason id={reasonId} reason={action.reason} />}
      <TxStatus state={tx.state} />
    </ActionShell>
  );
}

function RejectForm({ registry, request, action }: { registry: Address; request: AuditRequest; action: ActionState }) {
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const id = `${useId()}-reason`;
  const error = validateRejectReason(reason);
  const shown = submitted ? error : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (error || !action.allowed) return;
    const outcome = await tx.send(
      { address: registry, abi: auditRegistryAbi, functionName: 'reject', args: [request.id, reason] },
      { successMessage: `Rejected request #${request.id.toString()}` },
    );
    if (outcome?.status === 'success') setSubmitted(false);
  }
  return (
    <ActionShell title="Reject" testId="action-reject">
      <form onSubmit={submit} noValidate className="space-y-2">
        <Field id={id} label="Reject reason" error={shown} hint="Public, 1 to 200 bytes">
          <textarea
            id={id}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
            disabled={!action.allowed}
            {...described(id, shown, true)}
          />
        </Field>
        <Button
          type="submit"
          variant="danger"
          disabled={!action.allowed || tx.isBusy}
          aria-describedby={action.allowed ? undefined : 'reject-reason-disabled'}
        >
          Reject
        </Button>
        {!action.allowed && <DisabledReason id="reject-reason-disabled" reason={action.reason} />}
      </form>
      <TxStatus state={tx.state} />
    </ActionShell>
  );
}

function SignForm({
  registry,
  request,
  reports,
  action,
}: {
  registry: Address;
  request: AuditRequest;
  reports: readonly AuditReport[];
  action: ActionState;
}) {
  const unsigned = reports.filter((r) => !r.signed);
  const [auditor, setAuditor] = useState('');
  const [errors, setErrors] = useState('0');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  const chosen = unsigned.find((r) => r.auditor === auditor) ?? unsigned[0];
  const parsed = parseErrorCount(errors);
  const shown = submitted ? parsed.error : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (parsed.value === undefined || !chosen || !action.allowed) return;
    const outcome = await tx.send(
      {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'sign_report',
        args: [request.id, chosen.auditor, parsed.value],
      },
      { successMessage: `Signed the report of ${chosen.auditor} with ${parsed.value.toString()} error(s)` },
    );
    if (outcome?.status === 'success') {
      setSubmitted(false);
      setAuditor('');
      setErrors('0');
    }
  }
  return (
    <ActionShell title="Sign a report" testId="action-sign">
      <p className="text-sm text-slate-300">
        After comparing the reports, accept one with the number of vulnerabilities other auditors found that it missed.
        Final: the commitment and the errors no longer change. Nobody grades their own work: a manager who wrote a
        report for this request (as an auditor, before being appointed) signs and reveals none of its reports.
      </p>
      <form onSubmit={submit} noValidate className="space-y-2">
        <Field id={`${base}-auditor`} label="Report to sign">
          <select
            id={`${base}-auditor`}
            value={chosen?.auditor ?? ''}
            onChange={(e) => setAuditor(e.target.value)}
            className={`${inputClass} font-mono`}
            disabled={unsigned.length === 0}
          >
            {unsigned.length === 0 && <option value="">No unsigned report</option>}
            {unsigned.map((r) => (
              <option key={r.auditor} value={r.auditor}>
                {r.auditor}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${base}-errors`} label="Errors missed" error={shown} hint="0 to 1000">
          <input
            id={`${base}-errors`}
            inputMode="numeric"
            autoComplete="off"
            value={errors}
            onChange={(e) => setErrors(e.target.value)}
            className={`${inputClass} tabular-nums`}
            {...described(`${base}-errors`, shown, true)}
          />
        </Field>
        <Button
          type="submit"
          disabled={!action.allowed || tx.isBusy}
          aria-describedby={action.allowed ? undefined : 'sign-reason'}
        >
          Sign report
        </Button>
        {!action.allowed && <DisabledReason id="sign-reason" reason={action.reason} />}
      </form>
      <TxStatus state={tx.state} />
    </ActionShell>
  );
}

function RevealForm({
  registry,
  request,
  reports,
  action,
  complexity,
  karmaParams,
}: {
  registry: Address;
  request: AuditRequest;
  reports: readonly AuditReport[];
  action: ActionState;
  complexity: bigint | undefined;
  karmaParams: KarmaParameters | undefined;
}) {
  const waiting = reports.filter((r) => r.signed && !r.revealed);
  const [auditor, setAuditor] = useState('');
  const [link, setLink] = useState('');
  const [complexityText, setComplexityText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  const chosen = waiting.find((r) => r.auditor === auditor) ?? waiting[0];
  // The contract measures the code itself when the request is on this chain and the address has code.
  const needsComplexity = complexity === 0n;
  const parsedComplexity = needsComplexity ? parseComplexity(complexityText) : { value: 0n };
  const linkError =
    link === ''
      ? 'Paste the report link the auditor sent you'
      : chosen && !linkMatchesCommitment(link, chosen.commitment)
        ? 'This link does not match the auditor’s commitment: its Keccak-256 differs. Check for a changed or missing character.'
        : undefined;
  const shownLink = submitted ? linkError : undefined;
  const shownComplexity = submitted ? parsedComplexity.error : undefined;
  const size = needsComplexity ? parsedComplexity.value : complexity;
  const preview =
    karmaParams && chosen && size !== undefined && size > 0n ? karmaFor(karmaParams, size, chosen.errors) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (linkError || parsedComplexity.value === undefined || !chosen || !action.allowed) return;
    const outcome = await tx.send(
      {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'reveal_report',
        args: [request.id, chosen.auditor, link, parsedComplexity.value],
      },
      { successMessage: `Revealed the report of ${chosen.auditor}` },
    );
    if (outcome?.status === 'success') {
      setSubmitted(false);
      setLink('');
      setAuditor('');
    }
  }
  return (
    <ActionShell title="Reveal a report" testId="action-reveal">
      <p className="text-sm text-slate-300">
        Publish the link of a signed report once the request is in progress (or completed). The app checks that its
        Keccak-256 equals the commitment before sending; revealing credits the auditor’s karma. A rejected request’s
        reports are never revealed and earn nothing.
      </p>
      <form onSubmit={submit} noValidate className="space-y-2">
        <Field id={`${base}-auditor`} label="Report to reveal">
          <select
            id={`${base}-auditor`}
            value={chosen?.auditor ?? ''}
            onChange={(e) => setAuditor(e.target.value)}
            className={`${inputClass} font-mono`}
            disabled={waiting.length === 0}
          >
            {waiting.length === 0 && <option value="">No signed report to reveal</option>}
            {waiting.map((r) => (
              <option key={r.auditor} value={r.auditor}>
                {r.auditor}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${base}-link`} label="Report link" error={shownLink}>
          <input
            id={`${base}-link`}
            type="url"
            autoComplete="off"
            spellCheck={false}
            value={link}
            onChange={(e) => setLink(e.target.value)}
            className={`${inputClass} font-mono`}
            {...described(`${base}-link`, shownLink)}
          />
        </Field>
        {link !== '' && chosen && (
          <p className="text-xs" data-testid="reveal-match">
            {linkMatchesCommitment(link, chosen.commitment)
              ? 'The link matches the commitment.'
              : 'The link does not match the commitment yet.'}
          </p>
        )}
        {needsComplexity && (
          <Field
            id={`${base}-complexity`}
            label="Complexity (bytes)"
            error={shownComplexity}
            hint="The contract is not on this chain or has no code here, so give its size in bytes: 1 to 24,576, the largest code a contract may have (EIP-170), so that a figure nobody can check weighs no more than the largest contract."
          >
            <input
              id={`${base}-complexity`}
              inputMode="numeric"
              autoComplete="off"
              value={complexityText}
              onChange={(e) => setComplexityText(e.target.value)}
              className={`${inputClass} tabular-nums`}
              {...described(`${base}-complexity`, shownComplexity, true)}
            />
          </Field>
        )}
        {complexity !== undefined && complexity > 0n && (
          <p className="text-xs text-slate-400">Complexity measured on chain: {complexity.toString()} bytes of code.</p>
        )}
        {preview !== undefined && chosen && (
          <p className="text-xs text-slate-300" data-testid="karma-preview">
            Karma at reveal: {preview.toString()} ({chosen.errors.toString()} error(s))
          </p>
        )}
        <Button
          type="submit"
          disabled={!action.allowed || tx.isBusy}
          aria-describedby={action.allowed ? undefined : 'reveal-reason'}
        >
          Reveal report
        </Button>
        {!action.allowed && <DisabledReason id="reveal-reason" reason={action.reason} />}
      </form>
      <TxStatus state={tx.state} />
    </ActionShell>
  );
}

const EMPTY_SEVERITY: Record<SeverityKey, string> = {
  critical: '0',
  high: '0',
  medium: '0',
  low: '0',
  owner_privileges: '0',
};

function CompleteForm({
  registry,
  request,
  action,
}: {
  registry: Address;
  request: AuditRequest;
  action: ActionState;
}) {
  const [passed, setPassed] = useState<boolean | undefined>(undefined);
  const [counts, setCounts] = useState(EMPTY_SEVERITY);
  const [submitted, setSubmitted] = useState(false);
  const tx = useTransaction();
  const base = useId();
  const parsed = parseSeverity(counts);
  const verdictError = passed === undefined ? 'Choose the verdict' : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (verdictError || passed === undefined || !parsed.value || !action.allowed) return;
    const outcome = await tx.send(
      {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'complete',
        args: [request.id, passed, parsed.value],
      },
      { successMessage: `Completed request #${request.id.toString()}: ${verdictText(passed)}` },
    );
    if (outcome?.status === 'success') setSubmitted(false);
  }
  return (
    <ActionShell title="Complete with a verdict" testId="action-complete">
      <p className="text-sm text-slate-300">
        Record the verdict and the findings by severity: the contract joins the registry of audited contracts.
      </p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <fieldset aria-describedby={submitted && verdictError ? `${base}-verdict-error` : undefined}>
          <legend className="text-sm font-medium">Verdict</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`${base}-verdict`}
                  checked={passed === value}
                  onChange={() => setPassed(value)}
                />
                {verdictText(value)}
              </label>
            ))}
          </div>
          {submitted && verdictError && (
            <p id={`${base}-verdict-error`} className="mt-1 text-sm text-rose-300">
              {verdictError}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">Findings by severity</legend>
          <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {SEVERITY_FIELDS.map(({ key, label }) => {
              const id = `${base}-${key}`;
              const shown = submitted ? parsed.errors[key] : undefined;
              return (
                <Field key={key} id={id} label={label} error={shown}>
                  <input
                    id={id}
                    inputMode="numeric"
                    autoComplete="off"
                    value={counts[key]}
                    onChange={(e) => setCounts((c) => ({ ...c, [key]: e.target.value }))}
                    className={`${inputClass} tabular-nums`}
                    {...described(id, shown)}
                  />
                </Field>
              );
            })}
          </div>
        </fieldset>
        <Button
          type="submit"
          disabled={!action.allowed || tx.isBusy}
          aria-describedby={action.allowed ? undefined : 'complete-reason'}
        >
          Complete audit
        </Button>
        {!action.allowed && <DisabledReason id="complete-reason" reason={action.reason} />}
      </form>
      <TxStatus state={tx.state} />
    </ActionShell>
  );
}
