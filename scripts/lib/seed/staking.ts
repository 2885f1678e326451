// Demo stakers: one past the inactivity limit, one past its term (withdrawable), one in its second round with
// a reward to claim, two early in long terms; and block rewards in the pool.
import { parseEther, type Address } from 'viem';
import { coldStakingAbi } from '../../../contracts-abi/ColdStaking';
import { blockRewardShares } from '../../../lib/devtools/blockRewards';
import type { SeedContext } from './context';

const DAY = 86_400n;

export async function seedStaking(ctx: SeedContext, staking: Address): Promise<void> {
  const read = <name extends 'round_interval' | 'max_delay'>(functionName: name) =>
    ctx.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName });
  const round = await read('round_interval');
  const maxDelay = await read('max_delay');

  const stake = async (accountIndex: number, clo: string, rounds: bigint) => {
    await ctx.write(accountIndex, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [rounds],
      value: parseEther(clo),
    });
    ctx.log(`  staker ${ctx.address(accountIndex)}: ${clo} CLO for ${rounds} round(s)`);
  };
  const creditBlockRewards = (blocks: bigint) => ctx.credit(staking, blockRewardShares(blocks).staking);

  // Inactive: its term ended longer ago than the inactivity limit, so any staker may report it.
  await stake(1, '800', 1n);
  await ctx.advance(round + maxDelay + 2n * DAY);
  // Past its term (withdrawable) and in its second round (a reward to claim).
  await stake(2, '1500', 1n);
  await stake(3, '2000', 3n);
  await creditBlockRewards(400n);
  await ctx.advance(round + 2n * DAY);
  // Early in long terms.
  await stake(4, '5000', 12n);
  await stake(5, '300', 6n);
  await creditBlockRewards(400n);
  await ctx.advance(5n * DAY);
}
