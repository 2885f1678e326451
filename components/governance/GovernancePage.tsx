'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Address } from 'viem';
import { votingWindow } from '@/lib/governance/proposal';
import { formatBps } from '@/lib/format/percent';
import { DeployedGate, useDeployedAddresses } from '@/components/ui/DeployedGate';
import { Card, ReadFailed, Stat } from '@/components/ui/primitives';
import { useAccount } from 'wagmi';
import { ProposalList } from './ProposalList';
import { RefundPanel } from './RefundPanel';
import { Countdown, DateAt, useChainNow, useRefetchWhenPassed } from '@/components/ui/chainDisplay';
import { useCommittedPayouts } from './hooks/useCommittedPayouts';
import { useGovernanceClock } from './hooks/useGovernanceClock';
import { useGovernanceParams } from './hooks/useGovernanceParams';
import { useProposalListPage } from './hooks/useProposalListPage';
import { useTotalStaked } from './hooks/useTotalStaked';
import { useTreasuryBalance } from './hooks/useTreasuryBalance';
import type { ListFigures } from './ProposalList';
import { Amount } from '@/components/ui/Amount';
import type { TreasuryPicture } from '@/lib/governance/treasuryPicture';
import { TreasuryChart } from './TreasuryChart';

const CONTRACTS = ['TreasuryGovernance', 'ColdStaking'] as const;

export function GovernancePage() {
  const deployed = useDeployedAddresses(CONTRACTS);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Treasury governance</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-400">
            The treasury holds the treasury share of every block reward and pays it only to proposals that cold stakers
            accepted. Anyone may propose against a refundable deposit; cold stakers vote with their stake.
          </p>
        </div>
        {deployed && (
          <Link
            href="/governance/new/"
            className="inline-flex min-h-10 items-center rounded-md bg-teal-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-teal-400"
          >
            New proposal
          </Link>
        )}
      </div>
      <DeployedGate contracts={CONTRACTS} feature="Treasury governance">
        {(a) => <GovernanceDashboard governance={a.TreasuryGovernance} staking={a.ColdStaking} />}
      </DeployedGate>
    </div>
  );
}

function GovernanceDashboard({ governance, staking }: { governance: Address; staking: Address }) {
  const { address } = useAccount();
  const [page, setPage] = useState(0);
  // Every read of the page's first round is issued in this one render, so they travel in one JSON-RPC batch; the
  // page of proposals and the commitments follow once the count and the epoch are known.
  const clock = useGovernanceClock(governance);
  const params = useGovernanceParams(governance);
  const totalStaked = useTotalStaked(staking);
  const treasury = useTreasuryBalance(governance);
  const list = useProposalListPage(governance, page);
  const committed = useCommittedPayouts(governance, clock.data?.currentEpoch);
  const chainNow = useChainNow();

  const figures: ListFigures | undefined =
    clock.data && params.data && totalStaked.data !== undefined && list.count !== undefined
      ? { ...clock.data, ...params.data, totalStaked: totalStaked.data, proposalCount: list.count }
      : undefined;
  const error = clock.error ?? params.error ?? totalStaked.error ?? list.countError;
  const refetch = () =>
    Promise.all([
      clock.refetch(),
      params.refetch(),
      totalStaked.refetch(),
      treasury.refetch(),
      list.refetch(),
      committed.refetch(),
    ]);

  if (error && !figures) {
    return <ReadFailed what="The governance contract" error={error} onRetry={() => void refetch()} />;
  }

  return (
    <>
      <TreasuryCard
        figures={figures}
        balance={treasury.balance}
        available={treasury.available}
        committed={committed.picture}
        committedFailed={Boolean(committed.error)}
        now={chainNow.now}
        refetch={() => Promise.all([refetch(), chainNow.refetch()])}
      />
      <RefundPanel governance={governance} account={address} />
      <ProposalList
        governance={governance}
        figures={figures}
        proposals={list.proposals}
        range={list.range}
        pageError={list.pageError}
        onPage={setPage}
      />
    </>
  );
}

/** A figure with a test id, or undefined (the Stat's loading placeholder) while unknown. */
function testValue(testId: string, text: string | undefined) {
  return text === undefined ? undefined : <span data-testid={testId}>{text}</span>;
}

/** An amount of the treasury card, readable with the exact amount on hover or focus; undefined while loading. */
function cloValue(wei: bigint | undefined, testId?: string) {
  return wei === undefined ? undefined : <Amount wei={wei} testId={testId} />;
}

function TreasuryCard({
  figures,
  balance,
  available,
  committed,
  committedFailed,
  now,
  refetch,
}: {
  figures: ListFigures | undefined;
  balance: bigint | undefined;
  available: bigint | undefined;
  committed: TreasuryPicture | undefined;
  committedFailed: boolean;
  now: number;
  refetch: () => unknown;
}) {
  const epochEnd = figures ? votingWindow(figures.currentEpoch, figures.genesis, figures.epochLength).end : undefined;
  useRefetchWhenPassed(epochEnd, now, refetch);
  return (
    <Card title="Treasury">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        <Stat label="Balance" value={cloValue(balance, 'treasury-balance')} />
        <Stat
          label="Available for payments"
          value={figures ? (available === undefined ? '—' : cloValue(available)) : undefined}
          hint="The balance less the deposits of proposals in voting and the refunds owed to authors"
        />
        <Stat label="Committed this epoch" value={cloValue(committed?.thisEpoch, 'committed-this-epoch')} />
        <Stat label="Committed next epoch" value={cloValue(committed?.nextEpoch, 'committed-next-epoch')} />
        <Stat
          label="Current epoch"
          value={testValue('current-epoch', figures && `Epoch ${figures.currentEpoch.toString()}`)}
          hint={
            epochEnd !== undefined && (
              <>
                Ends <DateAt at={epochEnd} /> <Countdown at={epochEnd} now={now} />
              </>
            )
          }
        />
        <Stat label="Quorum" value={figures && formatBps(figures.quorumBps)} hint="Of all staked CLO, to vote" />
        <Stat label="Proposal deposit" value={figures && <Amount wei={figures.submissionDeposit} />} hint="Refunded" />
        <Stat label="Total staked" value={figures && <Amount wei={figures.totalStaked} />} />
      </dl>
      <div className="mt-5 border-t border-slate-800 pt-4">
        <TreasuryChart picture={committed} balance={balance} available={available} failed={committedFailed} />
      </div>
    </Card>
  );
}
