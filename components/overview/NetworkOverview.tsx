'use client';

import Link from 'next/link';
import { useBalance, useBlockNumber, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { contractAddress } from '@/lib/chain/deployments';
import { stakingAbiOn, uintView } from '@/lib/staking/contractFeatures';
import { livePool } from '@/lib/staking/livePool';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDuration } from '@/lib/format/time';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { AuditsOverview } from '@/components/audits/AuditsOverview';
import { GovernanceOverview } from '@/components/governance/GovernanceOverview';
import { StorageOverview } from './StorageOverview';

type Read<T> = { status: 'success' | 'failure'; result?: T } | undefined;

/**
 * The network at a glance, as its contracts report it: one multicall for every figure on the page. The reward pool
 * is the live one (balance - stakes - pending returns, as the staking page and the contract's own `stake_reward`
 * compute it), never the stored `StakingRewardPool`, which the live mainnet contracts refresh only when called; the
 * staker count and the pending returns are read only where the contract's ABI on this chain has them.
 */
export function NetworkOverview() {
  const { chain } = useNetwork();
  const staking = contractAddress(chain.id, 'ColdStaking');
  const block = useBlockNumber();
  const stakingContract = { address: staking, abi: coldStakingAbi } as const;
  const abi = stakingAbiOn(chain.id);
  const countView = uintView(abi, 'staker_count', 0);
  const pendingView = uintView(abi, 'total_pending_returns', 0);
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...stakingContract, functionName: 'TotalStakingAmount' },
      { ...stakingContract, functionName: 'round_interval' },
      ...(countView ? [{ address: staking, abi: [countView], functionName: countView.name }] : []),
      ...(pendingView ? [{ address: staking, abi: [pendingView], functionName: pendingView.name }] : []),
    ],
    query: { enabled: Boolean(staking) },
  });
  const balance = useBalance({ address: staking, query: { enabled: Boolean(staking) } });
  const [totalStaked, roundInterval, ...optional] = (reads.data ?? []) as Read<bigint>[];
  const stakerCount = countView ? optional[0] : undefined;
  const pendingReturns = pendingView ? optional[countView ? 1 : 0] : undefined;
  const value = <T,>(r: Read<T>, show: (v: T) => string) =>
    r === undefined ? undefined : r.status === 'success' ? show(r.result as T) : '—';
  // The pool needs the balance, the stakes and (where the view exists) the pending returns; any of them failing
  // shows a dash rather than a pool too high.
  const rewardPool: Read<bigint> =
    reads.data === undefined || (balance.data === undefined && !balance.isError)
      ? undefined
      : totalStaked?.status === 'success' &&
          balance.data !== undefined &&
          (!pendingView || pendingReturns?.status === 'success')
        ? {
            status: 'success',
            result: livePool({
              balance: balance.data.value,
              totalAmount: totalStaked.result!,
              pendingReturns: pendingReturns?.result,
            }),
          }
        : { status: 'failure' };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Callisto Network</h1>
        <p className="mt-1 text-sm text-slate-400">
          {chain.name}, chain {chain.id}
          {block.data !== undefined && <> · block {block.data.toLocaleString('en')}</>}
        </p>
      </div>
      {reads.isError && (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          The figures cannot be loaded: the network does not answer. They will appear as soon as it does.
        </p>
      )}
      <Card title="Cold staking">
        {staking ? (
          <>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Total staked" value={value(totalStaked, (v: bigint) => formatCloWithUnit(v, 0))} />
              <Stat label="Reward pool" value={value(rewardPool, (v: bigint) => formatCloWithUnit(v, 2))} />
              {countView && <Stat label="Stakers" value={value(stakerCount, (v: bigint) => v.toLocaleString('en'))} />}
              <Stat label="Round length" value={value(roundInterval, (v: bigint) => formatDuration(Number(v)))} />
            </dl>
            <Link href="/staking/" className="mt-4 inline-block text-sm text-teal-300 underline underline-offset-2">
              Stake CLO
            </Link>
          </>
        ) : (
          <p className="text-sm text-slate-300">Cold staking is not deployed on {chain.name}.</p>
        )}
      </Card>
      <GovernanceOverview />
      <AuditsOverview />
      <StorageOverview />
    </div>
  );
}
