'use client';
// An account's voting power: its stake in cold staking (a vote counts the whole stake at the time it is cast).
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';

export function useVotingPower(staking: Address, account: Address | undefined) {
  const read = useReadContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'staker',
    args: account ? [account] : undefined,
    query: { enabled: Boolean(account) },
  });
  const [amount] = read.data ?? [];
  return { data: account ? amount : undefined, refetch: read.refetch };
}
