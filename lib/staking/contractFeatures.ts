// Which optional views the cold staking contract on a chain has, decided by its ABI, never by trying a call and
// catching the failure. The live V2 on Callisto mainnet (chain 820) publishes a smaller ABI than this project's
// contract (kept in contracts/reference/callisto-mainnet/, as its authors publish it); the project's own
// deployments have the compiled ABI in contracts-abi/, which may grow views (a pull payment's
// `total_pending_returns`, say) that the page then reads. No React.
import type { Abi, AbiFunction } from 'viem';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import mainnetV2Abi from '../../contracts/reference/callisto-mainnet/ColdStakingV2.abi.json';

/** Callisto mainnet's chain id: its cold staking contract is the live V2. */
export const CALLISTO_MAINNET_ID = 820;

/** V2's hard-coded cap on the contract clock's advance a block, for contracts without `max_seconds_per_block`. */
export const V2_MAX_SECONDS_PER_BLOCK = 25n;

/** The views the staking page reads only where the contract's ABI has them. */
export interface StakingFeatures {
  /** `staker_count()`: how many addresses have a stake. */
  stakerCount: boolean;
  /** `max_seconds_per_block()`: the clock's cap a block (else V2's 25 s). */
  maxSecondsPerBlock: boolean;
  /** `held_until(address)`: governance holds on a voter's stake. */
  heldUntil: boolean;
  /** `total_pending_returns()`: stakes owed back to reported stakers, which are not part of the reward pool. */
  totalPendingReturns: boolean;
  /** `pending_returns(address)` and `withdraw_pending_return()`: a reported stake its owner takes back (L-06). */
  pendingReturns: boolean;
}

/** The ABI of the cold staking contract deployed on `chainId`: mainnet's published V2, else the compiled one. */
export function stakingAbiOn(chainId: number): Abi {
  return chainId === CALLISTO_MAINNET_ID ? (mainnetV2Abi as Abi) : coldStakingAbi;
}

/** The view `name` with `inputs` inputs that returns one uint256, if the ABI has it. */
function uintView(abi: Abi, name: string, inputs: number): AbiFunction | undefined {
  return abi.find(
    (item): item is AbiFunction =>
      item.type === 'function' &&
      item.name === name &&
      item.inputs.length === inputs &&
      (item.stateMutability === 'view' || item.stateMutability === 'pure') &&
      item.outputs.length === 1 &&
      item.outputs[0]?.type === 'uint256',
  );
}

/** `name()`, a transaction with no inputs, if the ABI has it. */
function plainTransaction(abi: Abi, name: string): AbiFunction | undefined {
  return abi.find(
    (item): item is AbiFunction =>
      item.type === 'function' &&
      item.name === name &&
      item.inputs.length === 0 &&
      item.stateMutability === 'nonpayable',
  );
}

/** Which optional views and actions the ABI has. */
export function stakingFeatures(abi: Abi): StakingFeatures {
  return {
    stakerCount: Boolean(uintView(abi, 'staker_count', 0)),
    maxSecondsPerBlock: Boolean(uintView(abi, 'max_seconds_per_block', 0)),
    heldUntil: Boolean(uintView(abi, 'held_until', 1)),
    totalPendingReturns: Boolean(uintView(abi, 'total_pending_returns', 0)),
    pendingReturns: Boolean(uintView(abi, 'pending_returns', 1) && plainTransaction(abi, 'withdraw_pending_return')),
  };
}

/** The features of the cold staking contract deployed on `chainId`. */
export function stakingFeaturesOn(chainId: number): StakingFeatures {
  return stakingFeatures(stakingAbiOn(chainId));
}
