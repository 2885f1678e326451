'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useBalance, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import type { Proposal } from '@/lib/governance/proposal';
import { newestFirstPage, type PageRange } from '@/lib/governance/paging';
import { ok } from '@/components/ui/chainDisplay';

export interface GovernanceState {
  proposalCount: bigint;
  currentEpoch: bigint;
  genesis: bigint;
  epochLength: bigint;
  quorumBps: bigint;
  submissionDeposit: bigint;
  availableBalance?: bigint;
  totalStaked: bigint;
}

/**
 * The governance page's reads. Round one is a single multicall of the contract's figures and the total stake
 * (the treasury balance and the latest block ride in the same JSON-RPC batch). Round two needs the count and the
 * epoch from it: the commitments of this epoch and the next and one page of proposals, again one multicall. No
 * request is made per proposal.
 */
export function useGovernanceList(governance: Address, staking: Address, page: number) {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const first = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...g, functionName: 'proposal_count' },
      { ...g, functionName: 'current_epoch' },
      { ...g, functionName: 'genesis' },
      { ...g, functionName: 'epoch_length' },
      { ...g, functionName: 'quorum_bps' },
      { ...g, functionName: 'submission_deposit' },
      { ...g, functionName: 'available_balance' },
      { address: staking, abi: coldStakingAbi, functionName: 'TotalStakingAmount' },
    ],
  });
  const balance = useBalance({ address: governance });

  const state = useMemo<GovernanceState | undefined>(() => {
    const r = first.data;
    if (!r) return undefined;
    const [count, epoch, genesis, epochLength, quorum, deposit, available, totalStaked] = [
      ok(r[0]),
      ok(r[1]),
      ok(r[2]),
      ok(r[3]),
      ok(r[4]),
      ok(r[5]),
      ok(r[6]),
      ok(r[7]),
    ];
    if (
      count === undefined ||
      epoch === undefined ||
      genesis === undefined ||
      epochLength === undefined ||
      quorum === undefined ||
      deposit === undefined ||
      totalStaked === undefined
    ) {
      return undefined;
    }
    return {
      proposalCount: count,
      currentEpoch: epoch,
      genesis,
      epochLength,
      quorumBps: BigInt(quorum),
      submissionDeposit: deposit,
      availableBalance: available,
      totalStaked,
    };
  }, [first.data]);

  const range: PageRange | undefined = state ? newestFirstPage(state.proposalCount, page) : undefined;
  const epoch = state?.currentEpoch ?? 0n;
  const second = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...g, functionName: 'committed_in_epoch', args: [epoch] },
      { ...g, functionName: 'committed_in_epoch', args: [epoch + 1n] },
      { ...g, functionName: 'get_proposals', args: [range?.offset ?? 0n, range?.limit ?? 0n] },
    ],
    query: { enabled: state !== undefined },
  });

  const committed = second.data
    ? { thisEpoch: ok(second.data[0]), nextEpoch: ok(second.data[1]) }
    : { thisEpoch: undefined, nextEpoch: undefined };
  const proposals = useMemo<Proposal[] | undefined>(() => {
    const page = second.data ? ok(second.data[2]) : undefined;
    return page ? [...(page as readonly Proposal[])].reverse() : undefined;
  }, [second.data]);

  return {
    state,
    range,
    committed,
    proposals,
    balance: balance.data?.value,
    error: first.error ?? (state === undefined && first.data ? new Error('The contract did not answer') : null),
    pageError: second.error ?? (second.data && second.data[2]?.status === 'failure' ? second.data[2].error : null),
    isLoading: first.isLoading || second.isLoading,
    refetch: () => Promise.all([first.refetch(), second.refetch(), balance.refetch()]),
  };
}
