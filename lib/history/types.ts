// The data the event history engine keeps and hands out. Logs are stored as the node returned them (hex fields,
// JSON- and structured-clone-safe) and decoded against the ABI on the way out, so a store never depends on an ABI
// version and the same entry serves every reader of that event. No React, no browser APIs.
import type { Address, Hex } from 'viem';

/** An inclusive block range. */
export interface BlockRange {
  from: bigint;
  to: bigint;
}

/** One log as eth_getLogs returns it (the fields the app uses; all hex strings as on the wire). */
export interface StoredLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  transactionHash: Hex;
  transactionIndex: Hex;
  logIndex: Hex;
}

/**
 * What a store holds for one (chain, contract, event): the block ranges already read and every log found in them.
 * `ranges` is sorted and merged; logs are in chain order, one entry per (blockNumber, logIndex).
 */
export interface StoredHistory {
  ranges: BlockRange[];
  logs: StoredLog[];
  /** The highest block of the last complete scan and its hash: a different hash there on the next visit means the
   * chain was reorganised deeper than the re-read blocks (or reset, on a local chain), and the entry is dropped. */
  tip?: BlockTip;
}

/** A block and its hash. */
export interface BlockTip {
  block: bigint;
  hash: Hex;
}

/** Names one store entry: a chain, a contract and one event (its topic0, the keccak of its signature). */
export interface HistoryKey {
  chainId: number;
  address: Address;
  topic0: Hex;
}

/** A change to one entry, applied atomically by the store (two tabs or two scans may write the same entry). */
export interface HistoryUpdate {
  /** Reorg guard: first forget every range and log at or after this block. */
  invalidateFrom?: bigint;
  /** Ranges now read in full (merged with the stored ones). */
  ranges: BlockRange[];
  /** The logs found in those ranges (deduplicated by blockNumber and logIndex). */
  logs: StoredLog[];
  /** The new tip, when a scan reached the head. */
  tip?: BlockTip;
}

/**
 * Where scans keep what they read: IndexedDB in the browser (`openIndexedDbHistoryStore`), memory in tests
 * (`createMemoryHistoryStore`), or anything else with these four calls. Values under `readValue`/`writeValue` are
 * small facts worth remembering across visits: a contract's deployment block found by search, the block range
 * the RPC last accepted.
 */
export interface HistoryStore {
  read(key: HistoryKey): Promise<StoredHistory | undefined>;
  update(key: HistoryKey, update: HistoryUpdate): Promise<void>;
  readValue(name: string): Promise<string | undefined>;
  writeValue(name: string, value: string): Promise<void>;
}

/** How far a scan has got, for "Reading history: blocks 7.6M to 20.3M, 42%". */
export interface ScanProgress {
  /** The whole span this scan covers: the start block (deployment) to the head it aimed at. */
  fromBlock: bigint;
  toBlock: bigint;
  /** Blocks of that span read (from the store or the RPC) so far. */
  blocksDone: bigint;
  blocksTotal: bigint;
  /** Blocks fetched from the RPC in this scan (not the cached ones), and the eth_getLogs requests sent. */
  blocksFetched: bigint;
  requests: number;
  /** Logs of the requested events found so far. */
  logsFound: number;
  /** The eth_getLogs span currently used (it adapts to what the RPC accepts). */
  rangeSize: bigint;
}
