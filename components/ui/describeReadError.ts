// What went wrong with a read, in words a person can act on, for "The proposal cannot be read: <this>." A read's
// error is a chain of viem errors whose messages are written for developers (multi-line, with request bodies and
// version footers); the page shows the cause instead.
import {
  BaseError,
  ChainDoesNotSupportContract,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { HistoryRequestTimeout, HistoryScanCancelled } from '@/lib/history/rpcError';

/** The first error in `error`'s chain of causes that `match` accepts. */
function findCause<T>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 16 && current; depth++) {
    if (match(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const is =
  <T>(type: abstract new (...args: never[]) => T) =>
  (e: unknown): e is T =>
    e instanceof type;

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim().replace(/\.$/, '');
}

/**
 * The cause of a failed read as a clause without a final period: "the network does not answer", "the contract
 * refused the read: Treasury: no such proposal", "the network took too long to answer".
 */
export function describeReadError(error: unknown): string {
  if (findCause(error, is(HistoryScanCancelled))) return 'the search was cancelled';
  const reverted = findCause(error, is(ContractFunctionRevertedError));
  if (reverted) {
    if (reverted.reason) return `the contract refused the read: ${reverted.reason}`;
    if (reverted.data?.errorName) return `the contract refused the read (${reverted.data.errorName})`;
    return 'the contract refused the read without giving a reason';
  }
  if (findCause(error, is(ContractFunctionZeroDataError))) {
    return 'no contract answers at its address on this network (check the network in the settings)';
  }
  if (findCause(error, is(ChainDoesNotSupportContract))) {
    return 'this network lacks a contract the app needs for the read';
  }
  if (findCause(error, (e): e is Error => e instanceof TimeoutError || e instanceof HistoryRequestTimeout)) {
    return 'the network took too long to answer';
  }
  const rpc = findCause(error, is(RpcRequestError));
  if (rpc) return `the network refused the request: ${firstLine(rpc.details || rpc.shortMessage)}`;
  const http = findCause(error, is(HttpRequestError));
  if (http) {
    // No status: the request never got an answer (connection refused, DNS, offline, CORS).
    return http.status === undefined
      ? 'the network does not answer'
      : `the network's server answered with an error (HTTP ${http.status})`;
  }
  if (error instanceof BaseError) return `something went wrong: ${firstLine(error.shortMessage)}`;
  return 'something went wrong while reading it';
}
