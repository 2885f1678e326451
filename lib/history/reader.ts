// Reads logs over a block range in adaptive chunks, a few requests in flight at once, and delivers each chunk in
// chain order (a chunk is handed over only after every earlier one), so a consumer that advances a checkpoint per
// chunk never skips an event. The building block of `scanHistory` (browser, cached) and of the host node's
// watcher (its checkpoint on disk).
import type { Address, Hex, PublicClient } from 'viem';
import type { AdaptiveRange } from './ranges';
import type { BlockRange, StoredLog } from './types';

/** What the reader needs from a client: raw JSON-RPC requests (eth_getLogs, eth_blockNumber, eth_getCode). */
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
  signal?: AbortSignal;
  /** Awaited for each chunk, in chain order. */
  onChunk(chunk: BlockRange, logs: StoredLog[]): void | Promise<void>;
  /** Told of every request (for progress and counting). */
  onRequest?(chunk: BlockRange, outcome: 'ok' | 'refused'): void;
}

/**
 * Reads [from, to] completely or throws: with the RPC's own words when it refused even a one-block span or failed
 * otherwise, with HistoryScanCancelled when the signal fired. Chunks already delivered stay delivered.
 */
export declare function readLogs(options: ReadLogsOptions): Promise<void>;
