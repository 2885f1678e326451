'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useBlockNumber } from 'wagmi';
import { contractAddress } from '@/lib/chain/deployments';
import { formatDuration } from '@/lib/format/time';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { AuditsOverview } from '@/components/audits/AuditsOverview';
import { GovernanceOverview } from '@/components/governance/GovernanceOverview';
import { useContractFeatures } from '@/components/staking/hooks/useContractFeatures';
import { StorageOverview } from './StorageOverview';
import { useStakingSummary, type SummaryFigure } from './hooks/useStakingSummary';
import { Amount } from '@/components/ui/Amount';

/** A figure as the overview shows it: a placeholder while loading, a dash when its read failed. */
function shown<T>(figure: SummaryFigure<T>, show: (v: T) => ReactNode): ReactNode {
  return figure === undefined ? undefined : figure === 'failed' ? '—' : show(figure);
}

/**
 * The network at a glance, as its contracts report it: every figure of the page read in one batch. The staking
 * figures come from `useStakingSummary` (the live reward pool, never the stored one; the optional views only where
 * the contract's ABI on this chain has them).
 */
export function NetworkOverview() {
  const { chain } = useNetwork();
  const staking = contractAddress(chain.id, 'ColdStaking');
  const block = useBlockNumber();
  const features = useContractFeatures(chain.id);
  const summary = useStakingSummary(staking, features);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Callisto Network</h1>
        <p className="mt-1 text-sm text-slate-400">
          {chain.name}, chain {chain.id}
          {block.data !== undefined && <> · block {block.data.toLocaleString('en')}</>}
        </p>
      </div>
      {summary.unreachable && (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-100">
          The figures cannot be loaded: the network does not answer. They will appear as soon as it does.
        </p>
      )}
      <Card title="Cold staking">
        {staking ? (
          <>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat
                label="Total staked"
                value={shown(summary.totalStaked, (v) => (
                  <Amount wei={v} />
                ))}
              />
              <Stat
                label="Reward pool"
                value={shown(summary.rewardPool, (v) => (
                  <Amount wei={v} />
                ))}
              />
              {features.stakerCount && (
                <Stat label="Stakers" value={shown(summary.stakerCount, (v) => v.toLocaleString('en'))} />
              )}
              <Stat label="Round length" value={shown(summary.roundInterval, (v) => formatDuration(Number(v)))} />
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
