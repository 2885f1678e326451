// The gas limit the app asks the wallet for. A node's estimate is the least gas that succeeds in the state it was
// taken in; the transaction runs later, in the next block, where a contract may do more: the legacy V1 cold staking
// contract (as the live one) refreshes its stored pool and clock on the first call of a block, and the value
// transfer at the end of a withdrawal gets only 63/64 of what is left. A withdrawal estimated at 92,051 gas ran out
// of gas that way on the mainnet-like stack. Wallets add a margin for the same reason; unused gas is not charged.

/** Half the estimate again: what MetaMask adds, and far more than the state changes above cost. */
export const GAS_MARGIN_PERCENT = 50n;

/** The estimate plus the margin, never above the block's gas limit (a transaction above it cannot be mined). */
export function gasLimitWithMargin(estimate: bigint, blockGasLimit: bigint): bigint {
  const padded = estimate + (estimate * GAS_MARGIN_PERCENT) / 100n;
  if (padded <= blockGasLimit) return padded;
  return estimate > blockGasLimit ? estimate : blockGasLimit;
}
