'use client';

import type { Abi, AbiFunction, Address } from 'viem';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { formatCloWithUnit } from '@/lib/format/clo';
import { stakingAbiOn, uintView } from '@/lib/staking/contractFeatures';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';

/** `withdraw_pending_return()` where the chain's staking ABI has it (the pull payment of a reported stake). */
function withdrawPendingReturn(abi: Abi): AbiFunction | undefined {
  return abi.find(
    (item): item is AbiFunction =>
      item.type === 'function' &&
      item.name === 'withdraw_pending_return' &&
      item.inputs.length === 0 &&
      item.stateMutability === 'nonpayable',
  );
}

/**
 * A stake returned by a report of inactivity that the address did not accept (a contract that refuses CLO, or one
 * that ran out of gas receiving it) stays in the contract as a pull payment: only the owner can take it. Shown only
 * where the contract has the pull payment (not the live mainnet V2) and the connected address is owed something;
 * the confirmation stays after the amount owed drops to 0.
 */
export function PendingReturn({
  staking,
  chainId,
  amount,
}: {
  staking: Address;
  chainId: number;
  /** What the connected address is owed, read with the page's other figures (undefined without the view). */
  amount: bigint | undefined;
}) {
  const abi = stakingAbiOn(chainId);
  const owedView = uintView(abi, 'pending_returns', 1);
  const withdraw = withdrawPendingReturn(abi);
  const tx = useTransaction();
  if (amount === undefined || !owedView || !withdraw || (amount === 0n && tx.state.phase !== 'success')) return null;
  const owed = amount;

  async function take() {
    await tx.send(
      { address: staking, abi: coldStakingAbi, functionName: 'withdraw_pending_return' },
      { successMessage: `Took back ${formatCloWithUnit(owed)} of returned stake` },
    );
  }

  const busy = tx.state.phase === 'simulating' || tx.state.phase === 'awaiting-wallet' || tx.state.phase === 'pending';
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
            Owed to you: <strong className="tabular-nums">{formatCloWithUnit(amount)}</strong>
          </p>
          <Button className="mt-3" onClick={() => void take()} disabled={busy}>
            Take the returned stake
          </Button>
        </>
      )}
      <TxStatus state={tx.state} />
    </Card>
  );
}
