'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { isHeld } from '@/lib/files/fileState';
import type { FileEntry } from '@/lib/files/types';
import { formatCloReadable } from '@/lib/format/clo';
import { Amount } from '@/components/ui/Amount';
import { Button } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import type { Address } from 'viem';
import { SafeText } from '@/components/ui/SafeText';
import { visibleText } from '@/lib/format/safeText';

/**
 * The owner's withdrawal of a file's deposit, in two steps: the first press only explains what happens (the
 * deposit comes back whole, the nodes stop keeping the file, copies others made may remain on IPFS), and the
 * transaction is sent from the second. Rendered for the owner of a held file only.
 */
export function WithdrawAction({
  fileSystem,
  file,
  compact = false,
}: {
  fileSystem: Address;
  file: Pick<FileEntry, 'id' | 'path' | 'deposit' | 'withdrawn_at'>;
  /** In a table row: a smaller button, the explanation below it. */
  compact?: boolean;
}) {
  const tx = useTransaction();
  const [confirming, setConfirming] = useState(false);
  const base = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  if (!isHeld(file) && tx.state.phase !== 'success') return null;
  const amount = formatCloReadable(file.deposit);

  async function withdraw() {
    const outcome = await tx.send(
      { address: fileSystem, abi: callistoFSAbi, functionName: 'withdraw', args: [file.id] },
      { successMessage: `Withdrew the ${amount} deposit of “${visibleText(file.path)}”` },
    );
    if (outcome?.status === 'success') setConfirming(false);
  }

  return (
    <div className="min-w-0">
      {!confirming && isHeld(file) && (
        <Button
          variant="secondary"
          className={compact ? 'min-h-9 px-3 py-1 text-xs' : ''}
          onClick={() => setConfirming(true)}
          data-testid="withdraw-button"
        >
          Withdraw deposit
          {compact && <span className="sr-only"> of {visibleText(file.path)}</span>}
        </Button>
      )}
      {confirming && (
        <div
          role="group"
          aria-labelledby={`${base}-title`}
          className="mt-2 max-w-md space-y-2 rounded-md border border-amber-700 bg-amber-950/40 p-3 text-left text-sm"
        >
          <h3 id={`${base}-title`} ref={headingRef} tabIndex={-1} className="font-semibold text-amber-100">
            Withdraw the deposit of “<SafeText text={file.path} kind="path" />
            ”?
          </h3>
          <p className="whitespace-normal text-amber-50" data-testid="withdraw-warning">
            You get your whole deposit of <Amount wei={file.deposit} /> back. The host nodes then stop keeping the file:
            it is no longer guaranteed to stay available, and its path is free again. Copies others made may remain on
            IPFS: a withdrawal cannot erase them.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              disabled={tx.isBusy}
              onClick={() => void withdraw()}
              data-testid="withdraw-confirm"
            >
              Withdraw {amount}
            </Button>
            <Button variant="secondary" disabled={tx.isBusy} onClick={() => setConfirming(false)}>
              Keep the file
            </Button>
          </div>
        </div>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}
