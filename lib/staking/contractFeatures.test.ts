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
    });
  });

  it("reads the project's own views on its own deployments", () => {
    const features = stakingFeatures(stakingAbiOn(31337));
    expect(stakingAbiOn(31337)).toBe(coldStakingAbi);
    expect(features).toMatchObject({ stakerCount: true, maxSecondsPerBlock: true, heldUntil: true });
  });

  it('finds the pending returns of a contract that has them, and only a uint256 view of that name', () => {
    const withPull = parseAbi(['function total_pending_returns() view returns (uint256)']);
    const wrongShape = parseAbi(['function total_pending_returns(address) view returns (uint256)']);
    expect(stakingFeatures(withPull).totalPendingReturns).toBe(true);
    expect(stakingFeatures(wrongShape).totalPendingReturns).toBe(false);
  });
});
