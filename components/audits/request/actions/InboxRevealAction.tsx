'use client';

import type { Address } from 'viem';
import { revealReportCall } from '@/lib/audits/calls';
import type { ActionState } from '@/lib/tx/actionState';
import { TransactionAction } from '@/components/ui/TransactionAction';
import type { ArchiveRevealInput } from '@/components/audits/inbox/archiveReveal';
import type { EnvelopeReport } from '@/components/audits/inbox/deliveredReports';

/**
 * The reveal of a report the manager has just decrypted in the inbox, sent once a host node holds its plaintext:
 * the same `reveal_report` as the reveal form, with the archive's size and the quoted deposit as msg.value. A
 * request whose contract the chain cannot measure needs its code size, which only the reveal form asks for.
 */
export function InboxRevealAction({
  registry,
  id,
  report,
  input,
  action,
  complexity,
}: {
  registry: Address;
  id: bigint;
  report: EnvelopeReport;
  /** The archive's link, size and deposit, or why the reveal cannot be sent yet (the report not on a node). */
  input: ArchiveRevealInput | { error: string };
  action: ActionState;
  /** complexity_of(id): 0 when the manager must give the code size, in the reveal form. */
  complexity: bigint | undefined;
}) {
  if (complexity === 0n) {
    return (
      <p className="text-xs text-slate-400">
        The audited contract is not on this chain: reveal this report with the “Reveal a report” form below, which asks
        for its code size.
      </p>
    );
  }
  return (
    <TransactionAction
      label="Reveal and store the report"
      action={action}
      build={() =>
        'error' in input
          ? input
          : revealReportCall(
              registry,
              id,
              report,
              input.link,
              { needed: false, text: '' },
              {
                size: input.size,
                deposit: input.deposit,
              },
            )
      }
      successMessage="Revealed the report: the host nodes now confirm its archive copy"
    />
  );
}
