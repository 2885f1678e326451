// The node's words out of viem's wrappers, and which failures mean "ask for less".
import { describe, expect, it } from 'vitest';
import {
  HttpRequestError,
  InternalRpcError,
  InvalidInputRpcError,
  InvalidParamsRpcError,
  LimitExceededRpcError,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { HistoryRequestTimeout, HistoryScanCancelled, isRangeRefusal, rangeLimitIn, rpcErrorMessage } from './rpcError';

function rpcError(code: number, message: string) {
  const cause = new RpcRequestError({ body: { method: 'eth_getLogs' }, error: { code, message }, url: 'http://rpc' });
  if (code === -32000) return new InvalidInputRpcError(cause);
  if (code === -32602) return new InvalidParamsRpcError(cause);
  if (code === -32005) return new LimitExceededRpcError(cause);
  return new InternalRpcError(cause);
}

describe('rpcErrorMessage', () => {
  it('gives the node’s reason, not viem’s generic line', () => {
    const error = rpcError(-32000, 'exceed maximum block range: 5000');
    expect(error.shortMessage).toMatch(/^Missing or invalid parameters\./);
    expect(rpcErrorMessage(error)).toBe('exceed maximum block range: 5000');
  });

  it('names an HTTP failure and a timeout in words', () => {
    expect(
      rpcErrorMessage(new HttpRequestError({ status: 503, details: 'Service Unavailable', url: 'http://rpc' })),
    ).toBe('The RPC answered HTTP 503: Service Unavailable');
    expect(rpcErrorMessage(new TimeoutError({ body: {}, url: 'http://rpc' }))).toBe('The RPC did not answer in time.');
    expect(rpcErrorMessage(new Error('first line\nsecond'))).toBe('first line');
  });
});

describe('isRangeRefusal', () => {
  it.each([
    [-32000, 'exceed maximum block range: 5000'],
    [-32602, 'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range'],
    [-32005, 'query returned more than 10000 results'],
    [-32000, 'block range is too wide'],
    [-32603, 'request timed out'],
  ])('takes %i "%s" as a refusal of the span', (code, message) => {
    expect(isRangeRefusal(rpcError(code, message))).toBe(true);
  });

  it.each([
    [-32000, 'header not found'],
    [-32602, 'invalid argument 0: hex string without 0x prefix'],
    [-32603, 'internal error'],
  ])('does not take %i "%s" for one', (code, message) => {
    expect(isRangeRefusal(rpcError(code, message))).toBe(false);
  });

  it('takes timeouts and gateway errors as refusals, other HTTP errors not', () => {
    expect(isRangeRefusal(new HistoryRequestTimeout(20_000))).toBe(true);
    expect(isRangeRefusal(new TimeoutError({ body: {}, url: 'http://rpc' }))).toBe(true);
    expect(isRangeRefusal(new HttpRequestError({ status: 413, url: 'http://rpc' }))).toBe(true);
    expect(isRangeRefusal(new HttpRequestError({ status: 504, url: 'http://rpc' }))).toBe(true);
    expect(isRangeRefusal(new HttpRequestError({ status: 401, url: 'http://rpc' }))).toBe(false);
    expect(isRangeRefusal(new HistoryScanCancelled())).toBe(false);
  });
});

describe('rangeLimitIn', () => {
  it.each([
    ['exceed maximum block range: 5000', 5_000n],
    ['query exceeds max block range 100000', 100_000n],
    ['eth_getLogs is limited to a range of 5000 blocks; 9999 requested', 5_000n],
    ['you can request up to 10,000 blocks', 10_000n],
    ['query returned more than 10000 results', undefined],
    ['block range is too wide', undefined],
  ])('reads the limit in "%s"', (message, limit) => {
    expect(rangeLimitIn(rpcError(-32000, message))).toBe(limit);
  });
});
