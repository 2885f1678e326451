// Model-based fuzzing of contracts/ColdStaking.sol: random sequences of stakes, claims, withdrawals, reports,
// donations, block-reward credits and time jumps by five accounts, each step applied to the contract on anvil
// and to the bigint reference model (lib/staking/rewardModel.ts), and compared step by step: who was paid what,
// every staker entry, the totals and the views. FUZZ_RUNS=n runs n sequences (200 by default).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEther, type Address, type Hex, type TransactionReceipt } from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../../contracts-abi/ColdStaking';
import { ColdStakingModel, ModelRevert, type BlockContext, type StakingParams } from '../../lib/staking/rewardModel';
import { startTestChain, type TestChain } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Short rounds and a tight clock cap, so that terms end, abuse becomes reportable and the cap binds. */
const PARAMS: StakingParams = { roundInterval: 1000n, maxDelay: 2500n, maxSecondsPerBlock: 300n };
const STAKERS = [1, 2, 3, 4, 5];
const FUNDS = parseEther('1000000');
const INITIAL_POOL = parseEther('1000');

/** `who` and `target` are account indexes; with `existing`, the operation picks instead the (who mod n)-th
 * and (target mod n)-th of the n accounts that have a stake at that point, if any, so that claims, withdrawals
 * and reports mostly reach real stakes. */
type Op =
  | { kind: 'stake'; who: number; value: bigint; rounds: bigint; plain: boolean }
  | { kind: 'claim'; who: number; existing: boolean }
  | { kind: 'withdraw'; who: number; existing: boolean }
  | { kind: 'report'; who: number; target: number; existing: boolean }
  | { kind: 'donate'; who: number; value: bigint }
  | { kind: 'credit'; amount: bigint }
  | { kind: 'advance'; seconds: number; blocks: number };

const who = fc.constantFrom(...STAKERS);
const existing = fc.boolean();
const amount = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 6n }), // dust, where rounding shows
  fc.bigInt({ min: 1n, max: 1000n }).map((n) => n * 10n ** 18n),
  fc.bigInt({ min: 1n, max: 10n ** 21n }),
);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('stake' as const),
      who,
      value: fc.oneof({ weight: 9, arbitrary: amount }, { weight: 1, arbitrary: fc.constant(0n) }),
      rounds: fc.oneof(fc.bigInt({ min: 1n, max: 3n }), fc.bigInt({ min: 1n, max: 13n })),
      plain: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('claim' as const), who, existing }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who, existing }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('report' as const), who, target: who, existing }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('donate' as const), who, value: amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('credit' as const), amount }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      seconds: fc.integer({ min: 0, max: 20_000 }),
      blocks: fc.integer({ min: 1, max: 60 }),
    }),
  },
);

let chain: TestChain;
let staking: Address;
let deployClock: BlockContext;

const account = (i: number): Address => chain.accounts[i]!.address;

beforeAll(async () => {
  chain = await startTestChain();
  staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
    PARAMS.roundInterval,
    PARAMS.maxDelay,
    PARAMS.maxSecondsPerBlock,
    account(0),
  ]);
  for (const i of STAKERS) await chain.setBalance(account(i), FUNDS);
  // Every sequence starts with a pool to share, so that early claims pay something.
  await chain.setBalance(staking, INITIAL_POOL);
  const [timestamp, number] = await Promise.all([
    chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'Timestamp' }),
    chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName: 'LastBlock' }),
  ]);
  deployClock = { number, timestamp };
});

afterAll(async () => {
  await chain?.stop();
});

/** The operation with `existing` picks resolved against the model's current stakers. */
function resolve(op: Op, model: ColdStakingModel): Op {
  if (!('existing' in op) || !op.existing) return op;
  const withStake = STAKERS.filter((i) => model.staker(account(i)).amount > 0n);
  if (withStake.length === 0) return op;
  const pick = (i: number) => withStake[i % withStake.length]!;
  return op.kind === 'report' ? { ...op, who: pick(op.who), target: pick(op.target) } : { ...op, who: pick(op.who) };
}

async function latestBlock(blockNumber?: bigint): Promise<BlockContext> {
  const block = await chain.publicClient.getBlock(blockNumber === undefined ? {} : { blockNumber });
  return { number: block.number, timestamp: block.timestamp };
}

/** Sends the operation's transaction; undefined for the operations that are not transactions. */
async function sendToContract(op: Op): Promise<TransactionReceipt | undefined> {
  const base = { address: staking, abi: coldStakingAbi } as const;
  switch (op.kind) {
    case 'stake':
      if (op.plain && op.rounds === 1n) {
        const hash = await chain.wallet(op.who).sendTransaction({ to: staking, value: op.value, gas: 5_000_000n });
        return chain.publicClient.waitForTransactionReceipt({ hash });
      }
      return chain.write(op.who, { ...base, functionName: 'start_staking', args: [op.rounds], value: op.value });
    case 'claim':
      return chain.write(op.who, { ...base, functionName: 'claim' });
    case 'withdraw':
      return chain.write(op.who, { ...base, functionName: 'withdraw_stake' });
    case 'report':
      return chain.write(op.who, { ...base, functionName: 'report_abuse', args: [account(op.target)] });
    case 'donate':
      return chain.write(op.who, { ...base, functionName: 'DEBUG_donation', value: op.value });
    case 'credit':
      await chain.setBalance(staking, (await chain.balance(staking)) + op.amount);
      return undefined;
    case 'advance':
      await chain.mine(op.blocks, Math.floor(op.seconds / op.blocks));
      return undefined;
  }
}

/** Applies the operation to the model; returns what each account was paid, or 'revert'. */
function applyToModel(model: ColdStakingModel, op: Op): Map<number, bigint> | 'revert' {
  const paid = new Map<number, bigint>();
  try {
    switch (op.kind) {
      case 'stake':
        paid.set(op.who, model.stake(account(op.who), op.value, op.rounds).reward);
        break;
      case 'claim':
        paid.set(op.who, model.claim(account(op.who)));
        break;
      case 'withdraw':
        paid.set(op.who, model.withdraw(account(op.who)).paid);
        break;
      case 'report': {
        const returned = model.reportAbuse(account(op.who), account(op.target));
        paid.set(op.target, returned);
        break;
      }
      case 'donate':
        model.donate(op.value);
        break;
      case 'credit':
        model.credit(op.amount);
        break;
      case 'advance':
        break;
    }
  } catch (error) {
    if (error instanceof ModelRevert) return 'revert';
    throw error;
  }
  return paid;
}

function valueSent(op: Op): bigint {
  return op.kind === 'stake' || op.kind === 'donate' ? op.value : 0n;
}

async function balances(): Promise<Map<number, bigint>> {
  const values = await Promise.all(STAKERS.map((i) => chain.balance(account(i))));
  return new Map(STAKERS.map((i, n) => [i, values[n]!]));
}

/** Every piece of contract state and every view against the model. */
async function expectSameState(model: ColdStakingModel) {
  const read = <
    const name extends
      'Timestamp' | 'LastBlock' | 'TotalStakingWeight' | 'TotalStakingAmount' | 'staker_count' | 'StakingRewardPool',
  >(
    functionName: name,
  ) => chain.publicClient.readContract({ address: staking, abi: coldStakingAbi, functionName });
  const [timestamp, lastBlock, totalWeight, totalAmount, stakerCount, pool, balance] = await Promise.all([
    read('Timestamp'),
    read('LastBlock'),
    read('TotalStakingWeight'),
    read('TotalStakingAmount'),
    read('staker_count'),
    read('StakingRewardPool'),
    chain.balance(staking),
  ]);
  expect({ timestamp, lastBlock, totalWeight, totalAmount, stakerCount, pool, balance }).toEqual({
    timestamp: model.timestamp,
    lastBlock: model.lastBlock,
    totalWeight: model.totalWeight,
    totalAmount: model.totalAmount,
    stakerCount: model.stakerCount,
    pool: model.pool,
    balance: model.balance,
  });
  const perStaker = await Promise.all(
    STAKERS.map(async (i) => {
      const [entry, reward, loss] = await Promise.all([
        chain.publicClient.readContract({
          address: staking,
          abi: coldStakingAbi,
          functionName: 'staker',
          args: [account(i)],
        }),
        chain.publicClient.readContract({
          address: staking,
          abi: coldStakingAbi,
          functionName: 'stake_reward',
          args: [account(i)],
        }),
        chain.publicClient.readContract({
          address: staking,
          abi: coldStakingAbi,
          functionName: 'add_stake_loss',
          args: [account(i)],
        }),
      ]);
      return { entry: [...entry], reward, loss: [...loss] };
    }),
  );
  const expected = STAKERS.map((i) => {
    const s = model.staker(account(i));
    const loss = model.addStakeLoss(account(i));
    return {
      entry: [s.amount, s.time, s.multiplier, s.endTime],
      reward: model.stakeReward(account(i)),
      loss: [loss.lostTime, loss.lostReward],
    };
  });
  expect(perStaker).toEqual(expected);

  // Invariants.
  expect(balance).toBeGreaterThanOrEqual(totalAmount);
  expect(model.sumOfStakes()).toBe(totalAmount);
  expect(model.sumOfWeights()).toBe(totalWeight);
}

/** How often each outcome happened over all sequences, to check that the fuzzing reaches every path. */
const seen = new Map<string, number>();
function see(outcome: string) {
  seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
}

async function runSequence(ops: Op[]) {
  const model = new ColdStakingModel(PARAMS, deployClock, account(0), INITIAL_POOL);
  model.at(await latestBlock());
  await expectSameState(model);
  const deposited = new Map<number, bigint>(STAKERS.map((i) => [i, 0n]));
  const returned = new Map<number, bigint>(STAKERS.map((i) => [i, 0n]));
  const rewarded = new Map<number, bigint>(STAKERS.map((i) => [i, 0n]));

  for (const generated of ops) {
    const op = resolve(generated, model);
    const before = await balances();
    const stakesBefore = new Map(STAKERS.map((i) => [i, model.staker(account(i)).amount]));
    const receipt = await sendToContract(op);
    model.at(await latestBlock(receipt?.blockNumber));
    const paid = applyToModel(model, op);
    if (receipt) expect(receipt.status, `${op.kind} status`).toBe(paid === 'revert' ? 'reverted' : 'success');
    see(`${op.kind} ${paid === 'revert' ? 'reverted' : 'succeeded'}`);
    if (paid !== 'revert' && op.kind !== 'report' && (paid.get('who' in op ? op.who : 0) ?? 0n) > 0n)
      see(`${op.kind} paid`);

    // Payouts: each account's balance moved by what the model paid it, less the gas and value it spent.
    const after = await balances();
    for (const i of STAKERS) {
      const sender = receipt && 'who' in op && op.who === i;
      const spent = sender ? chain.gasCost(receipt) + (paid === 'revert' ? 0n : valueSent(op)) : 0n;
      const payout = paid === 'revert' ? 0n : (paid.get(i) ?? 0n);
      expect(after.get(i)! - before.get(i)!, `balance of account ${i} after ${op.kind}`).toBe(payout - spent);
    }

    // Bookkeeping for "nobody receives more than stakes + rewards".
    if (paid !== 'revert') {
      if (op.kind === 'stake') deposited.set(op.who, deposited.get(op.who)! + op.value);
      for (const [i, payout] of paid) {
        const stakeBack = stakesBefore.get(i)! - model.staker(account(i)).amount;
        const isExit = (op.kind === 'withdraw' || op.kind === 'report') && stakeBack > 0n;
        const stakePart = isExit ? stakeBack : 0n;
        returned.set(i, returned.get(i)! + stakePart);
        rewarded.set(i, rewarded.get(i)! + payout - stakePart);
      }
    }
    for (const i of STAKERS) {
      expect(returned.get(i)!).toBeLessThanOrEqual(deposited.get(i)!);
      expect(rewarded.get(i)!).toBeGreaterThanOrEqual(0n);
    }
    await expectSameState(model);
  }
}

describe('ColdStaking against the reference model', () => {
  it(`agrees on ${RUNS} random sequences`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 4, maxLength: 16 }), async (ops) => {
        const id: Hex = await chain.snapshot();
        try {
          await runSequence(ops);
        } finally {
          await chain.revert(id);
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.FUZZ_STATS) console.log(Object.fromEntries([...seen].sort()));
    // The sequences reached the paths that matter (with fewer runs, chance may miss one).
    if (RUNS >= 100) {
      for (const outcome of ['stake paid', 'claim paid', 'withdraw paid', 'withdraw reverted', 'report succeeded']) {
        expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
      }
    }
  });
});
