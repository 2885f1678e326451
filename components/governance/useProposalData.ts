'use client';

import { useMemo } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import type { Proposal } from '@/lib/governance/proposal';
import { ok } from '@/components/ui/chainDisplay';

export interface ProposalPageData {
  proposal: Proposal;
  currentEpoch: bigint;
  genesis: bigint;
  epochLength: bigint;
  quorumBps: bigint;
  dueEpochs: bigint;
  availableBalance?: bigint;
  totalStaked: bigint;
  /** The account's recorded vote (choice 0 = none). */
  myVote?: { choice: number; weight: bigint };
  /** The account's stake in cold staking: its voting power. */
  myStake?: bigint;
  /** The cold staking contract (a funding payee there is paid as a donation to its reward pool). */
  staking: Address;
}

/** Everything the proposal page shows first, in one multicall. With no account the per-account reads use the
 * zero address, so the call list keeps one shape. */
export function useProposal(governance: Address, staking: Address, id: bigint, account: Address | undefined) {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const who = account ?? zeroAddress;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...g, functionName: 'proposal_count' },
      { ...g, functionName: 'get_proposal', args: [id] },
      { ...g, functionName: 'current_epoch' },
      { ...g, functionName: 'genesis' },
      { ...g, functionName: 'epoch_length' },
      { ...g, functionName: 'quorum_bps' },
      { ...g, functionName: 'due_epochs', args: [id] },
      { ...g, functionName: 'available_balance' },
      { ...g, functionName: 'vote_of', args: [id, who] },
      { address: staking, abi: coldStakingAbi, functionName: 'TotalStakingAmount' },
      { address: staking, abi: coldStakingAbi, functionName: 'staker', args: [who] },
    ],
  });

  const result = useMemo(() => {
    const r = reads.data;
    if (!r) return undefined;
    const count = ok(r[0]);
    const proposal = ok(r[1]) as Proposal | undefined;
    const currentEpoch = ok(r[2]);
    const genesis = ok(r[3]);
    const epochLength = ok(r[4]);
    const quorum = ok(r[5]);
    const totalStaked = ok(r[9]);
    // The count answers whether the id exists; a failed get_proposal with a known count past it is "no such
    // proposal", not a network error.
    if (count !== undefined && id >= count) return { missing: true as const };
    if (
      !proposal ||
      currentEpoch === undefined ||
      genesis === undefined ||
      epochLength === undefined ||
      quorum === undefined ||
      totalStaked === undefined
    ) {
      return undefined;
    }
    const vote = account ? ok(r[8]) : undefined;
    const staker = account ? ok(r[10]) : undefined;
    const data: ProposalPageData = {
      proposal,
      currentEpoch,
      genesis,
      epochLength,
      quorumBps: BigInt(quorum),
      dueEpochs: ok(r[6]) ?? 0n,
      availableBalance: ok(r[7]),
      totalStaked,
      myVote: vote ? { choice: vote[0], weight: vote[1] } : undefined,
      myStake: staker ? staker[0] : undefined,
      staking,
    };
    return { missing: false as const, data };
  }, [reads.data, id, account, staking]);

  return {
    data: result && !result.missing ? result.data : undefined,
    missing: result?.missing ?? false,
    isLoading: reads.isLoading,
    error: reads.error ?? (reads.data && !result ? new Error('The contract did not answer') : null),
    refetch: reads.refetch,
  };
}
