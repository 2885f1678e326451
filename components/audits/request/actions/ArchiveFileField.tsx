'use client';

import { useState } from 'react';
import type { Hex } from 'viem';
import type { ArchiveCopy } from '@/lib/audits/calls';
import { Field, described, inputClass } from '@/components/ui/FormField';
import type { ArchivePlan } from '@/components/audits/inbox/archivePlan';
import { ArchiveSendStep, ArchiveTerms } from '@/components/audits/inbox/ArchiveSendStep';
import { useArchiveReveal } from '@/components/audits/inbox/useArchiveReveal';

type Chosen = { plan: ArchivePlan; bytes: Uint8Array } | { error: string } | undefined;

/**
 * The report file of an `ipfs://` reveal while the registry keeps an archive: the file must have the link's CID,
 * and then it follows the one archive reveal every path shares (useArchiveReveal): its terms shown, the file sent to
 * the host nodes, and only then the reveal. `copy` gives the reveal what to send once all that is done, or why not
 * yet.
 */
export function useArchiveCopy(link: string, commitment: Hex | undefined) {
  const [chosen, setChosen] = useState<Chosen>(undefined);
  const plan = chosen && 'plan' in chosen ? chosen.plan : undefined;
  const bytes = chosen && 'bytes' in chosen ? chosen.bytes : undefined;
  const flow = useArchiveReveal(plan, bytes);

  const choose = async (file: File | undefined) => {
    flow.reset();
    if (!file) return setChosen(undefined);
    const read = new Uint8Array(await file.arrayBuffer());
    const { planArchive } = await import('@/components/audits/inbox/archivePlan');
    const next = await planArchive(read, commitment ?? '0x');
    setChosen(
      next.link === link
        ? { plan: next, bytes: read }
        : { error: `This file’s address is ${next.link}, not the report link: choose the report the auditor wrote.` },
    );
  };

  const input = flow.input;
  // The link may have been edited after the file was sent: the reveal would then register other bytes.
  const copy: ArchiveCopy | { error: string } =
    plan && plan.link !== link
      ? { error: 'The report file is not the one at this link: choose the file again' }
      : 'error' in input
        ? input
        : { size: input.size, deposit: input.deposit };
  const clear = () => {
    flow.reset();
    setChosen(undefined);
  };
  return { chosen, choose, clear, flow, copy };
}

export function ArchiveFileField({
  id,
  archive,
  blocked,
}: {
  id: string;
  archive: ReturnType<typeof useArchiveCopy>;
  /** Why the reveal cannot happen now: the file is then not sent anywhere. */
  blocked?: string;
}) {
  const { chosen, flow } = archive;
  const error = chosen && 'error' in chosen ? chosen.error : undefined;
  return (
    <div className="space-y-2" data-testid="reveal-archive">
      <Field label="Report file" id={id} error={error}>
        <input
          id={id}
          type="file"
          className={`${inputClass} text-xs`}
          {...described(id, error)}
          onChange={(event) => void archive.choose(event.target.files?.[0])}
        />
      </Field>
      {flow.plan && (
        <>
          <ArchiveTerms flow={flow} />
          <ArchiveSendStep flow={flow} blocked={blocked} />
        </>
      )}
    </div>
  );
}
