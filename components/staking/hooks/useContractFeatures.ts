'use client';

import { useMemo } from 'react';
import { stakingFeaturesOn, type StakingFeatures } from '@/lib/staking/contractFeatures';

/** Which optional views and actions the cold staking contract on `chainId` has, decided by its ABI (never by a
 * call that fails): mainnet's live V2 has none of them. */
export function useContractFeatures(chainId: number): StakingFeatures {
  return useMemo(() => stakingFeaturesOn(chainId), [chainId]);
}
