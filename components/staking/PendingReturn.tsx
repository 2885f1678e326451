'use client';

import type { Address } from 'viem';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { formatCloReadable } from '@/lib/format/clo';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { Amount } from '@/components/ui/Amount';

/**
 * A stake returned by a report of inactivity that the address did not accept (a contract that refuses CLO, or one
 * that ran out of gas receiving it) stays in the contract as a pull payment: only the owner can take it. Mounted only
 * where the contract has the pull payment (not the live mainnet V2); shown when the connected address is owed something;
 * the confirmation stays after the amount owed drops to 0.
 */
export function PendingReturn({
  staking,
  amount,
}: {
  staking: Address;
  /** What the connected address is owed, read with the page's other figures (undefined without the view). */
  amount: bigint | undefined;
}) {
  const tx = useTransaction();
  if (amount === undefined || (amount === 0n && tx.state.phase !== 'success')) return null;
  const owed = amount;

  async function take() {
    await tx.send(
      { address: staking, abi: coldStakingAbi, functionName: 'withdraw_pending_return' },
      { successMessage: `Took back ${formatCloReadable(owed)} of returned stake` },
    );
  }

  return (
    <Card title="Returned stake waiting for you">
      {amount > 0n && (
        <>
          <p className="text-sm text-slate-300">
            A staker reported this address&apos;s stake as inactive, which returns it with no reward, but this address
            did not accept the transfer (a contract wallet that refuses CLO, say). The stake is kept for you: take it
            whenever you like, nobody else can.
          </p>
          <p className="mt-3 text-sm">
            Owed to you:{' '}
            <strong>
              <Amount wei={amount} />
            </strong>
          </p>
          <Button className="mt-3" onClick={() => void take()} disabled={tx.isBusy}>
            Take the returned stake
          </Button>
        </>
      )}
      <TxStatus state={tx.state} />
    </Card>
  );
}
