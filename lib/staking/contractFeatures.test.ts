import { describe, expect, it } from 'vitest';
import { parseAbi } from 'viem';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import { CALLISTO_MAINNET_ID, stakingAbiOn, stakingFeatures } from './contractFeatures';

describe('stakingFeatures', () => {
  it('asks the live mainnet V2 for none of the views its published ABI lacks', () => {
    expect(stakingFeatures(stakingAbiOn(CALLISTO_MAINNET_ID))).toEqual({
      stakerCount: false,
      maxSecondsPerBlock: false,
      heldUntil: false,
      totalPendingReturns: false,
      pendingReturns: false,
    });
  });

  it("reads the project's own views on its own deployments", () => {
    const features = stakingFeatures(stakingAbiOn(31337));
    expect(stakingAbiOn(31337)).toBe(coldStakingAbi);
    expect(features).toEqual({
      stakerCount: true,
      maxSecondsPerBlock: true,
      heldUntil: true,
      totalPendingReturns: true,
      pendingReturns: true,
    });
  });

  it('finds the pending returns of a contract that has them, and only a uint256 view of that name', () => {
    const withPull = parseAbi(['function total_pending_returns() view returns (uint256)']);
    const wrongShape = parseAbi(['function total_pending_returns(address) view returns (uint256)']);
    expect(stakingFeatures(withPull).totalPendingReturns).toBe(true);
    expect(stakingFeatures(wrongShape).totalPendingReturns).toBe(false);
  });

  it('offers the returned stake only where its owner can also take it back', () => {
    const owedOnly = parseAbi(['function pending_returns(address) view returns (uint256)']);
    const both = parseAbi([
      'function pending_returns(address) view returns (uint256)',
      'function withdraw_pending_return()',
    ]);
    expect(stakingFeatures(owedOnly).pendingReturns).toBe(false);
    expect(stakingFeatures(both).pendingReturns).toBe(true);
  });
});
