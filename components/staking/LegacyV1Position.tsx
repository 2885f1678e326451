'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import { coldStakingV1Abi } from '@/contracts-abi/ColdStakingV1';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloReadable } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { v1LockAfterClaim, v1WithdrawableFrom } from '@/lib/staking/livePool';
import { toChainTime } from '@/lib/staking/position';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card, Stat } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useV1Position } from './hooks/useV1Position';
import { Amount } from '@/components/ui/Amount';

const CARD_TITLE = 'Legacy cold staking (V1)';

/**
 * A stake left in the legacy V1 contract, which takes no new stakes: see it and take it out. Withdrawal is the
 * primary action: it pays the reward due and returns the stake at once. A V1 claim moves the stake's start to the
 * latest round boundary, and V1 only lets a stake go one complete round after its start, so claiming first would
 * lock the coins for up to another round: the claim stays available, behind a warning with the date.
 */
export function LegacyV1Position({ account }: { account: Address }) {
  const { chain } = useNetwork();
  const v1 = contractAddress(chain.id, 'ColdStakingV1');
  const claimTx = useTransaction();
  const withdrawTx = useTransaction();
  const [acceptedLock, setAcceptedLock] = useState(false);
  const ids = { claimReason: useId(), withdrawReason: useId(), lock: useId() };
  const { amount, position, isPending, isFetching, failed, refetch } = useV1Position(v1, account, chain.id);

  if (!v1) return null;

  if (failed) {
    return (
      <Card title={CARD_TITLE}>
        <p role="alert" className="text-sm text-rose-200">
          Your position in the legacy V1 contract could not be read.
        </p>
        <Button variant="secondary" className="mt-3" onClick={() => void refetch()} disabled={isFetching}>
          Retry
        </Button>
      </Card>
    );
  }
  // The confirmation outlives the stake: after a withdrawal the V1 amount is 0, and the card must still say so.
  if (withdrawTx.state.phase === 'success' && (amount === undefined || amount === 0n)) {
    return (
      <Card title={CARD_TITLE}>
        <p className="text-sm text-slate-300">Your V1 stake is withdrawn: nothing is left in the legacy contract.</p>
        <TxStatus state={withdrawTx.state} />
      </Card>
    );
  }
  if (amount === undefined || amount === 0n) return null;

  const clock = position?.clock;
  const reward = position?.reward;
  const withdrawableFrom = position && v1WithdrawableFrom(position, position.roundInterval);
  const canWithdraw = position !== undefined && withdrawableFrom !== undefined && position.view.now >= withdrawableFrom;
  const lockAfterClaim = position && v1LockAfterClaim(position, position.view);
  const lockedUntil = lockAfterClaim && clock ? toChainTime(lockAfterClaim.withdrawableFrom, clock) : undefined;
  const frozen = position?.frozen === true;

  const withdrawReason =
    withdrawableFrom === undefined || !clock
      ? 'Checking when the stake can be withdrawn…'
      : canWithdraw
        ? undefined
        : `Withdrawal opens after one complete round, on ${formatDateTime(toChainTime(withdrawableFrom, clock))}.`;
  const claimReason = frozen
    ? 'V1 rewards are frozen: a claim would pay nothing.'
    : reward === undefined
      ? 'The reward cannot be read right now.'
      : reward === 0n
        ? 'No reward yet: a reward is paid for each complete round.'
        : !acceptedLock
          ? 'Confirm above that you accept the new lock.'
          : undefined;

  return (
    <Card title={CARD_TITLE}>
      <p className="text-sm text-slate-300">
        You still have coins in the legacy V1 cold staking contract. It takes no new stakes. Withdraw them: one
        transaction pays the reward due and returns the whole stake.
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Stake" value={<Amount wei={amount} />} />
        <Stat
          label="Staked since"
          value={position ? formatDateTime(toChainTime(position.time, position.clock)) : undefined}
          hint="start of the current round"
        />
        <Stat
          label="Reward due now"
          value={
            reward === undefined ? isPending ? undefined : 'unavailable' : <Amount wei={reward} testId="v1-reward" />
          }
          hint={frozen ? 'V1 rewards are frozen' : 'paid by a withdrawal or a claim'}
        />
      </dl>
      <div className="mt-4">
        <Button
          disabled={!canWithdraw || withdrawTx.isBusy}
          aria-describedby={withdrawReason ? ids.withdrawReason : undefined}
          onClick={() =>
            void withdrawTx.send(
              { address: v1, abi: coldStakingV1Abi, functionName: 'withdraw_stake' },
              {
                successMessage: `Withdrew ${formatCloReadable(amount)} from V1${reward ? ` with a reward of ${formatCloReadable(reward)}` : ''}`,
              },
            )
          }
        >
          Withdraw stake and reward
        </Button>
        <p id={ids.withdrawReason} className="mt-1 text-xs text-slate-400">
          {withdrawReason ?? 'Pays the reward due and returns the whole stake now.'}
        </p>
        <TxStatus state={withdrawTx.state} />
      </div>
      {reward !== undefined && reward > 0n && lockedUntil !== undefined && (
        <details className="mt-4 rounded-md border border-slate-800 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-200">Claim the reward only</summary>
          <div
            role="note"
            className="mt-3 rounded-md border border-amber-700 bg-amber-950/60 p-3 text-sm text-amber-100"
          >
            <p>
              A V1 claim restarts the one-round lock: after claiming now you could not withdraw the stake until{' '}
              <strong>{formatDateTime(lockedUntil)}</strong>. Withdrawing instead pays the same reward and returns the
              stake today.
            </p>
            <label className="mt-2 flex items-start gap-2">
              <input
                id={ids.lock}
                type="checkbox"
                checked={acceptedLock}
                onChange={(e) => setAcceptedLock(e.target.checked)}
                className="mt-1"
              />
              <span>I understand my V1 stake stays locked until {formatDateTime(lockedUntil)}.</span>
            </label>
          </div>
          <Button
            variant="secondary"
            className="mt-3"
            disabled={Boolean(claimReason) || claimTx.isBusy}
            aria-describedby={claimReason ? ids.claimReason : undefined}
            onClick={() =>
              void claimTx.send(
                { address: v1, abi: coldStakingV1Abi, functionName: 'claim' },
                { successMessage: 'Claimed the V1 reward' },
              )
            }
          >
            Claim reward and restart the lock
          </Button>
          {claimReason && (
            <p id={ids.claimReason} className="mt-1 text-xs text-slate-400">
              {claimReason}
            </p>
          )}
        </details>
      )}
      {/* Outside the claim section, which closes once the claim has paid: its outcome stays in view. */}
      <TxStatus state={claimTx.state} />
    </Card>
  );
}
