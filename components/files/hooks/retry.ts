import { BaseError, ContractFunctionRevertedError } from 'viem';

/** Retry a failed read up to three times, unless the contract itself refused it (a missing file id): asking again
 * would get the same answer and only spend requests. */
export function retryUnlessReverted(failureCount: number, error: Error): boolean {
  const reverted = error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError);
  return !reverted && failureCount < 3;
}
