'use client';
// All CLO staked in cold staking now: before evaluation, the best figure a vote's quorum is measured against.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';

export function useTotalStaked(staking: Address) {
  return useReadContract({ address: staking, abi: coldStakingAbi, functionName: 'TotalStakingAmount' });
}
