'use client';

import Link from 'next/link';
import { useBlockNumber, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDuration } from '@/lib/format/time';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { AuditsOverview } from '@/components/audits/AuditsOverview';
import { GovernanceOverview } from '@/components/governance/GovernanceOverview';
import { StorageOverview } from './StorageOverview';

/** The network at a glance, as its contracts report it: one multicall for every figure on the page. */
export function NetworkOverview() {
  const { chain } = useNetwork();
  const staking = contractAddress(chain.id, 'ColdStaking');
  const block = useBlockNumber();
  const stakingContract = { address: staking, abi: coldStakingAbi } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...stakingContract, functionName: 'TotalStakingAmount' },
      { ...stakingContract, functionName: 'StakingRewardPool' },
      { ...stakingContract, functionName: 'round_interval' },
      // Added by Callisto Hub's contract; the live mainnet V2 has no such view, so this may fail alone.
      { ...stakingContract, functionName: 'staker_count' },
    ],
    query: { enabled: Boolean(staking) },
  });
  const [totalStaked, rewardPool, roundInterval, stakerCount] = reads.data ?? [];
  const value = <T,>(r: { status: 'success' | 'failure'; result?: T } | undefined, show: (v: T) => string) =>
    r === undefined ? undefined : r.status === 'success' ? show(r.result as T) : '—';

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
              <Stat label="Stakers" value={value(stakerCount, (v: bigint) => v.toLocaleString('en'))} />
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
