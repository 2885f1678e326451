// Turns whatever a write threw into words a person can act on. A rejection in the wallet is the user's
// choice, not a failure, so it is reported apart.
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  TimeoutError,
  UserRejectedRequestError,
} from 'viem';

export type TxErrorDescription =
  | { kind: 'cancelled'; message: string }
  | { kind: 'reverted'; message: string }
  | { kind: 'connection'; message: string }
  | { kind: 'failed'; message: string };

function findInChain<T extends Error>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  if (error instanceof BaseError) {
    const found = error.walk((e) => match(e));
    return found && match(found) ? found : undefined;
  }
  return match(error) ? error : undefined;
}

function isUserRejection(error: unknown): error is Error {
  if (error instanceof UserRejectedRequestError) return true;
  // Some wallets reject with a bare EIP-1193 error object rather than a viem error.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 4001;
}

/** Plain words for a revert: the contract's reason string, or its custom error's name and arguments. */
function revertMessage(error: ContractFunctionRevertedError): string {
  if (error.reason) return error.reason;
  if (error.data?.errorName) {
    const args = error.data.args?.map((a) => String(a)).join(', ');
    return args ? `${error.data.errorName}(${args})` : error.data.errorName;
  }
  return 'The contract refused the transaction without giving a reason.';
}

export function describeTxError(error: unknown): TxErrorDescription {
  if (findInChain(error, isUserRejection)) {
    return { kind: 'cancelled', message: 'You cancelled the request in your wallet. Nothing was sent.' };
  }
  const reverted = findInChain(
    error,
    (e): e is ContractFunctionRevertedError => e instanceof ContractFunctionRevertedError,
  );
  if (reverted) return { kind: 'reverted', message: revertMessage(reverted) };
  if (findInChain(error, (e): e is InsufficientFundsError => e instanceof InsufficientFundsError)) {
    return { kind: 'failed', message: 'Your CLO balance does not cover the amount plus the network fee.' };
  }
  if (findInChain(error, (e): e is ChainMismatchError => e instanceof ChainMismatchError)) {
    return { kind: 'failed', message: 'Your wallet is on another network. Switch networks and try again.' };
  }
  const connection = findInChain(
    error,
    (e): e is HttpRequestError | TimeoutError => e instanceof HttpRequestError || e instanceof TimeoutError,
  );
  if (connection) {
    return {
      kind: 'connection',
      message:
        'The connection to the network dropped. The transaction may or may not have been sent: check your wallet before trying again.',
    };
  }
  if (error instanceof BaseError) return { kind: 'failed', message: error.shortMessage };
  return { kind: 'failed', message: error instanceof Error ? error.message : 'The transaction failed.' };
}
