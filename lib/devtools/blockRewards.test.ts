import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { blockRewardShares, validateBlockCount } from './blockRewards';

describe('emulated block rewards', () => {
  it('credits 60 CLO to the treasury and 120 CLO to staking per 600 CLO block', () => {
    expect(blockRewardShares(1n)).toEqual({ treasury: parseEther('60'), staking: parseEther('120') });
    expect(blockRewardShares(1000n)).toEqual({ treasury: parseEther('60000'), staking: parseEther('120000') });
  });
  it('refuses counts that are not whole numbers in range', () => {
    expect(validateBlockCount('10')).toBeNull();
    for (const bad of ['', '0', '-1', '1.5', 'abc', '1000001']) expect(validateBlockCount(bad)).not.toBeNull();
  });
});
