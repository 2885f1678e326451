'use client';

import { useState } from 'react';
import type { Hex } from 'viem';
import { formatBytes } from '@/lib/files/units';
import type { ArchiveCopy } from '@/lib/audits/calls';
import { ProgressBar } from '@/components/files/pageParts';
import { Amount } from '@/components/ui/Amount';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { Button } from '@/components/ui/primitives';
import type { ArchivePlan } from '@/components/audits/inbox/archivePlan';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useStorageQuote } from '@/components/files/hooks/useStorageQuote';
import { useArchiveUpload } from '@/components/audits/inbox/useArchiveUpload';

type Chosen = { plan: ArchivePlan; bytes: Uint8Array } | { error: string } | undefined;

/**
 * The report file of an `ipfs://` reveal while the registry keeps an archive: the file must have the link's CID,
 * its terms (who pays, how much, how long it is kept) are shown before the wallet opens, and it is sent to the host
 * nodes before the reveal, so no deposit is paid for bytes no node has. `useArchiveCopy` gives the reveal what to
 * send once all that is done, or why not yet.
 */
export function useArchiveCopy(link: string, commitment: Hex | undefined) {
  const [chosen, setChosen] = useState<Chosen>(undefined);
  const plan = chosen && 'plan' in chosen ? chosen.plan : undefined;
  const fileSystem = useFileSystem();
  const { deposit } = useStorageQuote(fileSystem?.address, plan?.size);
  const upload = useArchiveUpload();

  const choose = async (file: File | undefined) => {
    upload.reset();
    if (!file) return setChosen(undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { planArchive } = await import('@/components/audits/inbox/archivePlan');
    const next = await planArchive(bytes, commitment ?? '0x');
    setChosen(
      next.link === link
        ? { plan: next, bytes }
        : { error: `This file’s address is ${next.link}, not the report link: choose the report the auditor wrote.` },
    );
  };

  const copy: ArchiveCopy | { error: string } = !plan
    ? { error: 'Choose the report file: the reveal stores it on the Callisto File System' }
    : upload.state.step !== 'done'
      ? { error: 'Send the report to the host nodes first' }
      : deposit === undefined
        ? { error: 'The deposit is not known yet' }
        : { size: plan.size, deposit };
  const clear = () => {
    upload.reset();
    setChosen(undefined);
  };
  return { chosen, choose, clear, plan, deposit, upload, copy };
}

export function ArchiveFileField({ id, archive }: { id: string; archive: ReturnType<typeof useArchiveCopy> }) {
  const { chosen, plan, deposit, upload } = archive;
  const error = chosen && 'error' in chosen ? chosen.error : undefined;
  const bytes = chosen && 'bytes' in chosen ? chosen.bytes : undefined;
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
      {plan && (
        <p className="text-xs text-slate-300" data-testid="reveal-archive-terms">
          The reveal stores this report ({formatBytes(plan.size)}) on the Callisto File System. You, the revealing
          manager, pay its deposit: {deposit === undefined ? '…' : <Amount wei={deposit} />} (the file system’s quote).
          It stays stored while the registry lists it; once a host node confirms it, nobody can withdraw it. If no node
          confirms it within a day, the deposit comes back to you with the archive’s withdraw_refund.
        </p>
      )}
      {plan && bytes && (
        <Button
          variant="secondary"
          onClick={() => void upload.upload(bytes, plan.cid)}
          disabled={upload.state.step === 'uploading' || upload.state.step === 'done' || !upload.nodesKnown}
        >
          Send the report to the host nodes
        </Button>
      )}
      {upload.state.step === 'uploading' && (
        <ProgressBar
          label="Sending the report to a host node"
          value={upload.state.progress?.loaded ?? 0}
          max={upload.state.progress?.total}
          testId="reveal-upload-progress"
        />
      )}
      {upload.state.step === 'done' && (
        <p role="status" className="text-xs text-emerald-300" data-testid="reveal-uploaded">
          Sent to {upload.state.endpoint}. Now reveal: the transaction pays the deposit.
        </p>
      )}
      {upload.state.step === 'failed' && (
        <p role="alert" className="text-xs text-rose-300">
          {upload.state.message}
        </p>
      )}
    </div>
  );
}
