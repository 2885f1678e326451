// The cached event history of one contract: reads only what the store lacks, from the contract's first block to
// the head, and re-reads the last few blocks on every scan so a reorganisation cannot leave a stale log behind.
// What is found is reported as it arrives; the store is updated after every chunk, so a scan cancelled or cut short
// by a reload resumes where it stopped.
import type { Abi, Address, ContractEventName, ParseEventLogsReturnType } from 'viem';
import type { HistoryClient } from './reader';
import type { AdaptiveRange } from './ranges';
import type { HistoryStore, ScanProgress } from './types';

/** Blocks re-read at the head on every scan (Callisto is proof of work; reorgs deeper than this are not seen). */
export declare const REORG_DEPTH = 32n;

export interface HistoryScanOptions<abi extends Abi, eventName extends ContractEventName<abi>> {
  client: HistoryClient;
  chainId: number;
  address: Address;
  abi: abi;
  /** The events wanted; each is cached under its own entry, all are read by the same requests. */
  eventNames: readonly eventName[];
  /** The contract's first block (see `resolveStartBlock`). */
  fromBlock: bigint;
  /** Defaults to the head. */
  toBlock?: bigint;
  store: HistoryStore;
  /** Shared per RPC: see `rangeFor`. */
  range: AdaptiveRange;
  concurrency?: number;
  reorgDepth?: bigint;
  signal?: AbortSignal;
  onProgress?(progress: ScanProgress): void;
  /** Every log known so far (cached and new), decoded, in chain order; called after each chunk. */
  onLogs?(logs: DecodedLogs<abi, eventName>): void;
}

export type DecodedLogs<abi extends Abi, eventName extends ContractEventName<abi>> = ParseEventLogsReturnType<
  abi,
  eventName,
  true
>;

export interface HistoryScanResult<abi extends Abi, eventName extends ContractEventName<abi>> {
  logs: DecodedLogs<abi, eventName>;
  /** Every block up to this one is read. */
  scannedTo: bigint;
  progress: ScanProgress;
}

/** Scans and returns every log of the events from `fromBlock` to the head, reading from the RPC only what the
 * store lacks. Throws HistoryScanCancelled on abort, or an Error carrying the RPC's own words. */
export declare function scanHistory<abi extends Abi, eventName extends ContractEventName<abi>>(
  options: HistoryScanOptions<abi, eventName>,
): Promise<HistoryScanResult<abi, eventName>>;

/** The AdaptiveRange shared by every scan against one RPC endpoint (by chain and URL), seeded from the span the
 * RPC last accepted (kept in the store) so a second visit starts at the right size. */
export declare function rangeFor(store: HistoryStore, chainId: number, endpoint: string): Promise<AdaptiveRange>;
