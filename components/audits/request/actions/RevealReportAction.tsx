'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { isArchivedLink, revealLinkProblem, revealReportCall } from '@/lib/audits/calls';
import { linkMatchesCommitment } from '@/lib/audits/commitments';
import { karmaFor, type KarmaParameters } from '@/lib/audits/karma';
import { awaitingReveal, errorsText } from '@/lib/audits/requests';
import type { AuditReport } from '@/lib/audits/types';
import { parseComplexity } from '@/lib/audits/validation';
import type { ActionState } from '@/lib/tx/actionState';
import { Field, inputClass } from '@/components/ui/FormField';
import { useField, useFormSubmit } from '@/components/ui/useForm';
import { auditorLabel } from '@/lib/audits/members';
import { useAuditorContacts } from '../../hooks/useMembers';
import { useRegistryArchive } from '../../hooks/useRegistryArchive';
import { ArchiveFileField, useArchiveCopy } from './ArchiveFileField';
import { ActionSection } from './ActionSection';
import { FormAction } from './FormAction';
import { ReportPicker } from './ReportPicker';

const COMPLEXITY_HINT =
  'The contract is not on this chain or has no code here, so give its size in bytes: 1 to 24,576, the largest code a contract may have (EIP-170), so that a figure nobody can check weighs no more than the largest contract.';

/** A manager publishes a signed report's link, checked against its commitment, crediting the auditor's karma. */
export function RevealReportAction({
  registry,
  id,
  reports,
  action,
  complexity,
  karmaParams,
}: {
  registry: Address;
  id: bigint;
  reports: readonly AuditReport[];
  action: ActionState;
  /** complexity_of(id): 0 when the manager must give the code size at reveal. */
  complexity: bigint | undefined;
  karmaParams: KarmaParameters | undefined;
}) {
  const base = useId();
  const contacts = useAuditorContacts(registry);
  const chosenName = (report: AuditReport | undefined) =>
    report ? auditorLabel(report.auditor, contacts.get(report.auditor.toLowerCase())) : '';
  const waiting = awaitingReveal(reports);
  const [auditor, setAuditor] = useState('');
  const chosen = waiting.find((r) => r.auditor === auditor) ?? waiting[0];
  // The contract measures the code itself when the request is on this chain and the address has code.
  const needsComplexity = complexity === 0n;
  const link = useField({ id: `${base}-link`, validate: (text) => revealLinkProblem(text, chosen) });
  const size = useField({
    id: `${base}-complexity`,
    validate: (text) => (needsComplexity ? parseComplexity(text).error : undefined),
    hint: needsComplexity ? COMPLEXITY_HINT : undefined,
  });
  const form = useFormSubmit([link, size]);
  // A bare ipfs:// link is stored on the file system by the reveal itself (when the registry keeps an archive).
  const { archive } = useRegistryArchive(registry);
  const archived = archive !== undefined && isArchivedLink(link.value);
  const copy = useArchiveCopy(link.value, chosen?.commitment);
  const bytes = needsComplexity ? parseComplexity(size.value).value : complexity;
  const preview =
    karmaParams && chosen && bytes !== undefined && bytes > 0n
      ? karmaFor(karmaParams, bytes, chosen.errors)
      : undefined;
  return (
    <ActionSection
      title="Reveal a report"
      testId="action-reveal"
      note="Publish the link of a signed report once the request is in progress (or completed). The app checks that its Keccak-256 equals the commitment before sending; revealing credits the auditor’s karma. A rejected request’s reports are never revealed and earn nothing."
    >
      <ReportPicker
        id={`${base}-auditor`}
        label="Report to reveal"
        reports={waiting}
        chosen={chosen}
        onChoose={setAuditor}
        contacts={contacts}
        none="No signed report to reveal"
      />
      <Field label="Report link" {...link.fieldProps}>
        <input
          type="url"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...link.inputProps}
        />
      </Field>
      {link.value !== '' && chosen && (
        <p className="text-xs" data-testid="reveal-match">
          {linkMatchesCommitment(link.value, chosen.commitment)
            ? 'The link matches the commitment.'
            : 'The link does not match the commitment yet.'}
        </p>
      )}
      {archived && (
        <ArchiveFileField id={`${base}-file`} archive={copy} blocked={action.allowed ? undefined : action.reason} />
      )}
      {needsComplexity && (
        <Field label="Complexity (bytes)" {...size.fieldProps}>
          <input inputMode="numeric" autoComplete="off" className={`${inputClass} tabular-nums`} {...size.inputProps} />
        </Field>
      )}
      {complexity !== undefined && complexity > 0n && (
        <p className="text-xs text-slate-400">Complexity measured on chain: {complexity.toString()} bytes of code.</p>
      )}
      {preview !== undefined && chosen && (
        <p className="text-xs text-slate-300" data-testid="karma-preview">
          Karma at reveal: {preview.toString()} ({errorsText(chosen.errors)} missed)
        </p>
      )}
      <FormAction
        form={form}
        label="Reveal report"
        action={action}
        build={() => {
          if (!archived) {
            return revealReportCall(registry, id, chosen, link.value, { needed: needsComplexity, text: size.value });
          }
          if ('error' in copy.copy) return copy.copy;
          return revealReportCall(
            registry,
            id,
            chosen,
            link.value,
            { needed: needsComplexity, text: size.value },
            copy.copy,
          );
        }}
        successMessage={`Revealed the report of ${chosenName(chosen)}`}
        onDone={(outcome) => {
          if (outcome.status !== 'success') return;
          link.reset();
          copy.clear();
          setAuditor('');
        }}
      />
    </ActionSection>
  );
}
