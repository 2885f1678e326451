// What went wrong in an RPC call, in the node's own words. viem wraps a JSON-RPC error in classes whose message is
// a generic line ("Missing or invalid parameters."); the node's reason ("query exceeds max block range 5000") sits
// in the innermost RpcRequestError's details. Pages show that reason, and the range logic reads it to tell a
// refusal of the span (worth halving) from any other failure.
import { BaseError, HttpRequestError, RpcRequestError, TimeoutError } from 'viem';

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function walkTo<T>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 16 && current; depth++) {
    if (match(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const isRpcRequestError = (e: unknown): e is RpcRequestError => e instanceof RpcRequestError;
const isHttpRequestError = (e: unknown): e is HttpRequestError => e instanceof HttpRequestError;
const isTimeout = (e: unknown): e is Error =>
  e instanceof TimeoutError || (e instanceof Error && e.name === 'HistoryRequestTimeout');

/** The node's own message for an RPC failure (falling back to viem's short message, then the error's text). */
export function rpcErrorMessage(error: unknown): string {
  if (error instanceof HistoryScanCancelled) return error.message;
  const rpc = walkTo(error, isRpcRequestError);
  if (rpc?.details) return firstLine(rpc.details);
  if (walkTo(error, isTimeout)) return 'The RPC did not answer in time.';
  const http = walkTo(error, isHttpRequestError);
  if (http) {
    const body = http.details && http.details !== http.shortMessage ? `: ${firstLine(http.details)}` : '';
    return `The RPC answered HTTP ${http.status ?? 'error'}${body}`;
  }
  if (error instanceof BaseError) return firstLine(error.details || error.shortMessage);
  if (error instanceof Error) return firstLine(error.message);
  return String(error);
}

/** The JSON-RPC error code anywhere in the chain of causes. */
function rpcCode(error: unknown): number | undefined {
  const rpc = walkTo(error, isRpcRequestError);
  if (rpc) return rpc.code;
  const coded = walkTo(error, (e): e is { code: number } => typeof (e as { code?: unknown })?.code === 'number');
  return coded?.code;
}

// The words public RPCs use when a log query asks for too much: "block range is too wide", "exceed maximum block
// range: 5000", "query returned more than 10000 results", "Log response size exceeded", "range limit exceeded",
// "request timed out".
const TOO_MUCH =
  /\b(range|blocks?|results?|limit(ed)?|too (large|wide|big|many)|exceed(s|ed)?|max(imum)?|response size|timed? ?out|timeout)\b/i;

/**
 * True when the error says the request was too big: a JSON-RPC refusal of the block span or of the result count
 * (codes -32005 always; -32602, -32600, -32000, -32603, -32001, -32002 with words about range, blocks, results or
 * limit), an HTTP 413, 502, 503 or 504, or a timeout (a node that gives up on a wide range often just never
 * answers). Such errors halve the range.
 */
export function isRangeRefusal(error: unknown): boolean {
  if (walkTo(error, isTimeout)) return true;
  const rpc = walkTo(error, isRpcRequestError);
  const code = rpcCode(error);
  if (code === -32005) return true;
  if (rpc || code !== undefined) {
    const words = rpc?.details ?? (error instanceof Error ? error.message : '');
    if (code !== undefined && [-32602, -32600, -32000, -32603, -32001, -32002].includes(code))
      return TOO_MUCH.test(words);
  }
  const http = walkTo(error, isHttpRequestError);
  if (http?.status !== undefined && [413, 502, 503, 504].includes(http.status)) return true;
  return false;
}

// "max block range 5000", "maximum block range: 5000", "limited to 10,000 blocks", "limit is 5000", "up to 2048
// blocks", "block range should be at most 3500". Only spans, never result counts ("more than 10000 results").
const NAMED_LIMITS = [
  /(?:max(?:imum)?|limit(?:ed)?|at most|up to|allowed)[^0-9\n]{0,40}?(\d[\d,_]*)\s*blocks?\b/i,
  /(?:max(?:imum)?|limit)\s*(?:block\s*)?range[^0-9\n]{0,20}?(\d[\d,_]*)/i,
  /block range[^0-9\n]{0,40}?(?:max(?:imum)?|limit|at most|up to)[^0-9\n]{0,20}?(\d[\d,_]*)/i,
];

/** A block span the RPC named as its limit ("max block range 5000", "limited to 10000 blocks"), if it named one. */
export function rangeLimitIn(error: unknown): bigint | undefined {
  const text = rpcErrorMessage(error);
  if (/results?\b/i.test(text) && !/blocks?\b/i.test(text)) return undefined;
  for (const pattern of NAMED_LIMITS) {
    const match = pattern.exec(text);
    if (match?.[1]) {
      const value = BigInt(match[1].replace(/[,_]/g, ''));
      if (value > 0n) return value;
    }
  }
  return undefined;
}

/** A scan stopped by its AbortSignal: what was read so far is kept in the store and the next scan resumes there. */
export class HistoryScanCancelled extends Error {
  override name = 'HistoryScanCancelled';
  constructor() {
    super('Reading the history was cancelled.');
  }
}

/** A request the engine gave up waiting for (counted as a refusal of its span). */
export class HistoryRequestTimeout extends Error {
  override name = 'HistoryRequestTimeout';
  constructor(ms: number) {
    super(`The RPC did not answer within ${Math.round(ms / 1000)} s.`);
  }
}
