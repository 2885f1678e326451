'use client';

import { useId } from 'react';
import type { Address } from 'viem';
import { useBlock, useReadContracts } from 'wagmi';
import { coldStakingV1Abi } from '@/contracts-abi/ColdStakingV1';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { elapsedSeconds } from '@/lib/staking/rewardModel';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card, Stat } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';

/** V1 moves its clock by at most 25 s a block, as V2 does on mainnet. */
const V1_MAX_SECONDS_PER_BLOCK = 25n;

/** A stake left in the legacy V1 contract, which takes no new stakes: see it, claim it, take it out. */
export function LegacyV1Position({ account }: { account: Address }) {
  const { chain } = useNetwork();
  const v1 = contractAddress(chain.id, 'ColdStakingV1');
  const claimTx = useTransaction();
  const withdrawTx = useTransaction();
  const claimReasonId = useId();
  const withdrawReasonId = useId();
  const contract = { address: v1, abi: coldStakingV1Abi } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...contract, functionName: 'staker', args: [account] },
      // Reverts while V1 is frozen: shown as unavailable rather than failing the whole card.
      { ...contract, functionName: 'stake_reward', args: [account] },
      { ...contract, functionName: 'round_interval' },
      { ...contract, functionName: 'Timestamp' },
      { ...contract, functionName: 'LastBlock' },
      { ...contract, functionName: 'CS_frozen' },
    ],
    query: { enabled: Boolean(v1) },
  });
  // The stored Timestamp only moves when someone calls V1, which is rare now: the next call first catches it up
  // to the block's time, so that is the clock a withdrawal is judged by.
  const block = useBlock({ chainId: chain.id, query: { enabled: Boolean(v1), refetchInterval: 60_000 } });

  if (!v1) return null;
  const [stakerRead, rewardRead, roundRead, timestampRead, lastBlockRead, frozenRead] = reads.data ?? [];

  if (reads.isError || stakerRead?.status === 'failure') {
    return (
      <Card title="Legacy cold staking (V1)">
        <p role="alert" className="text-sm text-rose-200">
          Your position in the legacy V1 contract could not be read.
        </p>
        <Button variant="secondary" className="mt-3" onClick={() => void reads.refetch()} disabled={reads.isFetching}>
          Retry
        </Button>
      </Card>
    );
  }
  if (stakerRead?.status !== 'success') return null;
  const [amount, time] = stakerRead.result;
  if (amount === 0n) return null;

  const reward = rewardRead?.status === 'success' ? rewardRead.result : undefined;
  const roundInterval = roundRead?.status === 'success' ? roundRead.result : undefined;
  const frozen = frozenRead?.status === 'success' && frozenRead.result;
  const clockNow =
    timestampRead?.status === 'success' && lastBlockRead?.status === 'success' && block.data
      ? timestampRead.result +
        elapsedSeconds(
          { timestamp: timestampRead.result, lastBlock: lastBlockRead.result },
          { number: block.data.number, timestamp: block.data.timestamp },
          V1_MAX_SECONDS_PER_BLOCK,
        )
      : undefined;
  const withdrawableFrom = roundInterval === undefined ? undefined : time + roundInterval;
  const canWithdraw = withdrawableFrom !== undefined && clockNow !== undefined && clockNow >= withdrawableFrom;
  const withdrawReason =
    withdrawableFrom === undefined || clockNow === undefined
      ? 'Checking when the stake can be withdrawn…'
      : canWithdraw
        ? undefined
        : `Withdrawal opens after one complete round, on ${formatDateTime(withdrawableFrom)}.`;
  const claimReason = frozen
    ? 'V1 rewards are frozen: a claim would pay nothing.'
    : reward === undefined
      ? 'The reward cannot be read right now.'
      : reward === 0n
        ? 'No reward yet: a reward is paid for each complete round.'
        : undefined;

  return (
    <Card title="Legacy cold staking (V1)">
      <p className="text-sm text-slate-300">
        You still have coins in the legacy V1 cold staking contract. It takes no new stakes: claim its reward and
        withdraw the stake to use them.
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Stake" value={formatCloWithUnit(amount)} />
        <Stat label="Staked since" value={formatDateTime(time)} hint="start of the current round" />
        <Stat
          label="Reward claimable now"
          value={reward === undefined ? (reads.isPending ? undefined : 'unavailable') : formatCloWithUnit(reward, 6)}
        />
      </dl>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <Button
            disabled={Boolean(claimReason) || claimTx.isBusy}
            aria-describedby={claimReason ? claimReasonId : undefined}
            onClick={() =>
              void claimTx.send(
                { address: v1, abi: coldStakingV1Abi, functionName: 'claim' },
                { successMessage: 'Claimed the V1 reward' },
              )
            }
          >
            Claim reward
          </Button>
          {claimReason && (
            <p id={claimReasonId} className="mt-1 text-xs text-slate-400">
              {claimReason}
            </p>
          )}
          <TxStatus state={claimTx.state} />
        </div>
        <div>
          <Button
            variant="secondary"
            disabled={!canWithdraw || withdrawTx.isBusy}
            aria-describedby={withdrawReason ? withdrawReasonId : undefined}
            onClick={() =>
              void withdrawTx.send(
                { address: v1, abi: coldStakingV1Abi, functionName: 'withdraw_stake' },
                { successMessage: `Withdrew ${formatCloWithUnit(amount)} from V1 with the reward due` },
              )
            }
          >
            Withdraw stake
          </Button>
          <p id={withdrawReasonId} className="mt-1 text-xs text-slate-400">
            {withdrawReason ?? 'Withdrawing also pays the reward due and ends the V1 stake.'}
          </p>
          <TxStatus state={withdrawTx.state} />
        </div>
      </div>
    </Card>
  );
}
