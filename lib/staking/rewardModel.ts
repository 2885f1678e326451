// A pure reference model of contracts/ColdStaking.sol's accounting, in bigint with the contract's integer
// rounding: the fuzz test runs it beside the contract step by step, and the UI uses its helpers to show
// multipliers, estimates and the loss of adding to a stake mid-round. No React, no viem.
//
// The model, as the contract (see its NatSpec): a contract clock `timestamp` that moves once a block by at most
// `maxSecondsPerBlock` a block; total weight = SUM amount x (timestamp - time); the pool is balance - stakes;
// a claim pays pool x (amount x completed-rounds time) / total weight x multiplier / 1e18 for the whole rounds
// completed up to the end of the term.

/** 1e18: multipliers are fixed-point with 18 decimals. */
export const NOMINATOR = 10n ** 18n;
/** The longest term `start_staking` accepts, in rounds. */
export const MAX_ROUNDS = 1000n;
/** From this many rounds the multiplier is 1.00. */
export const FULL_MULTIPLIER_ROUNDS = 12n;

export const REVERT = {
  noStake: 'ColdStaking: no stake',
  zeroRounds: 'ColdStaking: stake for at least one round',
  tooManyRounds: 'ColdStaking: at most 1000 rounds',
  nothingToStake: 'ColdStaking: nothing to stake',
  locked: 'ColdStaking: stake is locked until the end of its term',
  held: 'ColdStaking: stake is held by governance for a vote',
  onlyStakerReports: 'ColdStaking: only a staker may report abuse',
  reportedHasNoStake: 'ColdStaking: address has no stake',
  notIdle: 'ColdStaking: stake is not idle for long enough',
  onlyOwner: 'ColdStaking: only the owner may set governance',
  governanceSet: 'ColdStaking: governance is already set',
  governanceZero: 'ColdStaking: governance is the zero address',
  onlyGovernance: 'ColdStaking: only governance may hold stakes',
} as const;

/** A call the contract would revert, with the contract's reason. The model's state is left unchanged. */
export class ModelRevert extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ModelRevert';
  }
}

export interface StakingParams {
  /** Round length in contract seconds. */
  roundInterval: bigint;
  /** Idle time after a term before `report_abuse` may return the stake. */
  maxDelay: bigint;
  /** The most the contract clock advances a block. */
  maxSecondsPerBlock: bigint;
}

/** A mined block as the contract sees it. */
export interface BlockContext {
  number: bigint;
  timestamp: bigint;
}

/** One entry of `staker(address)`. */
export interface StakerState {
  amount: bigint;
  /** Contract time the current round started. */
  time: bigint;
  /** 1e18 = 1.00. */
  multiplier: bigint;
  /** Contract time the term ends. */
  endTime: bigint;
}

/** The clock-related storage of the contract. */
export interface ClockState {
  timestamp: bigint;
  lastBlock: bigint;
  totalWeight: bigint;
  totalAmount: bigint;
}

const EMPTY_STAKER: StakerState = { amount: 0n, time: 0n, multiplier: 0n, endTime: 0n };

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The multiplier of a term of `rounds` rounds: 0.40 + 0.05 x rounds, 1.00 from 12 rounds (1e18 scale). */
export function multiplierForRounds(rounds: bigint): bigint {
  if (rounds >= FULL_MULTIPLIER_ROUNDS) return NOMINATOR;
  return (40n * NOMINATOR) / 100n + ((5n * NOMINATOR) / 100n) * rounds;
}

/** The contract seconds the clock moves when `block` is the first block to call it since `clock.lastBlock`. */
export function elapsedSeconds(
  clock: Pick<ClockState, 'timestamp' | 'lastBlock'>,
  block: BlockContext,
  maxSecondsPerBlock: bigint,
): bigint {
  if (block.number <= clock.lastBlock || block.timestamp <= clock.timestamp) return 0n;
  return min(block.timestamp - clock.timestamp, (block.number - clock.lastBlock) * maxSecondsPerBlock);
}

/** The clock and total weight a call in `block` sees (what the contract's views simulate). */
export function simulateClock(
  clock: ClockState,
  block: BlockContext,
  maxSecondsPerBlock: bigint,
): { timestamp: bigint; totalWeight: bigint } {
  const elapsed = elapsedSeconds(clock, block, maxSecondsPerBlock);
  return { timestamp: clock.timestamp + elapsed, totalWeight: clock.totalWeight + elapsed * clock.totalAmount };
}

/** Time of the whole rounds completed since `time`, counting only up to `endTime`. */
export function completedRoundsTime(time: bigint, endTime: bigint, now: bigint, roundInterval: bigint): bigint {
  const upto = min(now, endTime);
  if (upto <= time) return 0n;
  return ((upto - time) / roundInterval) * roundInterval;
}

/** pool x weight / totalWeight x multiplier / 1e18, rounded down at each step as the contract does. */
export function rewardOf(pool: bigint, weight: bigint, totalWeight: bigint, multiplier: bigint): bigint {
  if (weight === 0n) return 0n;
  return (((pool * weight) / totalWeight) * multiplier) / NOMINATOR;
}

/** What the pool and total weight look like to a call, after the tick (see `simulateClock`). */
export interface PoolView {
  /** Contract clock now. */
  now: bigint;
  /** Balance minus stakes. */
  pool: bigint;
  totalWeight: bigint;
  roundInterval: bigint;
}

/** The reward `claim` pays now, and where it leaves the staker's round. */
export function claimableReward(
  staker: StakerState,
  view: PoolView,
): { reward: bigint; completedTime: bigint; weight: bigint } {
  if (staker.amount === 0n) return { reward: 0n, completedTime: 0n, weight: 0n };
  const completedTime = completedRoundsTime(staker.time, staker.endTime, view.now, view.roundInterval);
  const weight = completedTime * staker.amount;
  return { reward: rewardOf(view.pool, weight, view.totalWeight, staker.multiplier), completedTime, weight };
}

/**
 * What adding to a stake now forfeits (the contract's `add_stake_loss`). Adding first pays the completed rounds,
 * then restarts the incomplete round: `lostTime` contract seconds of it earn nothing. `lostReward` estimates
 * what that time would earn at today's pool and total weight (after the completed rounds are paid); it is what
 * the UI must warn about. Both are 0 when that time could not earn anyway (no time spent in the round yet, or
 * a round that cannot complete before the end of the term, which includes every stake past its term).
 */
export function addStakeLoss(staker: StakerState, view: PoolView): { lostTime: bigint; lostReward: bigint } {
  if (staker.amount === 0n) return { lostTime: 0n, lostReward: 0n };
  const claimed = claimableReward(staker, view);
  const pool = view.pool - claimed.reward;
  const totalWeight = view.totalWeight - claimed.weight;
  const time = staker.time + claimed.completedTime;
  if (time + view.roundInterval > staker.endTime || view.now === time) return { lostTime: 0n, lostReward: 0n };
  const lostTime = view.now - time;
  return { lostTime, lostReward: rewardOf(pool, lostTime * staker.amount, totalWeight, staker.multiplier) };
}

/**
 * The staker entry after adding `value` for `rounds` rounds now (start_staking from an existing or new staker),
 * with the reward paid first and the loss of the restarted round. `now` is the contract clock of the call.
 */
export function addStakePreview(
  staker: StakerState,
  value: bigint,
  rounds: bigint,
  view: PoolView,
): { reward: bigint; lostTime: bigint; lostReward: bigint; after: StakerState } {
  const { now, roundInterval } = view;
  let endTime = now + rounds * roundInterval;
  let multiplier = multiplierForRounds(rounds);
  if (staker.amount === 0n) {
    return { reward: 0n, lostTime: 0n, lostReward: 0n, after: { amount: value, time: now, multiplier, endTime } };
  }
  const { reward } = claimableReward(staker, view);
  const { lostTime, lostReward } = addStakeLoss(staker, view);
  if (staker.endTime > endTime) {
    endTime = staker.endTime;
    multiplier = multiplierForRounds((staker.endTime - now) / roundInterval);
  }
  if (staker.multiplier > multiplier && staker.endTime > now) {
    multiplier = (staker.multiplier * staker.amount + multiplier * value) / (staker.amount + value);
  }
  return { reward, lostTime, lostReward, after: { amount: staker.amount + value, time: now, multiplier, endTime } };
}

export interface ProjectRewardInput {
  amount: bigint;
  rounds: bigint;
  /** StakingRewardPool now. */
  pool: bigint;
  /** TotalStakingWeight now (simulated to the current block). */
  totalWeight: bigint;
  /** TotalStakingAmount now, without the new stake. */
  totalAmount: bigint;
  roundInterval: bigint;
  /** Block rewards expected to reach the pool during one round; 0 unless the caller knows better. */
  poolInflowPerRound?: bigint;
}

/**
 * An estimate, not a promise, of what staking `amount` for `rounds` rounds would pay, claiming at the end of every
 * round. Assumptions: at your first claim, one round from now, nobody else has claimed, so the total weight has
 * grown by one round of every stake (yours included) and the pool by `poolInflowPerRound`; every later round
 * pays the same (the other stakers' claims reset their weight and block rewards refill the pool at the rate
 * claims drain it). The real reward depends on other stakers' claims and on block rewards.
 */
export function projectReward(input: ProjectRewardInput): { multiplier: bigint; perRound: bigint; total: bigint } {
  const { amount, rounds, pool, totalWeight, totalAmount, roundInterval, poolInflowPerRound = 0n } = input;
  const multiplier = multiplierForRounds(rounds);
  if (amount === 0n || rounds === 0n) return { multiplier, perRound: 0n, total: 0n };
  const perRound = expectedRoundReward({
    amount,
    multiplier,
    pool: pool + poolInflowPerRound,
    totalWeight,
    totalAmount: totalAmount + amount,
    roundInterval,
  });
  return { multiplier, perRound, total: perRound * rounds };
}

/**
 * The estimate's one round: what a stake of `amount` (already counted in `totalAmount`) earns for a whole round,
 * claimed one round from now when every stake has grown by a round of weight and nobody else has claimed. Shared
 * by the stake form's preview (`projectReward`, a new stake) and an existing position's projection.
 */
export function expectedRoundReward(input: {
  amount: bigint;
  multiplier: bigint;
  pool: bigint;
  totalWeight: bigint;
  /** TotalStakingAmount with the stake in it. */
  totalAmount: bigint;
  roundInterval: bigint;
}): bigint {
  const { amount, multiplier, pool, totalWeight, totalAmount, roundInterval } = input;
  if (amount === 0n) return 0n;
  return rewardOf(pool, amount * roundInterval, totalWeight + totalAmount * roundInterval, multiplier);
}

export interface StakeResult {
  /** Reward of the completed rounds paid before adding. */
  reward: bigint;
  /** Contract seconds of the incomplete round that the addition restarted. */
  lostTime: bigint;
}

export interface WithdrawResult {
  reward: bigint;
  stake: bigint;
  /** reward + stake, the one transfer out. */
  paid: bigint;
}

function key(address: string): string {
  return address.toLowerCase();
}

/**
 * The contract's state and operations. Operations run in the head block (`head`), as transactions included in
 * it; `advance` mines blocks and `at` jumps to a known block (the block a real transaction was mined in). A call
 * the contract would revert throws `ModelRevert` and changes nothing.
 */
export class ColdStakingModel {
  timestamp: bigint;
  lastBlock: bigint;
  totalWeight = 0n;
  totalAmount = 0n;
  /** The contract's balance. */
  balance: bigint;
  stakerCount = 0n;
  governance: string | undefined;
  head: BlockContext;
  readonly stakers = new Map<string, StakerState>();
  readonly heldUntil = new Map<string, bigint>();

  constructor(
    readonly params: StakingParams,
    deployBlock: BlockContext,
    readonly owner: string,
    initialBalance = 0n,
  ) {
    this.timestamp = deployBlock.timestamp;
    this.lastBlock = deployBlock.number;
    this.head = { ...deployBlock };
    this.balance = initialBalance;
  }

  /** Mines `blocks` blocks, the last one `seconds` after the head. */
  advance(seconds: bigint, blocks = 1n): void {
    if (blocks < 1n) throw new Error('advance: at least one block');
    this.head = { number: this.head.number + blocks, timestamp: this.head.timestamp + seconds };
  }

  /** Makes `block` the head: the following operations run in it. */
  at(block: BlockContext): void {
    if (block.number < this.head.number || block.timestamp < this.head.timestamp) {
      throw new Error(`at: block ${block.number} is before the head ${this.head.number}`);
    }
    this.head = { number: block.number, timestamp: block.timestamp };
  }

  /** `StakingRewardPool()`. */
  get pool(): bigint {
    return this.balance - this.totalAmount;
  }

  staker(address: string): StakerState {
    return { ...(this.stakers.get(key(address)) ?? EMPTY_STAKER) };
  }

  held(address: string): bigint {
    return this.heldUntil.get(key(address)) ?? 0n;
  }

  /** The clock and weight as a call in the head block sees them. */
  clock(): { timestamp: bigint; totalWeight: bigint } {
    return simulateClock(this, this.head, this.params.maxSecondsPerBlock);
  }

  private poolView(): PoolView {
    const { timestamp, totalWeight } = this.clock();
    return { now: timestamp, pool: this.pool, totalWeight, roundInterval: this.params.roundInterval };
  }

  /** `stake_reward(address)` in the head block. */
  stakeReward(address: string): bigint {
    return claimableReward(this.staker(address), this.poolView()).reward;
  }

  /** `add_stake_loss(address)` in the head block. */
  addStakeLoss(address: string): { lostTime: bigint; lostReward: bigint } {
    return addStakeLoss(this.staker(address), this.poolView());
  }

  private tick(): void {
    const { timestamp, totalWeight } = this.clock();
    if (this.head.number > this.lastBlock) {
      this.timestamp = timestamp;
      this.totalWeight = totalWeight;
      this.lastBlock = this.head.number;
    }
  }

  /** Books the completed rounds of `address` (after the tick); returns the reward. */
  private settle(address: string, pool: bigint): bigint {
    const s = this.stakers.get(key(address));
    if (!s) return 0n;
    const { reward, completedTime, weight } = claimableReward(s, {
      now: this.timestamp,
      pool,
      totalWeight: this.totalWeight,
      roundInterval: this.params.roundInterval,
    });
    if (completedTime === 0n) return 0n;
    this.totalWeight -= weight;
    s.time += completedTime;
    return reward;
  }

  private remove(address: string): bigint {
    const s = this.stakers.get(key(address));
    if (!s) throw new Error('remove: no staker');
    this.totalWeight -= (this.timestamp - s.time) * s.amount;
    this.totalAmount -= s.amount;
    this.stakerCount -= 1n;
    this.stakers.delete(key(address));
    return s.amount;
  }

  /** `start_staking(rounds)` with `value` (a plain transfer is `rounds` = 1). */
  stake(address: string, value: bigint, rounds: bigint): StakeResult {
    if (rounds === 0n) throw new ModelRevert(REVERT.zeroRounds);
    if (rounds > MAX_ROUNDS) throw new ModelRevert(REVERT.tooManyRounds);
    const existing = this.stakers.get(key(address));
    if (value === 0n && !existing) throw new ModelRevert(REVERT.nothingToStake);
    this.tick();
    const pool = this.pool;
    const view = { now: this.timestamp, pool, totalWeight: this.totalWeight, roundInterval: this.params.roundInterval };
    const preview = addStakePreview(existing ?? EMPTY_STAKER, value, rounds, view);
    let reward = 0n;
    if (existing) {
      reward = this.settle(address, pool);
      this.totalWeight -= (this.timestamp - existing.time) * existing.amount;
    } else {
      this.stakerCount += 1n;
    }
    this.totalAmount += value;
    this.stakers.set(key(address), preview.after);
    this.balance += value - reward;
    return { reward, lostTime: preview.lostTime };
  }

  /** `claim()`: returns the reward paid. */
  claim(address: string): bigint {
    if (!this.stakers.has(key(address))) throw new ModelRevert(REVERT.noStake);
    this.tick();
    const reward = this.settle(address, this.pool);
    this.balance -= reward;
    return reward;
  }

  /** `withdraw_stake()`. */
  withdraw(address: string): WithdrawResult {
    const s = this.stakers.get(key(address));
    if (!s) throw new ModelRevert(REVERT.noStake);
    if (this.clock().timestamp < s.endTime) throw new ModelRevert(REVERT.locked);
    if (this.head.timestamp < this.held(address)) throw new ModelRevert(REVERT.held);
    this.tick();
    const reward = this.settle(address, this.pool);
    const stake = this.remove(address);
    this.balance -= reward + stake;
    return { reward, stake, paid: reward + stake };
  }

  /** `report_abuse(address)` by `reporter`: returns the stake sent back to `address`. */
  reportAbuse(reporter: string, address: string): bigint {
    if (!this.stakers.has(key(reporter))) throw new ModelRevert(REVERT.onlyStakerReports);
    const s = this.stakers.get(key(address));
    if (!s) throw new ModelRevert(REVERT.reportedHasNoStake);
    if (this.clock().timestamp <= s.endTime + this.params.maxDelay) throw new ModelRevert(REVERT.notIdle);
    if (this.head.timestamp < this.held(address)) throw new ModelRevert(REVERT.held);
    this.tick();
    const stake = this.remove(address);
    this.balance -= stake;
    return stake;
  }

  /** `DEBUG_donation()` with `value`. */
  donate(value: bigint): void {
    this.balance += value;
  }

  /** A plain balance credit (a block reward reaching the contract). */
  credit(amount: bigint): void {
    this.balance += amount;
  }

  setGovernance(caller: string, governance: string): void {
    if (key(caller) !== key(this.owner)) throw new ModelRevert(REVERT.onlyOwner);
    if (this.governance !== undefined) throw new ModelRevert(REVERT.governanceSet);
    if (/^0x0{40}$/i.test(governance)) throw new ModelRevert(REVERT.governanceZero);
    this.governance = key(governance);
  }

  holdStake(caller: string, voter: string, until: bigint): void {
    if (this.governance === undefined || key(caller) !== this.governance) throw new ModelRevert(REVERT.onlyGovernance);
    if (until > this.held(voter)) this.heldUntil.set(key(voter), until);
  }

  /** SUM of the stakes, which must equal `totalAmount`. */
  sumOfStakes(): bigint {
    let sum = 0n;
    for (const s of this.stakers.values()) sum += s.amount;
    return sum;
  }

  /** SUM of amount x (timestamp - time), which must equal `totalWeight` (the contract's weight invariant). */
  sumOfWeights(): bigint {
    let sum = 0n;
    for (const s of this.stakers.values()) sum += s.amount * (this.timestamp - s.time);
    return sum;
  }
}
