// The position card's reward by round as the staking page reads it, against a real anvil: the completed rounds are
// shown at what the contract's own `stake_reward` pays in the block the page read, and the rest of the term as rounds
// left, with the card's figures and the chart from that one block.
import { screen } from '@testing-library/react';
import { parseEther, type Address } from 'viem';
import { useAccount } from 'wagmi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import type { TestChain } from '@/contracts/test/harness';
import { LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { useChainNow } from '@/components/ui/chainDisplay';
import { useNetwork } from '@/components/ui/NetworkContext';
import { useStakingFigures } from './hooks/useStakingFigures';
import { PositionTimeline } from './PositionTimeline';

const DAY = 86_400n;

/** The staking page's position card, as StakingDashboard composes it. */
function MyPosition({ staking }: { staking: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const { pool, position, timeline } = useStakingFigures(staking, address, chain.id);
  const { now } = useChainNow();
  if (!pool || !position || !timeline || position.staker.amount === 0n) return null;
  return (
    <>
      <p>figures of block {pool.blockNumber.toString()}</p>
      <PositionTimeline
        staker={position.staker}
        reward={position.reward}
        heldUntil={position.heldUntil}
        timeline={timeline}
        now={now}
        view={position.view}
      />
    </>
  );
}

describe("a position's reward by round, on chain", () => {
  let chain: TestChain;
  let staking: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      DAY,
      365n * DAY,
      30n * DAY,
      chain.accounts[0]!.address,
    ]);
    const stake = (from: number, value: bigint, rounds: bigint) =>
      chain.write(from, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [rounds],
        value,
      });
    await stake(LOCAL_DEV_ACCOUNT_INDEX, parseEther('100'), 4n);
    await stake(1, parseEther('300'), 12n);
    await chain.write(2, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'DEBUG_donation',
      value: parseEther('1000'),
    });
    // Two and a half rounds later: two completed, the third in progress, one more to come.
    await chain.increaseTime((5n * DAY) / 2n);
  });
  afterAll(() => stopAppChain(chain));

  it('shows the completed rounds at what stake_reward pays in the block read, and the rounds left', async () => {
    await renderConnected(<MyPosition staking={staking} />);
    const figures = await screen.findByTestId('position-reward-figures', undefined, { timeout: 20_000 });
    const block = BigInt(screen.getByText(/^figures of block \d+$/).textContent!.replace('figures of block ', ''));
    const stakeReward = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'stake_reward',
      args: [chain.accounts[LOCAL_DEV_ACCOUNT_INDEX]!.address],
      blockNumber: block,
    });
    expect(stakeReward).toBeGreaterThan(0n);
    expect(screen.getByText('Reward by round: 2 rounds completed, 2 rounds left')).toBeTruthy();
    const [claimable, perRound, total] = [...figures.querySelectorAll('[data-exact]')].map((a) =>
      BigInt(a.getAttribute('data-exact')!),
    );
    // The chart's completed rounds are the card's "Claimable now", which is the contract's own figure.
    expect(claimable).toBe(stakeReward);
    expect(screen.getByTestId('claimable-reward').getAttribute('data-exact')).toBe(stakeReward.toString());
    expect(perRound).toBeGreaterThan(0n);
    expect(total).toBe(stakeReward + 2n * perRound!);
  });
});
