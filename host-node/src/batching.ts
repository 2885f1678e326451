// How many files one `confirm_many` carries (audit note I-03). A confirmation costs far more gas than the contract
// once said (about 30,000): measured under London, a file's first confirmation (which counts its size) about 86,000
// and a later node's about 63,000 (contracts/test/CallistoFS.attacks.test.ts checks these bounds). A batch takes at
// most half the latest block's gas limit, so that it fits a block beside other transactions, and at most the
// contract's MAX_CONFIRM_BATCH. Before sending, the node still estimates the batch's gas and halves a batch whose
// estimate is over the budget (chain.ts), so a dearer confirmation than measured here only makes batches smaller.

/** Gas of one file in `confirm_many`, rounded up from the measurement. */
export const CONFIRM_GAS_PER_FILE = 100_000n;
/** Gas of the transaction around the files: intrinsic gas, calldata and the call's own checks. */
export const CONFIRM_GAS_BASE = 60_000n;
/** The contract's MAX_CONFIRM_BATCH. */
export const MAX_CONFIRM_BATCH = 200;

/** The gas one batch may use in a block with this gas limit. */
export function confirmGasBudget(blockGasLimit: bigint): bigint {
  return blockGasLimit / 2n;
}

/** Files a batch may carry in a block with this gas limit: at least 1, at most MAX_CONFIRM_BATCH. */
export function confirmBatchSize(blockGasLimit: bigint): number {
  const budget = confirmGasBudget(blockGasLimit);
  if (budget <= CONFIRM_GAS_BASE + CONFIRM_GAS_PER_FILE) return 1;
  const files = (budget - CONFIRM_GAS_BASE) / CONFIRM_GAS_PER_FILE;
  return Number(files > BigInt(MAX_CONFIRM_BATCH) ? BigInt(MAX_CONFIRM_BATCH) : files);
}
