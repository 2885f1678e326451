// Reads logs over a block range in adaptive chunks, a few requests in flight at once, and delivers each chunk in
// chain order (a chunk is handed over only after every earlier one), so a consumer that advances a checkpoint per
// chunk never skips an event. The building block of `scanHistory` (browser, cached) and of the host node's
// watcher (its checkpoint on disk).
import { toHex, type Address, type Hex, type PublicClient } from 'viem';
import type { AdaptiveRange } from './ranges';
import { HistoryRequestTimeout, HistoryScanCancelled, isRangeRefusal, rangeLimitIn } from './rpcError';
import type { BlockRange, StoredLog } from './types';

/** What the reader needs from a client: raw JSON-RPC requests (eth_getLogs, eth_getBlockByNumber, eth_getCode). */
export type HistoryClient = Pick<PublicClient, 'request'>;

export interface ReadLogsOptions {
  client: HistoryClient;
  address: Address;
  /** topic0 of each event wanted (one request asks for all of them). */
  topic0s: readonly Hex[];
  /** Inclusive. */
  from: bigint;
  to: bigint;
  /** Shared span state; pass the same object to every read against one RPC. */
  range: AdaptiveRange;
  /** Requests in flight at once (default 3; the host node uses 1). */
  concurrency?: number;
  /** Per-request time limit in ms; a timeout counts as a refusal (default 20,000). */
  timeoutMs?: number;
  /** Attempts at a chunk that fails for another reason than its size (default 3), a growing pause between. */
  attempts?: number;
  signal?: AbortSignal;
  /** Awaited for each chunk, in chain order. */
  onChunk(chunk: BlockRange, logs: StoredLog[]): void | Promise<void>;
  /** Told of every request (for progress and counting). */
  onRequest?(chunk: BlockRange, outcome: 'ok' | 'refused' | 'failed'): void;
}

interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  blockHash: Hex | null;
  transactionHash: Hex | null;
  transactionIndex: Hex | null;
  logIndex: Hex | null;
}

/** The logs of a complete block range, as stored; pending logs (no block yet) are left out. */
function toStored(raw: readonly RawLog[]): StoredLog[] {
  const out: StoredLog[] = [];
  for (const log of raw) {
    if (log.blockNumber === null || log.blockHash === null || log.transactionHash === null || log.logIndex === null)
      continue;
    out.push({
      address: log.address,
      topics: [...log.topics],
      data: log.data,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      transactionHash: log.transactionHash,
      transactionIndex: log.transactionIndex ?? '0x0',
      logIndex: log.logIndex,
    });
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HistoryRequestTimeout(ms)), ms);
    const onAbort = () => reject(new HistoryScanCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new HistoryScanCancelled());
      },
      { once: true },
    );
  });
}

/** One eth_getLogs, with no retry by the transport: a refusal must come back at once to be split. */
export async function getLogsOnce(
  client: HistoryClient,
  address: Address,
  topic0s: readonly Hex[],
  chunk: BlockRange,
): Promise<StoredLog[]> {
  const topics = topic0s.length === 1 ? [topic0s[0]!] : [[...topic0s]];
  const raw = await client.request(
    {
      method: 'eth_getLogs',
      params: [{ address, topics, fromBlock: toHex(chunk.from), toBlock: toHex(chunk.to) }],
    },
    { retryCount: 0, dedupe: false },
  );
  return toStored(raw as RawLog[]);
}

/**
 * Reads [from, to] completely or throws: the RPC's own error when it refused even a one-block span or failed
 * otherwise `attempts` times, HistoryScanCancelled when the signal fired. Chunks already delivered stay delivered.
 */
export async function readLogs(options: ReadLogsOptions): Promise<void> {
  const { client, address, topic0s, range, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  if (options.from > options.to) return;
  if (signal?.aborted) throw new HistoryScanCancelled();

  // Blocks still to ask for, sorted by start: taking from the front keeps the requests in flight the earliest
  // ones, so ordered delivery never holds back more than `concurrency` chunks.
  const todo: BlockRange[] = [{ from: options.from, to: options.to }];
  const done = new Map<bigint, { chunk: BlockRange; logs: StoredLog[] }>();
  let nextToDeliver = options.from;
  let delivering: Promise<void> = Promise.resolve();
  let failure: unknown;
  let inFlight = 0;

  /** The next chunk and the span the range gave it (the chunk is shorter at the end of a gap). */
  const takeChunk = (): { chunk: BlockRange; requested: bigint } | undefined => {
    const first = todo[0];
    if (!first) return undefined;
    const requested = range.nextSpan();
    const end = first.from + requested - 1n;
    if (end >= first.to) {
      todo.shift();
      return { chunk: first, requested };
    }
    todo[0] = { from: end + 1n, to: first.to };
    return { chunk: { from: first.from, to: end }, requested };
  };

  const putBack = (chunk: BlockRange) => {
    const at = todo.findIndex((r) => r.from > chunk.from);
    todo.splice(at === -1 ? todo.length : at, 0, chunk);
  };

  const deliver = () => {
    delivering = delivering.then(async () => {
      for (let next = done.get(nextToDeliver); next; next = done.get(nextToDeliver)) {
        done.delete(nextToDeliver);
        if (failure !== undefined && failure instanceof HistoryScanCancelled) return;
        await options.onChunk(next.chunk, next.logs);
        nextToDeliver = next.chunk.to + 1n;
      }
    });
    delivering.catch((error: unknown) => {
      failure ??= error;
    });
  };

  const fetchChunk = async (chunk: BlockRange, requested: bigint): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const logs = await withTimeout(getLogsOnce(client, address, topic0s, chunk), timeoutMs, signal);
        range.succeeded(chunk.to - chunk.from + 1n, requested);
        options.onRequest?.(chunk, 'ok');
        done.set(chunk.from, { chunk, logs });
        deliver();
        return;
      } catch (error) {
        if (error instanceof HistoryScanCancelled) throw error;
        const span = chunk.to - chunk.from + 1n;
        if (isRangeRefusal(error) && span > 1n) {
          options.onRequest?.(chunk, 'refused');
          range.refused(span, rangeLimitIn(error), requested);
          putBack(chunk);
          return;
        }
        options.onRequest?.(chunk, 'failed');
        if (attempt >= attempts) throw error;
        await pause(250 * 4 ** (attempt - 1), signal);
      }
    }
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      if (signal?.aborted) failure ??= new HistoryScanCancelled();
      while (failure === undefined && inFlight < concurrency && range.mayStart(inFlight)) {
        const next = takeChunk();
        if (!next) break;
        inFlight++;
        fetchChunk(next.chunk, next.requested)
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => {
            range.release(next.requested);
            inFlight--;
            pump();
          });
      }
      if (inFlight === 0 && (failure !== undefined || todo.length === 0)) resolve();
    };
    pump();
  });
  await delivering.catch(() => undefined);
  if (failure !== undefined) throw failure;
  if (signal?.aborted) throw new HistoryScanCancelled();
}
