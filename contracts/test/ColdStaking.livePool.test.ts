// lib/staking/livePool.ts against real contracts on anvil: the app computes the pool, the clock and the total weight
// from what the contract stores, its balance and the block, never from the stored `StakingRewardPool`, which on
// mainnet lags behind the block rewards. Each figure must equal the contract's own view (`stake_reward`,
// `add_stake_loss`) in the same block, and predict the reward a claim in the next block pays, to the wei: for the
// project's ColdStaking (V2-compatible, the 25 s a block cap of mainnet) and for the V1 stand-in, whose pool and
// weight are stored and stale between calls as on mainnet.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEther, parseEventLogs, type Abi, type Address } from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { coldStakingV1Abi } from '../../contracts-abi/ColdStakingV1';
import { liveStakingView, v1ClaimableReward, v1LockAfterClaim, type StakingStorage } from '../../lib/staking/livePool';
import { addStakeLoss, claimableReward, type BlockContext } from '../../lib/staking/rewardModel';
import { revertAfterEachTest, startTestChain, testContract, type TestChain } from './harness';

/** Short rounds, so that a test can complete several of them at 25 s a block with anvil_mine. */
const ROUND = 1_000n;
const MAX_DELAY = 10_000n;
const CAP = 25n;

let chain: TestChain;
let staking: Address;
let v1: Address;
let v1Abi: Abi;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, CAP, account(0)]);
  const legacy = testContract('ColdStakingV1Legacy');
  v1Abi = legacy.abi;
  v1 = await chain.deploy(legacy.abi, legacy.bytecode, [ROUND, MAX_DELAY, account(0)]);
});

revertAfterEachTest(() => chain);

/** What the app reads, all at one block: the stored totals and clock, the balance, and the block itself. */
async function readStorage(address: Address): Promise<{ storage: StakingStorage; block: BlockContext }> {
  const head = await chain.publicClient.getBlock();
  const blockNumber = head.number;
  const read = (functionName: 'TotalStakingAmount' | 'TotalStakingWeight' | 'Timestamp' | 'LastBlock') =>
    chain.publicClient.readContract({ address, abi: coldStakingV1Abi, functionName, blockNumber });
  const [balance, totalAmount, totalWeight, timestamp, lastBlock] = await Promise.all([
    chain.publicClient.getBalance({ address, blockNumber }),
    read('TotalStakingAmount'),
    read('TotalStakingWeight'),
    read('Timestamp'),
    read('LastBlock'),
  ]);
  return {
    storage: { balance, totalAmount, totalWeight, timestamp, lastBlock },
    block: { number: head.number, timestamp: head.timestamp },
  };
}

async function v2Staker(who: Address) {
  const [amount, time, multiplier, endTime] = await chain.publicClient.readContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'staker',
    args: [who],
  });
  return { amount, time, multiplier, endTime };
}

async function v1Stake(who: Address) {
  const [amount, time] = await chain.publicClient.readContract({
    address: v1,
    abi: coldStakingV1Abi,
    functionName: 'staker',
    args: [who],
  });
  return { amount, time };
}

/** Block rewards: a plain balance credit, with no call to the contract (so nothing stored moves). */
async function creditBlockRewards(address: Address, amount: bigint): Promise<void> {
  await chain.setBalance(address, (await chain.balance(address)) + amount);
}

describe('the live pool of the V2-compatible ColdStaking (25 s a block)', () => {
  it('gives every staker the reward stake_reward reports and the loss add_stake_loss reports, to the wei', async () => {
    await chain.write(1, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [3n],
      value: parseEther('1000'),
    });
    await chain.mine(10, 25);
    await chain.write(2, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [12n],
      value: parseEther('333.333333333333333333'),
    });
    await chain.mine(57, 17);
    await chain.write(3, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [1n],
      value: parseEther('7'),
    });
    await creditBlockRewards(staking, parseEther('1234.567890123456789'));
    // Blocks with nobody calling the contract, then one far in the future: the clock runs at most 25 s a block.
    await chain.mine(120, 13);
    await chain.setNextBlockTimestamp((await chain.now()) + 100_000n);
    await chain.mine(1);
    await creditBlockRewards(staking, parseEther('0.000000000000000777'));

    const { storage, block } = await readStorage(staking);
    const view = liveStakingView(storage, block, CAP, ROUND);
    const stakers = [account(1), account(2), account(3)];
    let someReward = false;
    for (const who of stakers) {
      const s = await v2Staker(who);
      const expected = await chain.publicClient.readContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'stake_reward',
        args: [who],
        blockNumber: block.number,
      });
      const [lostTime, lostReward] = await chain.publicClient.readContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'add_stake_loss',
        args: [who],
        blockNumber: block.number,
      });
      expect(claimableReward(s, view).reward, `reward of ${who}`).toBe(expected);
      expect(addStakeLoss(s, view), `add-stake loss of ${who}`).toEqual({ lostTime, lostReward });
      if (expected > 0n) someReward = true;
    }
    expect(someReward).toBe(true);
    // The clock is the capped one: 121 blocks since anyone called, at most 25 s each.
    expect(view.now - storage.timestamp).toBeLessThanOrEqual(121n * CAP);
    expect(view.pool).toBe(storage.balance - storage.totalAmount);
  });

  it('predicts the reward a claim in the next block pays, to the wei', async () => {
    await chain.write(1, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [4n],
      value: parseEther('500'),
    });
    await chain.write(2, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [4n],
      value: parseEther('1500'),
    });
    await chain.mine(45, 23);
    await creditBlockRewards(staking, parseEther('96.5'));
    const { storage, block } = await readStorage(staking);
    const claimAt = { number: block.number + 1n, timestamp: block.timestamp + 40n };
    const predicted = claimableReward(await v2Staker(account(1)), liveStakingView(storage, claimAt, CAP, ROUND)).reward;
    expect(predicted).toBeGreaterThan(0n);

    await chain.setNextBlockTimestamp(claimAt.timestamp);
    const receipt = await chain.write(1, { address: staking, abi: coldStakingAbi, functionName: 'claim' });
    const [claim] = parseEventLogs({ abi: coldStakingAbi, eventName: 'Claim', logs: receipt.logs });
    expect(receipt.blockNumber).toBe(claimAt.number);
    expect(claim?.args.reward).toBe(predicted);
  });
});

describe('the live pool of V1, whose stored pool and weight are stale between calls', () => {
  async function stakeV1(from: number, value: bigint) {
    const receipt = await chain.write(from, {
      address: v1,
      abi: coldStakingV1Abi,
      functionName: 'start_staking',
      value,
    });
    expect(receipt.status).toBe('success');
  }

  it('computes stake_reward to the wei while StakingRewardPool lags behind the block rewards', async () => {
    await stakeV1(1, parseEther('250'));
    await chain.mine(20, 25);
    await stakeV1(2, parseEther('4000.000000000000000001'));
    await creditBlockRewards(v1, parseEther('321.123456789'));
    await chain.mine(70, 19);
    await chain.setNextBlockTimestamp((await chain.now()) + 50_000n);
    await chain.mine(1);

    const { storage, block } = await readStorage(v1);
    const view = liveStakingView(storage, block, CAP, ROUND);
    const stored = await chain.publicClient.readContract({
      address: v1,
      abi: coldStakingV1Abi,
      functionName: 'StakingRewardPool',
      blockNumber: block.number,
    });
    // The stale stored pool is what the page must not show.
    expect(stored).toBeLessThan(view.pool);
    for (const who of [account(1), account(2)]) {
      const expected = await chain.publicClient.readContract({
        address: v1,
        abi: v1Abi,
        functionName: 'stake_reward',
        args: [who],
        blockNumber: block.number,
      });
      expect(v1ClaimableReward(await v1Stake(who), view), `V1 reward of ${who}`).toBe(expected);
    }
  });

  it('predicts a claim to the wei and the lock it restarts: no withdrawal until a round after the new start', async () => {
    await stakeV1(1, parseEther('100'));
    await stakeV1(2, parseEther('300'));
    // 1.5 rounds at 25 s a block: one round completes, half of the next is under way.
    await chain.mine(60, 25);
    await creditBlockRewards(v1, parseEther('10'));
    const { storage, block } = await readStorage(v1);
    const claimAt = { number: block.number + 1n, timestamp: block.timestamp + 25n };
    const view = liveStakingView(storage, claimAt, CAP, ROUND);
    const before = await v1Stake(account(1));
    const predicted = v1ClaimableReward(before, view);
    const lock = v1LockAfterClaim(before, view);
    expect(predicted).toBeGreaterThan(0n);
    expect(lock).toBeDefined();
    // Before the claim the stake could be withdrawn now.
    expect(view.now).toBeGreaterThanOrEqual(before.time + ROUND);

    await chain.setNextBlockTimestamp(claimAt.timestamp);
    const receipt = await chain.write(1, { address: v1, abi: coldStakingV1Abi, functionName: 'claim' });
    const [claim] = parseEventLogs({ abi: coldStakingV1Abi, eventName: 'Claim', logs: receipt.logs });
    expect(claim?.args.reward).toBe(predicted);
    expect((await v1Stake(account(1))).time).toBe(lock!.newStart);
    // After it, the same withdrawal is refused until one more round has passed from the new start.
    expect(await chain.revertReason(1, { address: v1, abi: coldStakingV1Abi, functionName: 'withdraw_stake' })).toBe(
      'ColdStakingV1: stake is locked for one round',
    );
    expect(lock!.withdrawableFrom).toBe(lock!.newStart + ROUND);
    expect(lock!.withdrawableFrom).toBeGreaterThan(view.now);
  });

  it('pays on a plain withdrawal the same reward a claim would have paid, and returns the stake at once', async () => {
    await stakeV1(1, parseEther('100'));
    await stakeV1(2, parseEther('300'));
    await chain.mine(60, 25);
    await creditBlockRewards(v1, parseEther('10'));
    const { storage, block } = await readStorage(v1);
    const at = { number: block.number + 1n, timestamp: block.timestamp + 25n };
    const predicted = v1ClaimableReward(await v1Stake(account(1)), liveStakingView(storage, at, CAP, ROUND));
    await chain.setNextBlockTimestamp(at.timestamp);
    const receipt = await chain.write(1, { address: v1, abi: coldStakingV1Abi, functionName: 'withdraw_stake' });
    const [claim] = parseEventLogs({ abi: coldStakingV1Abi, eventName: 'Claim', logs: receipt.logs });
    const [withdrawal] = parseEventLogs({ abi: coldStakingV1Abi, eventName: 'WithdrawStake', logs: receipt.logs });
    expect(claim?.args.reward).toBe(predicted);
    expect(withdrawal?.args.amount).toBe(parseEther('100'));
    expect((await v1Stake(account(1))).amount).toBe(0n);
  });
});
