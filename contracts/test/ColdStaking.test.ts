// Rules of contracts/ColdStaking.sol, one describe or test each, on a real anvil. Expected rewards are computed in
// the test with bigint from values read on chain (the contract's state before a call and the block the call was
// mined in), so every reward is checked to the wei.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeFunctionData,
  getAddress,
  parseAbi,
  parseEther,
  parseEventLogs,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { coldStakingV1Abi } from '../../contracts-abi/ColdStakingV1';
import { projectRoot } from '../../scripts/lib/paths';
import {
  addStakeLoss,
  addStakePreview,
  claimableReward,
  simulateClock,
  type BlockContext,
  type ClockState,
  type StakerState,
} from '../../lib/staking/rewardModel';
import { startTestChain, type TestChain, testContract, revertAfterEachTest } from './harness';

const DAY = 86_400n;
const ROUND = 27n * DAY;
const MAX_DELAY = 365n * DAY;
/** The local dev chain's cap: large, so that time travel moves the contract clock in one block. */
const FAST = 10n ** 12n;
const E18 = 10n ** 18n;
const ZERO = '0x0000000000000000000000000000000000000000';
/** The published ABIs of the live contracts, kept in the repository as data (see its README). */
const referenceDir = join(projectRoot, 'contracts', 'reference', 'callisto-mainnet');

const reentrantStakerAbi = parseAbi([
  'constructor(address target)',
  'function setAttack(uint8 mode, bool swallow)',
  'function stake(uint256 rounds) payable',
  'function claim()',
  'function withdraw()',
  'function reentries() view returns (uint256)',
  'function failedReentries() view returns (uint256)',
  'receive() external payable',
]);

const governanceStandInAbi = parseAbi([
  'constructor(uint256 genesis, uint256 epochLength)',
  'function genesis() view returns (uint256)',
  'function epoch_length() view returns (uint256)',
  'function epoch_start(uint256 epoch) view returns (uint256)',
  'function hold(address staking, address voter, uint256 until)',
]);

let chain: TestChain;
let staking: Address;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, FAST, account(0)]);
});

revertAfterEachTest(() => chain);

// ---- reading and writing ---------------------------------------------------------------------------------

async function stakerOf(who: Address, contract = staking): Promise<StakerState> {
  const [amount, time, multiplier, endTime] = await chain.publicClient.readContract({
    address: contract,
    abi: coldStakingAbi,
    functionName: 'staker',
    args: [who],
  });
  return { amount, time, multiplier, endTime };
}

function view(
  functionName: 'Timestamp' | 'LastBlock' | 'TotalStakingWeight' | 'TotalStakingAmount',
  contract = staking,
) {
  return chain.publicClient.readContract({ address: contract, abi: coldStakingAbi, functionName });
}

interface OnChain extends ClockState {
  balance: bigint;
  pool: bigint;
}

async function state(contract = staking): Promise<OnChain> {
  const [timestamp, lastBlock, totalWeight, totalAmount, balance, pool] = await Promise.all([
    view('Timestamp', contract),
    view('LastBlock', contract),
    view('TotalStakingWeight', contract),
    view('TotalStakingAmount', contract),
    chain.balance(contract),
    chain.publicClient.readContract({ address: contract, abi: coldStakingAbi, functionName: 'StakingRewardPool' }),
  ]);
  return { timestamp, lastBlock, totalWeight, totalAmount, balance, pool };
}

async function blockOf(receipt: TransactionReceipt): Promise<BlockContext> {
  const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber });
  return { number: block.number, timestamp: block.timestamp };
}

async function latestBlock(): Promise<BlockContext> {
  const block = await chain.publicClient.getBlock();
  return { number: block.number, timestamp: block.timestamp };
}

function expectSuccess(receipt: TransactionReceipt): TransactionReceipt {
  expect(receipt.status).toBe('success');
  return receipt;
}

async function stake(from: number, value: bigint, rounds: bigint, contract = staking) {
  return expectSuccess(
    await chain.write(from, {
      address: contract,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [rounds],
      value,
    }),
  );
}

function send(from: number, functionName: 'claim' | 'withdraw_stake', contract = staking) {
  return chain.write(from, { address: contract, abi: coldStakingAbi, functionName });
}

function reportAbuse(from: number, target: Address) {
  return chain.write(from, { address: staking, abi: coldStakingAbi, functionName: 'report_abuse', args: [target] });
}

function reason(from: number, functionName: 'claim' | 'withdraw_stake') {
  return chain.revertReason(from, { address: staking, abi: coldStakingAbi, functionName });
}

/** Raises the contract balance as a block reward does (a plain balance credit, no transaction). */
async function credit(amount: bigint, contract = staking) {
  await chain.setBalance(contract, (await chain.balance(contract)) + amount);
}

function events<const name extends 'Claim' | 'StartStaking' | 'WithdrawStake' | 'DonationDeposited' | 'AbuseReported'>(
  receipt: TransactionReceipt,
  eventName: name,
) {
  return parseEventLogs({ abi: coldStakingAbi, logs: receipt.logs, eventName }).map((log) => log.args);
}

function claimRewards(receipt: TransactionReceipt): bigint[] {
  return parseEventLogs({ abi: coldStakingAbi, logs: receipt.logs, eventName: 'Claim' }).map((log) => log.args.reward);
}

/** What the sender received from the contract in `receipt`: balance change plus gas plus the value sent. */
async function received(from: number, before: bigint, receipt: TransactionReceipt, valueSent = 0n) {
  return (await chain.balance(account(from))) - before + chain.gasCost(receipt) + valueSent;
}

/** The reward a claim by `who` mined in `block` pays, from the contract's state before it. */
function expectedClaim(before: OnChain, staker: StakerState, block: BlockContext, cap = FAST) {
  const clock = simulateClock(before, block, cap);
  return claimableReward(staker, {
    now: clock.timestamp,
    pool: before.pool,
    totalWeight: clock.totalWeight,
    roundInterval: ROUND,
  });
}

function multiplierOf(rounds: bigint): bigint {
  return rounds >= 12n ? E18 : 400_000_000_000_000_000n + 50_000_000_000_000_000n * rounds;
}

/** SUM over the given stakers of amount x (Timestamp - time): the contract's weight invariant. */
async function sumOfWeights(who: Address[]): Promise<bigint> {
  const timestamp = await view('Timestamp');
  const stakers = await Promise.all(who.map((a) => stakerOf(a)));
  return stakers.reduce((sum, s) => sum + s.amount * (timestamp - s.time), 0n);
}

/** A governance stand-in (contracts/test/GovernanceStandIn.sol) reporting epochs of `epochLength` from `genesis`. */
async function deployGovernance(genesis: bigint, epochLength: bigint): Promise<Address> {
  return getAddress(
    await chain.deploy(governanceStandInAbi, testContract('GovernanceStandIn').bytecode, [genesis, epochLength]),
  );
}

/** Governance holding `voter`'s stake until `until`, through the stand-in. */
function holdVia(governance: Address, voter: Address, until: bigint) {
  return chain.write(0, {
    address: governance,
    abi: governanceStandInAbi,
    functionName: 'hold',
    args: [staking, voter, until],
  });
}

/** A hold_stake sent directly (by an account that is not governance). */
function holdRequest(voter: Address, until: bigint) {
  return { address: staking, abi: coldStakingAbi, functionName: 'hold_stake', args: [voter, until] } as const;
}

// ---- ABI -------------------------------------------------------------------------------------------------

interface AbiParam {
  readonly type: string;
  readonly name?: string;
  readonly internalType?: string;
  readonly indexed?: boolean;
}

interface AbiEntry {
  readonly type: string;
  readonly name?: string;
  readonly stateMutability?: string;
  readonly anonymous?: boolean;
  readonly inputs?: readonly AbiParam[];
  readonly outputs?: readonly AbiParam[];
}

function normalize(entry: AbiEntry, withInternalType: boolean) {
  const param = (p: AbiParam) => ({
    type: p.type,
    name: p.name ?? '',
    ...(withInternalType ? { internalType: p.internalType } : {}),
    ...(entry.type === 'event' ? { indexed: p.indexed ?? false } : {}),
  });
  return {
    type: entry.type,
    name: entry.name,
    stateMutability: entry.stateMutability,
    anonymous: entry.type === 'event' ? (entry.anonymous ?? false) : undefined,
    inputs: (entry.inputs ?? []).map(param),
    outputs: entry.type === 'function' ? (entry.outputs ?? []).map(param) : undefined,
  };
}

function readReferenceAbi(file: string): AbiEntry[] {
  return JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as AbiEntry[];
}

describe('ABI compatibility', () => {
  it('has every member of the mainnet V2 ABI, identical', () => {
    const ours = coldStakingAbi as readonly AbiEntry[];
    const reference = readReferenceAbi('ColdStakingV2.abi.json');
    expect(reference.length).toBeGreaterThan(20);
    for (const entry of reference) {
      const matches = ours.filter((e) => e.type === entry.type && e.name === entry.name);
      expect(matches, `${entry.type} ${entry.name ?? ''}`).toHaveLength(1);
      expect(normalize(matches[0]!, true)).toEqual(normalize(entry, true));
    }
  });

  it('matches the mainnet V1 ABI except its fallback', () => {
    const ours = (coldStakingV1Abi as readonly AbiEntry[]).map((e) => normalize(e, false));
    const reference = readReferenceAbi('ColdStakingV1.abi.json')
      .filter((e) => e.type !== 'fallback')
      .map((e) => normalize(e, false));
    const order = (a: { type: string; name?: string }, b: { type: string; name?: string }) =>
      `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);
    expect([...ours].sort(order)).toEqual([...reference].sort(order));
  });
});

// ---- rules -----------------------------------------------------------------------------------------------

describe('deployment', () => {
  it('sets the parameters and the contract clock', async () => {
    const read = (
      functionName:
        'round_interval' | 'max_delay' | 'max_seconds_per_block' | 'staking_threshold' | 'BlockStartStaking',
    ) => chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName });
    expect(await read('round_interval')).toBe(ROUND);
    expect(await read('max_delay')).toBe(MAX_DELAY);
    expect(await read('max_seconds_per_block')).toBe(FAST);
    expect(await read('staking_threshold')).toBe(0n);
    expect(
      await chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'owner' }),
    ).toBe(account(0));
    expect(
      await chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'governance' }),
    ).toBe(ZERO);
    const { timestamp, lastBlock } = await state();
    expect(lastBlock).toBe(await read('BlockStartStaking'));
    const deployBlock = await chain.publicClient.getBlock({ blockNumber: lastBlock });
    expect(timestamp).toBe(deployBlock.timestamp);
  });

  it('rejects a zero round, a zero clock cap and a zero owner', async () => {
    await expect(chain.deploy(coldStakingAbi, coldStakingBytecode, [0n, MAX_DELAY, 25n, account(0)])).rejects.toThrow();
    await expect(
      chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, 0n, account(0)]),
    ).rejects.toThrow();
    await expect(chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, 25n, ZERO])).rejects.toThrow();
  });
});

describe('rule 1: any address stakes any amount for one round or more', () => {
  it('stakes for 1 to 40 rounds with multiplier 0.40 + 0.05 x rounds, at most 1.00', async () => {
    const cases: [number, bigint, bigint][] = [
      [1, 1n, 1n],
      [2, parseEther('0.5'), 2n],
      [3, parseEther('100'), 6n],
      [4, parseEther('7'), 11n],
      [5, parseEther('1000'), 12n],
      [6, 3n, 13n],
      [7, parseEther('1'), 40n],
    ];
    let total = 0n;
    for (const [from, value, rounds] of cases) {
      const receipt = await stake(from, value, rounds);
      const time = await view('Timestamp');
      const endTime = time + rounds * ROUND;
      expect(await stakerOf(account(from))).toEqual({ amount: value, time, multiplier: multiplierOf(rounds), endTime });
      expect(events(receipt, 'StartStaking')).toEqual([
        { addr: account(from), value, amount: value, time, end_time: endTime },
      ]);
      total += value;
    }
    expect(multiplierOf(1n)).toBe(450_000_000_000_000_000n);
    expect(multiplierOf(13n)).toBe(E18);
    expect(await view('TotalStakingAmount')).toBe(total);
    expect(
      await chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'staker_count' }),
    ).toBe(BigInt(cases.length));
  });

  it('stakes a plain transfer for one round', async () => {
    // A fixed gas limit, as `chain.write`: a bare estimate falls short when the block that mines it has a later
    // clock than the one it was estimated in (the first call in a block advances the contract's clock).
    const hash = await chain.wallet(8).sendTransaction({ to: staking, value: parseEther('2'), gas: 200_000n });
    expectSuccess(await chain.publicClient.waitForTransactionReceipt({ hash }));
    const time = await view('Timestamp');
    expect(await stakerOf(account(8))).toEqual({
      amount: parseEther('2'),
      time,
      multiplier: multiplierOf(1n),
      endTime: time + ROUND,
    });
  });

  it('refuses a stake that would take the total past 2^128 wei (the packed total), far above any coin supply', async () => {
    const limit = 2n ** 128n - 1n;
    const half = 2n ** 127n;
    for (const i of [1, 2, 3]) await chain.setBalance(account(i), 2n ** 127n + parseEther('1'));
    const request = (value: bigint) =>
      ({ address: staking, abi: coldStakingAbi, functionName: 'start_staking', args: [1n], value }) as const;
    await stake(1, half, 1n);
    await stake(2, half - 5n, 1n);
    expect(await chain.revertReason(3, request(5n))).toBe('ColdStaking: total stake too large');
    await stake(3, 4n, 1n);
    expect(await view('TotalStakingAmount')).toBe(limit);
  });

  it('rejects zero rounds, more than 1000 rounds and an empty first stake', async () => {
    const request = (rounds: bigint, value: bigint) =>
      ({ address: staking, abi: coldStakingAbi, functionName: 'start_staking', args: [rounds], value }) as const;
    expect(await chain.revertReason(1, request(0n, 1n))).toBe('ColdStaking: stake for at least one round');
    expect(await chain.revertReason(1, request(1001n, 1n))).toBe('ColdStaking: at most 1000 rounds');
    expect(await chain.revertReason(1, request(1n, 0n))).toBe('ColdStaking: nothing to stake');
    await stake(1, 1n, 1000n);
  });
});

describe('rule 2: nothing is withdrawable before the end of the term', () => {
  it('locks the stake until end_time, then pays reward and stake at any time', async () => {
    await stake(1, parseEther('100'), 2n);
    await stake(2, parseEther('100'), 1n);
    await credit(parseEther('50'));
    const s1 = await stakerOf(account(1));
    expect(await reason(1, 'withdraw_stake')).toBe('ColdStaking: stake is locked until the end of its term');
    await chain.increaseTime(ROUND + DAY);
    expect(await reason(1, 'withdraw_stake')).toBe('ColdStaking: stake is locked until the end of its term');

    await chain.setNextBlockTimestamp(s1.endTime - 1n);
    expect((await send(1, 'withdraw_stake')).status).toBe('reverted');
    expect((await stakerOf(account(1))).amount).toBe(parseEther('100'));

    await chain.setNextBlockTimestamp(s1.endTime);
    const before = await state();
    const balance = await chain.balance(account(1));
    const receipt = expectSuccess(await send(1, 'withdraw_stake'));
    const { reward } = expectedClaim(before, s1, await blockOf(receipt));
    expect(reward).toBeGreaterThan(0n);
    expect(events(receipt, 'Claim')).toEqual([{ staker: account(1), reward }]);
    expect(events(receipt, 'WithdrawStake')).toEqual([{ staker: account(1), amount: parseEther('100') }]);
    expect(await received(1, balance, receipt)).toBe(parseEther('100') + reward);
    expect(await stakerOf(account(1))).toEqual({ amount: 0n, time: 0n, multiplier: 0n, endTime: 0n });

    // Long after its term, the other stake still comes back with the reward of its one round.
    await chain.increaseTime(200n * DAY);
    const s2 = await stakerOf(account(2));
    const before2 = await state();
    const balance2 = await chain.balance(account(2));
    const receipt2 = expectSuccess(await send(2, 'withdraw_stake'));
    const due = expectedClaim(before2, s2, await blockOf(receipt2));
    expect(due.completedTime).toBe(ROUND);
    expect(await received(2, balance2, receipt2)).toBe(parseEther('100') + due.reward);
    expect(await view('TotalStakingAmount')).toBe(0n);
    expect(await view('TotalStakingWeight')).toBe(0n);
  });
});

describe('rule 3: weight = amount x time, and the reward formula', () => {
  it('pays pool x (amount x completed rounds) / total weight x multiplier, keeps incomplete time, stops at the end', async () => {
    const amount1 = parseEther('100');
    await stake(1, amount1, 3n);
    await chain.increaseTime(10n * DAY);
    await stake(2, parseEther('300'), 12n);
    await credit(parseEther('1000'));
    expect(await sumOfWeights([account(1), account(2)])).toBe(await view('TotalStakingWeight'));
    await chain.increaseTime(ROUND + ROUND / 2n - 10n * DAY);

    // The claim, computed here from the state before it and its block.
    const s1 = await stakerOf(account(1));
    const before = await state();
    const balance = await chain.balance(account(1));
    const receipt = expectSuccess(await send(1, 'claim'));
    const block = await blockOf(receipt);
    const elapsed = (() => {
      const seconds = block.timestamp - before.timestamp;
      const cap = (block.number - before.lastBlock) * FAST;
      return seconds < cap ? seconds : cap;
    })();
    const now = before.timestamp + elapsed;
    const totalWeight = before.totalWeight + elapsed * before.totalAmount;
    const upto = now < s1.endTime ? now : s1.endTime;
    const completed = ((upto - s1.time) / ROUND) * ROUND;
    expect(completed).toBe(ROUND);
    const reward =
      ((((before.balance - before.totalAmount) * (s1.amount * completed)) / totalWeight) * s1.multiplier) / E18;
    expect(events(receipt, 'Claim')).toEqual([{ staker: account(1), reward }]);
    expect(await received(1, balance, receipt)).toBe(reward);
    expect(await view('Timestamp')).toBe(now);
    // Half a round stays with the staker: time moved by exactly the paid round.
    expect(await stakerOf(account(1))).toEqual({ ...s1, time: s1.time + ROUND });
    expect(await view('TotalStakingWeight')).toBe(totalWeight - s1.amount * ROUND);
    expect(await sumOfWeights([account(1), account(2)])).toBe(await view('TotalStakingWeight'));

    // Far past the end of the term, only the two remaining rounds up to end_time are paid.
    await chain.increaseTime(3n * ROUND);
    const s1b = await stakerOf(account(1));
    const viewReward = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'stake_reward',
      args: [account(1)],
    });
    expect(viewReward).toBe(expectedClaim(await state(), s1b, await latestBlock()).reward);
    const before2 = await state();
    const receipt2 = expectSuccess(await send(1, 'claim'));
    const due = expectedClaim(before2, s1b, await blockOf(receipt2));
    expect(due.completedTime).toBe(2n * ROUND);
    expect(events(receipt2, 'Claim')).toEqual([{ staker: account(1), reward: due.reward }]);
    expect((await stakerOf(account(1))).time).toBe(s1.endTime);

    // Nothing accrues after the end of the term.
    await chain.increaseTime(2n * ROUND);
    expect(
      await chain.publicClient.readContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'stake_reward',
        args: [account(1)],
      }),
    ).toBe(0n);
    const receipt3 = expectSuccess(await send(1, 'claim'));
    expect(events(receipt3, 'Claim')).toEqual([]);
    expect(await sumOfWeights([account(1), account(2)])).toBe(await view('TotalStakingWeight'));
  });
});

describe('rule 4: the more stakers, the less reward each', () => {
  it('shares the same pool among more stakers', async () => {
    const rewardOfFirst = async (others: number[]) => {
      const id = await chain.snapshot();
      const start = (await chain.now()) + 10n;
      await chain.setNextBlockTimestamp(start);
      await stake(1, parseEther('100'), 12n);
      for (const other of others) await stake(other, parseEther('100'), 12n);
      await credit(parseEther('1000'));
      await chain.setNextBlockTimestamp(start + ROUND + 100n);
      const receipt = expectSuccess(await send(1, 'claim'));
      const [reward] = claimRewards(receipt);
      await chain.revert(id);
      return reward!;
    };
    const alone = await rewardOfFirst([]);
    const withTwoMore = await rewardOfFirst([2, 3]);
    expect(alone).toBeGreaterThan(0n);
    expect(withTwoMore).toBeLessThan(alone);
    // About a third: the others staked a block or two later.
    expect(withTwoMore * 3n).toBeGreaterThanOrEqual((alone * 99n) / 100n);
    expect(withTwoMore * 3n).toBeLessThanOrEqual((alone * 101n) / 100n);
  });
});

describe('rule 5: claim and keep staking, or claim and withdraw', () => {
  it('pays nothing before a round completes, then each completed round; withdraws after the term', async () => {
    await stake(1, parseEther('100'), 2n);
    await stake(2, parseEther('100'), 2n);
    await credit(parseEther('1000'));

    const early = expectSuccess(await send(1, 'claim'));
    expect(events(early, 'Claim')).toEqual([]);

    await chain.increaseTime(ROUND + DAY);
    const first = expectSuccess(await send(1, 'claim'));
    expect(claimRewards(first)[0]).toBeGreaterThan(0n);
    expect((await stakerOf(account(1))).amount).toBe(parseEther('100'));
    expect(await reason(1, 'withdraw_stake')).toBe('ColdStaking: stake is locked until the end of its term');

    await chain.increaseTime(ROUND);
    const second = expectSuccess(await send(1, 'claim'));
    expect(claimRewards(second)[0]).toBeGreaterThan(0n);
    const balance = await chain.balance(account(1));
    const withdrawal = expectSuccess(await send(1, 'withdraw_stake'));
    expect(events(withdrawal, 'Claim')).toEqual([]);
    expect(await received(1, balance, withdrawal)).toBe(parseEther('100'));

    // Staker 2 never claimed: one withdrawal pays both rounds and the stake.
    const s2 = await stakerOf(account(2));
    const before = await state();
    const balance2 = await chain.balance(account(2));
    const both = expectSuccess(await send(2, 'withdraw_stake'));
    const due = expectedClaim(before, s2, await blockOf(both));
    expect(due.completedTime).toBe(2n * ROUND);
    expect(events(both, 'Claim')).toEqual([{ staker: account(2), reward: due.reward }]);
    expect(await received(2, balance2, both)).toBe(parseEther('100') + due.reward);
  });
});

describe('rule 6: adding to a stake', () => {
  it('pays the completed rounds, restarts the round and keeps the later end with an averaged multiplier', async () => {
    await stake(1, parseEther('100'), 3n);
    await stake(2, parseEther('100'), 12n);
    await credit(parseEther('1000'));
    await chain.increaseTime(ROUND + ROUND / 2n);

    // The loss the UI shows: the half round already spent, at today's pool and weight.
    const s1 = await stakerOf(account(1));
    const [lostTime, lostReward] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'add_stake_loss',
      args: [account(1)],
    });
    const latest = await state();
    const clock = simulateClock(latest, await latestBlock(), FAST);
    const loss = addStakeLoss(s1, {
      now: clock.timestamp,
      pool: latest.pool,
      totalWeight: clock.totalWeight,
      roundInterval: ROUND,
    });
    expect({ lostTime, lostReward }).toEqual(loss);
    expect(lostTime).toBeGreaterThanOrEqual(ROUND / 2n);
    expect(lostTime).toBeLessThan(ROUND);
    expect(lostReward).toBeGreaterThan(0n);

    const value = parseEther('50');
    const before = await state();
    const balance = await chain.balance(account(1));
    const receipt = await stake(1, value, 1n);
    const block = await blockOf(receipt);
    const at = simulateClock(before, block, FAST);
    const preview = addStakePreview(s1, value, 1n, {
      now: at.timestamp,
      pool: before.pool,
      totalWeight: at.totalWeight,
      roundInterval: ROUND,
    });
    expect(preview.reward).toBeGreaterThan(0n);
    expect(events(receipt, 'Claim')).toEqual([{ staker: account(1), reward: preview.reward }]);
    expect(await received(1, balance, receipt, value)).toBe(preview.reward);
    // The old term (3 rounds) ends after the new one (now + 1 round): it stays; one whole round is left, whose
    // multiplier (0.45) is below the old 0.55, so the two are averaged by amount.
    const expectedMultiplier = (multiplierOf(3n) * parseEther('100') + multiplierOf(1n) * value) / parseEther('150');
    expect(await stakerOf(account(1))).toEqual({
      amount: parseEther('150'),
      time: at.timestamp,
      multiplier: expectedMultiplier,
      endTime: s1.endTime,
    });
    expect(preview.after).toEqual(await stakerOf(account(1)));
    expect(events(receipt, 'StartStaking')).toEqual([
      { addr: account(1), value, amount: parseEther('150'), time: at.timestamp, end_time: s1.endTime },
    ]);
    // The weight of the restarted half round left the total with the paid round.
    const paidWeight = s1.amount * ROUND;
    const restarted = s1.amount * (at.timestamp - (s1.time + ROUND));
    expect(await view('TotalStakingWeight')).toBe(at.totalWeight - paidWeight - restarted);
    expect(await sumOfWeights([account(1), account(2)])).toBe(await view('TotalStakingWeight'));

    // One round later, half a round is left to the end of the term: the running round cannot complete, so
    // adding now loses nothing.
    await chain.increaseTime(ROUND + ROUND / 4n);
    expect(
      await chain.publicClient.readContract({
        address: staking,
        abi: coldStakingAbi,
        functionName: 'add_stake_loss',
        args: [account(1)],
      }),
    ).toEqual([0n, 0n]);

    // A longer term wins: 12 rounds from now, multiplier 1.00.
    await stake(1, parseEther('1'), 12n);
    const longer = await stakerOf(account(1));
    expect(longer.endTime).toBe(longer.time + 12n * ROUND);
    expect(longer.multiplier).toBe(E18);
  });

  it('after the term, a plain transfer pays the due rounds and starts a new one-round term, not averaged', async () => {
    await stake(3, parseEther('10'), 2n);
    await stake(4, parseEther('10'), 12n);
    await credit(parseEther('100'));
    await chain.increaseTime(3n * ROUND + ROUND / 2n);
    const s3 = await stakerOf(account(3));
    const before = await state();
    const hash = await chain.wallet(3).sendTransaction({ to: staking, value: parseEther('5'), gas: 300_000n });
    const receipt = expectSuccess(await chain.publicClient.waitForTransactionReceipt({ hash }));
    const due = expectedClaim(before, s3, await blockOf(receipt));
    expect(due.completedTime).toBe(2n * ROUND);
    expect(events(receipt, 'Claim')).toEqual([{ staker: account(3), reward: due.reward }]);
    const time = await view('Timestamp');
    // The old multiplier (0.50) was higher but its term is over: the new stake gets 0.45, not an average.
    expect(await stakerOf(account(3))).toEqual({
      amount: parseEther('15'),
      time,
      multiplier: multiplierOf(1n),
      endTime: time + ROUND,
    });
    expect(await sumOfWeights([account(3), account(4)])).toBe(await view('TotalStakingWeight'));
  });

  it('renews the term with a zero value', async () => {
    await stake(1, parseEther('10'), 1n);
    await chain.increaseTime(2n * ROUND);
    await stake(1, 0n, 3n);
    const s = await stakerOf(account(1));
    expect(s.amount).toBe(parseEther('10'));
    expect(s.endTime).toBe(s.time + 3n * ROUND);
    expect(s.multiplier).toBe(multiplierOf(3n));
  });
});

describe('rule 7: report_abuse', () => {
  it('returns an idle stake to its owner without reward, only after max_delay, only when a staker asks', async () => {
    const amount = parseEther('100');
    await stake(1, amount, 1n);
    await stake(2, parseEther('1'), 12n);
    await credit(parseEther('1000'));
    const s1 = await stakerOf(account(1));
    const request = (target: Address) =>
      ({ address: staking, abi: coldStakingAbi, functionName: 'report_abuse', args: [target] }) as const;

    expect(await chain.revertReason(3, request(account(1)))).toBe('ColdStaking: only a staker may report abuse');
    await chain.increaseTime(ROUND + MAX_DELAY - DAY);
    expect(await chain.revertReason(2, request(account(1)))).toBe('ColdStaking: stake is not idle for long enough');
    expect(await chain.revertReason(2, request(account(4)))).toBe('ColdStaking: address has no stake');

    await chain.setNextBlockTimestamp(s1.endTime + MAX_DELAY);
    expect((await reportAbuse(2, account(1))).status).toBe('reverted');

    const poolBefore = (await state()).pool;
    const balance = await chain.balance(account(1));
    await chain.setNextBlockTimestamp(s1.endTime + MAX_DELAY + 1n);
    const receipt = expectSuccess(await reportAbuse(2, account(1)));
    expect(await chain.balance(account(1))).toBe(balance + amount);
    expect(events(receipt, 'AbuseReported')).toEqual([{ reporter: account(2), staker: account(1), amount }]);
    expect(events(receipt, 'Claim')).toEqual([]);
    expect(await stakerOf(account(1))).toEqual({ amount: 0n, time: 0n, multiplier: 0n, endTime: 0n });
    expect(await view('TotalStakingAmount')).toBe(parseEther('1'));
    expect((await state()).pool).toBe(poolBefore);
    expect(await sumOfWeights([account(2)])).toBe(await view('TotalStakingWeight'));
  });
});

describe('rule 8: only the staking address claims or withdraws', () => {
  it('has no way to claim or withdraw for another address', async () => {
    for (const entry of coldStakingAbi) {
      if (entry.type === 'function' && (entry.name === 'claim' || entry.name === 'withdraw_stake')) {
        expect(entry.inputs).toEqual([]);
      }
    }
    await stake(1, parseEther('100'), 1n);
    await credit(parseEther('10'));
    await chain.increaseTime(2n * ROUND);
    const s1 = await stakerOf(account(1));
    expect(await reason(2, 'claim')).toBe('ColdStaking: no stake');
    expect(await reason(2, 'withdraw_stake')).toBe('ColdStaking: no stake');
    expect((await send(2, 'claim')).status).toBe('reverted');
    expect((await send(2, 'withdraw_stake')).status).toBe('reverted');
    expect(await stakerOf(account(1))).toEqual(s1);
    expectSuccess(await send(1, 'withdraw_stake'));
  });
});

describe('rule 9: the reward pool is the balance minus the stakes', () => {
  it('counts block-reward credits and donations, never stakes', async () => {
    expect((await state()).pool).toBe(0n);
    await stake(1, parseEther('100'), 1n);
    expect((await state()).pool).toBe(0n);
    expect(await chain.balance(staking)).toBe(parseEther('100'));
    await credit(parseEther('5'));
    expect((await state()).pool).toBe(parseEther('5'));
    const receipt = expectSuccess(
      await chain.write(3, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'DEBUG_donation',
        value: parseEther('2'),
      }),
    );
    expect(events(receipt, 'DonationDeposited')).toEqual([{ _address: account(3), value: parseEther('2') }]);
    const after = await state();
    expect(after.pool).toBe(parseEther('7'));
    expect(after.balance - after.totalAmount).toBe(after.pool);
    expect(after.totalAmount).toBe(parseEther('100'));

    // A lone staker with the full multiplier would get it all; one round at 0.45 gets 45 %. (Claimed exactly one
    // round after the stake: a second more would add weight that the claim does not pay.)
    const s1 = await stakerOf(account(1));
    await chain.setNextBlockTimestamp(s1.time + ROUND);
    const before = await state();
    const claim = expectSuccess(await send(1, 'claim'));
    const due = expectedClaim(before, s1, await blockOf(claim));
    expect(due.reward).toBe((parseEther('7') * 45n) / 100n);
    expect(events(claim, 'Claim')).toEqual([{ staker: account(1), reward: due.reward }]);
  });
});

describe('rule 10: the contract clock moves at most max_seconds_per_block a block', () => {
  it('caps a timestamp jump and a run of blocks, and follows a slower clock exactly', async () => {
    const capped = await chain.deploy(coldStakingAbi, coldStakingBytecode, [ROUND, MAX_DELAY, 25n, account(0)]);
    await stake(1, parseEther('10'), 1n, capped);
    const t0 = await view('Timestamp', capped);
    const b0 = await view('LastBlock', capped);

    // Under the cap: 4 blocks, a few seconds apart, the clock follows block time.
    await chain.mine(3, 5);
    const next = (await chain.now()) + 5n;
    await chain.setNextBlockTimestamp(next);
    await stake(2, parseEther('1'), 1n, capped);
    expect(await view('LastBlock', capped)).toBe(b0 + 4n);
    const t1 = await view('Timestamp', capped);
    expect(t1).toBe(next);
    expect(t1 - t0).toBeLessThanOrEqual(4n * 25n);

    // A jump of a day in one block moves the clock 25 s.
    await chain.setNextBlockTimestamp(next + DAY);
    const weightBefore = await view('TotalStakingWeight', capped);
    await stake(3, parseEther('1'), 1n, capped);
    expect(await view('Timestamp', capped)).toBe(t1 + 25n);
    expect(await view('TotalStakingWeight', capped)).toBe(weightBefore + 25n * parseEther('11'));

    // Ten blocks 1000 s apart and a transaction: eleven blocks, at most 275 s.
    await chain.mine(10, 1000);
    await stake(4, parseEther('1'), 1n, capped);
    expect(await view('Timestamp', capped)).toBe(t1 + 25n + 11n * 25n);
  });
});

describe('governance', () => {
  /** An epoch long enough that a hold to its end covers a term and the inactivity delay. */
  const LONG_EPOCH = 500n * DAY;

  const setGovernance = (from: number, governance: Address) =>
    chain.write(from, { address: staking, abi: coldStakingAbi, functionName: 'set_governance', args: [governance] });
  const setGovernanceReason = (from: number, governance: Address) =>
    chain.revertReason(from, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'set_governance',
      args: [governance],
    });
  const heldUntil = (voter: Address) =>
    chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'held_until',
      args: [voter],
    });

  it('lets the owner set governance once, with the epochs it reports', async () => {
    const now = await chain.now();
    const governance = await deployGovernance(now - 3n * DAY, 10n * DAY);
    expect(await setGovernanceReason(1, governance)).toBe('ColdStaking: only the owner may set governance');
    expect(await setGovernanceReason(0, ZERO)).toBe('ColdStaking: governance is the zero address');
    // An account without code, or a contract without the epoch views, cannot be governance.
    expect(await setGovernanceReason(0, account(9))).toBe('ColdStaking: governance does not report its epochs');
    expect(await setGovernanceReason(0, staking)).toBe('ColdStaking: governance does not report its epochs');
    expect(await setGovernanceReason(0, await deployGovernance(now, 0n))).toBe(
      'ColdStaking: governance epoch length is zero',
    );
    expect(await setGovernanceReason(0, await deployGovernance(now + DAY, DAY))).toBe(
      'ColdStaking: governance genesis is in the future',
    );

    const receipt = expectSuccess(await setGovernance(0, governance));
    expect(parseEventLogs({ abi: coldStakingAbi, logs: receipt.logs, eventName: 'GovernanceSet' })[0]!.args).toEqual({
      governance,
    });
    const read = (functionName: 'governance' | 'governance_genesis' | 'governance_epoch_length') =>
      chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName });
    expect(await read('governance')).toBe(governance);
    expect(await read('governance_genesis')).toBe(now - 3n * DAY);
    expect(await read('governance_epoch_length')).toBe(10n * DAY);
    expect(await setGovernanceReason(0, await deployGovernance(now, DAY))).toBe(
      'ColdStaking: governance is already set',
    );
  });

  it('holds a stake against withdrawal and report until the vote ends; only governance may hold', async () => {
    expect((await chain.write(9, holdRequest(account(1), 1n))).status).toBe('reverted'); // no governance yet
    const genesis = await chain.now();
    const governance = await deployGovernance(genesis, LONG_EPOCH);
    expectSuccess(await setGovernance(0, governance));
    expect(await chain.revertReason(1, holdRequest(account(1), 1n))).toBe(
      'ColdStaking: only governance may hold stakes',
    );

    await stake(1, parseEther('10'), 1n);
    await stake(2, parseEther('1'), 12n);
    await credit(parseEther('10'));
    const until = genesis + LONG_EPOCH; // the end of the vote's epoch
    expectSuccess(await holdVia(governance, account(1), until));
    expectSuccess(await holdVia(governance, account(1), until - 5n * DAY)); // a hold only extends
    expect(await heldUntil(account(1))).toBe(until);

    await chain.increaseTime(ROUND + DAY);
    expect(await reason(1, 'withdraw_stake')).toBe('ColdStaking: stake is held by governance for a vote');
    expectSuccess(await send(1, 'claim')); // claiming stays possible
    await chain.setNextBlockTimestamp(until - 1n);
    expect((await send(1, 'withdraw_stake')).status).toBe('reverted');
    await chain.setNextBlockTimestamp(until);
    expectSuccess(await send(1, 'withdraw_stake'));

    // A held idle stake cannot be reported either (epoch 1 runs to genesis + 2 x LONG_EPOCH).
    await stake(3, parseEther('1'), 1n);
    const farUntil = genesis + 2n * LONG_EPOCH;
    expectSuccess(await holdVia(governance, account(3), farUntil));
    const s3 = await stakerOf(account(3));
    await chain.setNextBlockTimestamp(s3.endTime + MAX_DELAY + DAY);
    await chain.mine(1);
    expect(s3.endTime + MAX_DELAY + DAY).toBeLessThan(farUntil);
    expect(
      await chain.revertReason(2, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'report_abuse',
        args: [account(3)],
      }),
    ).toBe('ColdStaking: stake is held by governance for a vote');
    await chain.setNextBlockTimestamp(farUntil);
    expectSuccess(await reportAbuse(2, account(3)));
  });
});

describe('total_staked_at_end_of: the total stake at the end of each governance epoch (M-02)', () => {
  const EPOCH = 10n * DAY;

  const totalAtEndOf = (epoch: bigint) =>
    chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'total_staked_at_end_of',
      args: [epoch],
    });
  const totalReason = (epoch: bigint) =>
    chain.publicClient
      .readContract({ address: staking, abi: coldStakingAbi, functionName: 'total_staked_at_end_of', args: [epoch] })
      .then(
        () => 'no revert',
        (error: { cause?: { reason?: string } }) => error.cause?.reason ?? String(error),
      );

  it('answers nothing without governance, and refuses the epoch in progress and those before governance', async () => {
    expect(await totalReason(0n)).toBe('ColdStaking: governance is not set');
    const now = await chain.now();
    // Governance started two and a half epochs ago: epochs 0 and 1 ended before this contract knew of it.
    const governance = await deployGovernance(now - 2n * EPOCH - EPOCH / 2n, EPOCH);
    expectSuccess(
      await chain.write(0, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'set_governance',
        args: [governance],
      }),
    );
    await stake(1, parseEther('7'), 1n);
    expect(await totalReason(1n)).toBe('ColdStaking: epoch ended before governance was set');
    expect(await totalReason(2n)).toBe('ColdStaking: epoch has not ended');
    expect(await totalReason(3n)).toBe('ColdStaking: epoch has not ended');
    await chain.increaseTime(EPOCH);
    expect(await totalAtEndOf(2n)).toBe(parseEther('7'));
    expect(await totalReason(3n)).toBe('ColdStaking: epoch has not ended');
  });

  it('keeps the total at the end of every ended epoch through changes, idle epochs and skipped epochs', async () => {
    const genesis = (await chain.now()) + 1n;
    const governance = await deployGovernance(genesis - 1n, EPOCH);
    expectSuccess(
      await chain.write(0, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'set_governance',
        args: [governance],
      }),
    );
    const start = (epoch: bigint) => genesis - 1n + epoch * EPOCH;
    /** The ghost record: the total as it stood at the end of each epoch, read before crossing the boundary. */
    const ghost = new Map<bigint, bigint>();
    const total = () => view('TotalStakingAmount');
    const expectAll = async (upTo: bigint) => {
      for (let e = 0n; e < upTo; e++) expect(await totalAtEndOf(e), `epoch ${e}`).toBe(ghost.get(e));
      expect(await totalReason(upTo)).toBe('ColdStaking: epoch has not ended');
    };

    // Epoch 0: two stakes.
    await stake(1, parseEther('100'), 20n);
    await stake(2, parseEther('50'), 1n);
    await expectAll(0n);
    ghost.set(0n, await total());

    // Epoch 1: before any change, epoch 0 is read from the current total; then two changes in one epoch.
    await chain.setNextBlockTimestamp(start(1n) + DAY);
    await chain.mine(1);
    await expectAll(1n);
    await stake(3, parseEther('30'), 1n);
    await stake(1, parseEther('10'), 1n);
    expect(await totalAtEndOf(0n)).toBe(parseEther('150'));
    ghost.set(1n, await total());
    expect(ghost.get(1n)).toBe(parseEther('190'));

    // Epochs 2 and 3 idle; in epoch 4 a withdrawal (staker 2's term ended on day 27).
    await chain.setNextBlockTimestamp(start(4n) + DAY);
    await chain.mine(1);
    ghost.set(2n, ghost.get(1n)!);
    ghost.set(3n, ghost.get(1n)!);
    await expectAll(4n);
    expectSuccess(await send(2, 'withdraw_stake'));
    await expectAll(4n);
    ghost.set(4n, await total());

    // A change at the very first second of epoch 5 belongs to epoch 5, not to the end of epoch 4.
    await chain.setNextBlockTimestamp(start(5n));
    await stake(4, parseEther('5'), 1n);
    await expectAll(5n);
    expect(await totalAtEndOf(4n)).toBe(parseEther('140'));
    // A zero-value renewal changes no total.
    await stake(1, 0n, 20n);
    ghost.set(5n, await total());

    // Forty epochs skipped, then a report of abuse (staker 3 idle for a year after its term).
    await chain.setNextBlockTimestamp(start(45n) + DAY);
    await chain.mine(1);
    for (let e = 6n; e < 45n; e++) ghost.set(e, ghost.get(5n)!);
    expectSuccess(await reportAbuse(1, account(3)));
    ghost.set(45n, await total());
    await chain.setNextBlockTimestamp(start(46n));
    await chain.mine(1);
    await expectAll(46n);
    expect(await totalAtEndOf(45n)).toBe(parseEther('115'));
    expect(await totalAtEndOf(44n)).toBe(parseEther('145'));
  });

  it('costs the same on the first change after one idle epoch or a hundred, nothing extra within an epoch', async () => {
    const governance = await deployGovernance(await chain.now(), EPOCH);
    expectSuccess(
      await chain.write(0, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'set_governance',
        args: [governance],
      }),
    );
    await stake(1, parseEther('1'), 1n);
    await chain.increaseTime(EPOCH);
    await stake(2, parseEther('1'), 1n);
    await chain.increaseTime(EPOCH);
    const afterOne = await stake(3, parseEther('1'), 1n);
    const withinOne = await stake(4, parseEther('1'), 1n);
    await chain.increaseTime(100n * EPOCH);
    const afterHundred = await stake(5, parseEther('1'), 1n);
    const withinHundred = await stake(6, parseEther('1'), 1n);
    // One checkpoint however many epochs passed; a later change in the same epoch writes none.
    expect(afterHundred.gasUsed).toBe(afterOne.gasUsed);
    expect(withinHundred.gasUsed).toBe(withinOne.gasUsed);
    expect(afterOne.gasUsed - withinOne.gasUsed).toBeGreaterThan(20_000n);
    expect(afterOne.gasUsed - withinOne.gasUsed).toBeLessThan(40_000n);
  });
});

describe('staker_count', () => {
  it('counts addresses with a stake', async () => {
    const count = () =>
      chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'staker_count' });
    expect(await count()).toBe(0n);
    await stake(1, parseEther('1'), 1n);
    await stake(2, parseEther('1'), 1n);
    await stake(3, parseEther('1'), 24n);
    expect(await count()).toBe(3n);
    await stake(1, parseEther('1'), 1n);
    expect(await count()).toBe(3n);
    await chain.increaseTime(2n * ROUND);
    expectSuccess(await send(1, 'withdraw_stake'));
    expect(await count()).toBe(2n);
    await chain.increaseTime(MAX_DELAY);
    expectSuccess(await reportAbuse(3, account(2)));
    expect(await count()).toBe(1n);
  });
});

describe('reentrancy', () => {
  let attacker: Address;

  beforeEach(async () => {
    attacker = await chain.deploy(reentrantStakerAbi, testContract('ReentrantStaker').bytecode, [staking]);
    expectSuccess(
      await chain.write(1, {
        address: attacker,
        abi: reentrantStakerAbi,
        functionName: 'stake',
        args: [1n],
        value: parseEther('100'),
      }),
    );
    await stake(2, parseEther('100'), 12n);
    await credit(parseEther('1000'));
    await chain.increaseTime(ROUND + DAY);
  });

  const attack = async (mode: number, swallow: boolean, functionName: 'claim' | 'withdraw') => {
    expectSuccess(
      await chain.write(0, {
        address: attacker,
        abi: reentrantStakerAbi,
        functionName: 'setAttack',
        args: [mode, swallow],
      }),
    );
    return chain.write(0, { address: attacker, abi: reentrantStakerAbi, functionName });
  };
  const failedReentries = () =>
    chain.publicClient.readContract({ address: attacker, abi: reentrantStakerAbi, functionName: 'failedReentries' });

  it('a re-entry that does not swallow its failure reverts the whole call', async () => {
    const balances = async () => [await chain.balance(attacker), await chain.balance(staking)];
    const before = await balances();
    const s = await stakerOf(attacker);
    expect((await attack(1, false, 'claim')).status).toBe('reverted');
    expect((await attack(2, false, 'withdraw')).status).toBe('reverted');
    expect((await attack(1, false, 'withdraw')).status).toBe('reverted');
    expect(await balances()).toEqual(before);
    expect(await stakerOf(attacker)).toEqual(s);
  });

  it('a claim that re-enters claim is paid once, exactly what is due', async () => {
    const s = await stakerOf(attacker);
    const before = await state();
    const balance = await chain.balance(attacker);
    const receipt = expectSuccess(await attack(1, true, 'claim'));
    const due = expectedClaim(before, s, await blockOf(receipt));
    expect(due.reward).toBeGreaterThan(0n);
    expect(await chain.balance(attacker)).toBe(balance + due.reward);
    expect(await chain.balance(staking)).toBe(before.balance - due.reward);
    expect(await failedReentries()).toBe(1n);
  });

  it('a withdrawal that re-enters withdraw_stake is paid once: stake and due reward', async () => {
    const s = await stakerOf(attacker);
    const before = await state();
    const balance = await chain.balance(attacker);
    const receipt = expectSuccess(await attack(2, true, 'withdraw'));
    const due = expectedClaim(before, s, await blockOf(receipt));
    expect(await chain.balance(attacker)).toBe(balance + parseEther('100') + due.reward);
    expect(await chain.balance(staking)).toBe(before.balance - parseEther('100') - due.reward);
    expect(await failedReentries()).toBe(1n);
    expect((await stakerOf(attacker)).amount).toBe(0n);
    // Nothing more to take.
    expect((await attack(2, true, 'withdraw')).status).toBe('reverted');
  });
});

describe('I-01: a governance hold never outlasts the vote that caused it', () => {
  it('refuses a hold beyond the end of the current governance epoch; a hold to its end is released with it', async () => {
    const EPOCH = 30n * DAY;
    const genesis = await chain.now();
    const governance = await deployGovernance(genesis, EPOCH);
    expectSuccess(
      await chain.write(0, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'set_governance',
        args: [governance],
      }),
    );
    await stake(1, parseEther('10'), 1n);
    const tenYears = (await chain.now()) + 3650n * DAY;
    const refusal = 'ColdStaking: a hold may not outlast the current governance epoch';
    const holdReason = (until: bigint) =>
      chain.revertReason(0, {
        address: governance,
        abi: governanceStandInAbi,
        functionName: 'hold',
        args: [staking, account(1), until],
      });
    // The attack of the regression test: a hold of ten years is refused, as is one second past the epoch.
    expect(await holdReason(tenYears)).toBe(refusal);
    expect(await holdReason(genesis + EPOCH + 1n)).toBe(refusal);
    expect((await holdVia(governance, account(1), tenYears)).status).toBe('reverted');
    // What the treasury's vote asks: to the start of the next epoch.
    expectSuccess(await holdVia(governance, account(1), genesis + EPOCH));

    // In the next epoch, the next epoch's end is allowed, and nothing further.
    await chain.setNextBlockTimestamp(genesis + EPOCH + DAY);
    await chain.mine(1);
    expect(await holdReason(genesis + 2n * EPOCH + 1n)).toBe(refusal);
    expectSuccess(await holdVia(governance, account(1), genesis + 2n * EPOCH));
    // After the term and the vote's epoch the stake leaves.
    await chain.setNextBlockTimestamp(genesis + 2n * EPOCH);
    expectSuccess(await send(1, 'withdraw_stake'));
  });
});

describe('L-06: an idle staker that refuses CLO can still be reported', () => {
  const hostileActorAbi = parseAbi([
    'function configure(address target, bytes reenterData, bool refuse)',
    'function exec(address to, bytes data) payable',
  ]);
  const IDLE_STAKE = parseEther('1000');
  const HONEST_STAKE = parseEther('100');
  const POOL = parseEther('100');
  const readStaking = <const name extends 'total_pending_returns' | 'StakingRewardPool'>(functionName: name) =>
    chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName });
  const pendingReturn = (who: Address) =>
    chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'pending_returns',
      args: [who],
    });

  /** A contract staker idle for longer than max_delay after its term, then (optionally) refusing CLO; an honest
   * staker's reward for one round, with a pool of 100 CLO, after reporting the idle one. */
  async function honestRoundReward(idleRefuses: boolean) {
    const actor = getAddress(await chain.deploy(hostileActorAbi, testContract('HostileActor').bytecode, []));
    const exec = (data: Hex, value = 0n) =>
      chain.write(0, { address: actor, abi: hostileActorAbi, functionName: 'exec', args: [staking, data], value });
    expectSuccess(
      await exec(encodeFunctionData({ abi: coldStakingAbi, functionName: 'start_staking', args: [1n] }), IDLE_STAKE),
    );
    await chain.increaseTime(ROUND + MAX_DELAY + DAY);
    expectSuccess(
      await chain.write(0, {
        address: actor,
        abi: hostileActorAbi,
        functionName: 'configure',
        args: [staking, '0x', idleRefuses],
      }),
    );
    await stake(2, HONEST_STAKE, 1n);
    const report = expectSuccess(await reportAbuse(2, actor));
    await credit(POOL);
    const poolBeforeClaim = await readStaking('StakingRewardPool');
    const s2 = await stakerOf(account(2));
    await chain.setNextBlockTimestamp(s2.time + ROUND);
    const [reward] = claimRewards(expectSuccess(await send(2, 'claim')));
    return { actor, report, poolBeforeClaim, reward: reward!, exec };
  }

  it('bounds what a report costs when the owner burns the gas it is given', async () => {
    // A re-entering owner spends its gas on a call back into the contract; the push gets return_gas at most.
    const actor = getAddress(await chain.deploy(hostileActorAbi, testContract('HostileActor').bytecode, []));
    const stakeData = encodeFunctionData({ abi: coldStakingAbi, functionName: 'start_staking', args: [1n] });
    expectSuccess(
      await chain.write(0, {
        address: actor,
        abi: hostileActorAbi,
        functionName: 'exec',
        args: [staking, stakeData],
        value: IDLE_STAKE,
      }),
    );
    await chain.increaseTime(ROUND + MAX_DELAY + DAY);
    await stake(2, HONEST_STAKE, 1n);
    const refusing = await chain.snapshot();
    expectSuccess(
      await chain.write(0, {
        address: actor,
        abi: hostileActorAbi,
        functionName: 'configure',
        args: [staking, stakeData, false],
      }),
    );
    const reentering = expectSuccess(await reportAbuse(2, actor));
    await chain.revert(refusing);
    expectSuccess(
      await chain.write(0, {
        address: actor,
        abi: hostileActorAbi,
        functionName: 'configure',
        args: [staking, '0x', true],
      }),
    );
    const refused = expectSuccess(await reportAbuse(2, actor));
    expect(await pendingReturn(actor)).toBe(IDLE_STAKE);
    expect(
      await chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'return_gas' }),
    ).toBe(50_000n);
    for (const receipt of [reentering, refused]) expect(receipt.gasUsed).toBeLessThan(150_000n);
  });

  it('returns the stake as a pull payment, outside the pool: the honest round reward is not diluted', async () => {
    const id = await chain.snapshot();
    const fair = await honestRoundReward(false);
    expect(await pendingReturn(fair.actor)).toBe(0n);
    expect(parseEventLogs({ abi: coldStakingAbi, logs: fair.report.logs, eventName: 'ReturnPending' })).toEqual([]);
    await chain.revert(id);

    const attacked = await honestRoundReward(true);
    // The attack of the regression test fails: the report succeeds and the reward is the same to the wei.
    expect(events(attacked.report, 'AbuseReported')).toEqual([
      { reporter: account(2), staker: attacked.actor, amount: IDLE_STAKE },
    ]);
    expect(
      parseEventLogs({ abi: coldStakingAbi, logs: attacked.report.logs, eventName: 'ReturnPending' }).map(
        (log) => log.args,
      ),
    ).toEqual([{ staker: attacked.actor, amount: IDLE_STAKE }]);
    expect(attacked.reward).toBe(fair.reward);
    expect(fair.reward).toBe((POOL * 45n) / 100n);
    expect(attacked.poolBeforeClaim).toBe(POOL);
    expect(await stakerOf(attacked.actor)).toEqual({ amount: 0n, time: 0n, multiplier: 0n, endTime: 0n });
    expect(await view('TotalStakingAmount')).toBe(HONEST_STAKE);
    expect(await pendingReturn(attacked.actor)).toBe(IDLE_STAKE);
    expect(await readStaking('total_pending_returns')).toBe(IDLE_STAKE);
    const after = await state();
    expect(after.pool).toBe(after.balance - after.totalAmount - IDLE_STAKE);

    // The owner takes it when it accepts CLO again; nobody else can, and it cannot be taken twice.
    const withdrawPending = encodeFunctionData({ abi: coldStakingAbi, functionName: 'withdraw_pending_return' });
    expect((await attacked.exec(withdrawPending)).status).toBe('reverted'); // still refusing: stays owed
    expect(await pendingReturn(attacked.actor)).toBe(IDLE_STAKE);
    expect(
      await chain.revertReason(2, { address: staking, abi: coldStakingAbi, functionName: 'withdraw_pending_return' }),
    ).toBe('ColdStaking: nothing is owed to you');
    expectSuccess(
      await chain.write(0, {
        address: attacked.actor,
        abi: hostileActorAbi,
        functionName: 'configure',
        args: [staking, '0x', false],
      }),
    );
    const poolBefore = (await state()).pool;
    const taken = expectSuccess(await attacked.exec(withdrawPending));
    expect(
      parseEventLogs({ abi: coldStakingAbi, logs: taken.logs, eventName: 'PendingReturnWithdrawn' }).map(
        (log) => log.args,
      ),
    ).toEqual([{ staker: attacked.actor, amount: IDLE_STAKE }]);
    expect(await chain.balance(attacked.actor)).toBe(IDLE_STAKE);
    expect(await pendingReturn(attacked.actor)).toBe(0n);
    expect(await readStaking('total_pending_returns')).toBe(0n);
    expect((await state()).pool).toBe(poolBefore);
    expect((await attacked.exec(withdrawPending)).status).toBe('reverted');
  });
});
