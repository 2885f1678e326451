// The cached event history of one contract: reads only what the store lacks, from the contract's first block to
// the head, and re-reads the last few blocks of the previous scan every time so a reorganisation cannot leave a
// stale log behind (and drops the entry when the block it ended on changed hash: a deeper reorg, or a local chain
// reset under the same addresses). What is found is reported as it arrives; the store is updated as chunks
// arrive (at most about once a second, and always before the scan returns or throws), so a scan cancelled or cut
// short by a reload resumes where it stopped.
import { earliestServedBlock } from './earliestBlock';
import {
  parseEventLogs,
  toEventSelector,
  formatLog,
  type Abi,
  type AbiEvent,
  type Address,
  type ContractEventName,
  type Hex,
  type ParseEventLogsReturnType,
} from 'viem';
import { countBlocks, highestBlock, mergeRanges, missingRanges } from './blockRanges';
import { readLogs, type HistoryClient } from './reader';
import { AdaptiveRange, type RangeMemory } from './ranges';
import { HistoryScanCancelled } from './rpcError';
import type { BlockRange, BlockTip, HistoryKey, HistoryStore, ScanProgress, StoredHistory, StoredLog } from './types';

/** Blocks re-read at the head on every scan. Callisto is proof of work with 15 s blocks: 32 blocks is 8 minutes,
 * far deeper than its usual reorgs; a deeper one is caught by the tip's hash. */
export const REORG_DEPTH = 32n;

export interface HistoryScanOptions<abi extends Abi, eventName extends ContractEventName<abi>> {
  client: HistoryClient;
  chainId: number;
  address: Address;
  abi: abi;
  /** The events wanted; each is cached under its own entry, all are read by the same requests. */
  eventNames: readonly eventName[];
  /** The contract's first block (see `resolveStartBlock`). */
  fromBlock: bigint;
  store: HistoryStore;
  /** Shared per RPC: see `rangeFor`. */
  range: AdaptiveRange;
  concurrency?: number;
  reorgDepth?: bigint;
  /** Per-request time limit (ms). */
  timeoutMs?: number;
  /** How often the store is written while chunks arrive (ms; default 1,000). */
  saveEveryMs?: number;
  signal?: AbortSignal;
  onProgress?(progress: ScanProgress): void;
  /** Every log known so far (cached and new), decoded, in chain order; called at the start with the cached ones
   * and after each chunk that found logs. */
  onLogs?(logs: DecodedLogs<abi, eventName>): void;
  /** The head, when the caller asked for it already (`latestBlock`, sent early so it rides in the page's first
   * JSON-RPC batch); read here otherwise. */
  head?: Promise<BlockTip | undefined>;
}

export type DecodedLogs<abi extends Abi, eventName extends ContractEventName<abi>> = ParseEventLogsReturnType<
  abi,
  eventName[],
  true
>;

export interface HistoryScanResult<abi extends Abi, eventName extends ContractEventName<abi>> {
  logs: DecodedLogs<abi, eventName>;
  /** Every block up to this one is read. */
  scannedTo: bigint;
  progress: ScanProgress;
}

/** topic0 of each named event of the ABI. */
export function eventTopics(abi: Abi, eventNames: readonly string[]): Hex[] {
  return eventNames.map((name) => {
    const item = abi.find((entry): entry is AbiEvent => entry.type === 'event' && entry.name === name);
    if (!item) throw new Error(`the ABI has no event ${name}`);
    return toEventSelector(item);
  });
}

function compareLogs(a: StoredLog, b: StoredLog): number {
  const ab = BigInt(a.blockNumber);
  const bb = BigInt(b.blockNumber);
  if (ab !== bb) return ab < bb ? -1 : 1;
  return Number(BigInt(a.logIndex) - BigInt(b.logIndex));
}

/** Ranges every entry covers (a block is done only when it is read for all the events). */
function coveredByAll(entries: readonly (StoredHistory | undefined)[], from: bigint, to: bigint): BlockRange[] {
  let covered: BlockRange[] = [{ from, to }];
  for (const entry of entries) {
    const gaps = missingRanges(entry?.ranges ?? [], from, to);
    covered = missingRanges(mergeRanges([...gaps, ...missingRanges(covered, from, to)]), from, to);
  }
  return covered;
}

interface RpcBlock {
  number: Hex | null;
  hash: Hex | null;
}

/** The latest block and its hash. */
export function latestBlock(client: HistoryClient): Promise<BlockTip | undefined> {
  return blockAt(client, 'latest');
}

async function blockAt(client: HistoryClient, block: bigint | 'latest'): Promise<BlockTip | undefined> {
  const raw = (await client.request({
    method: 'eth_getBlockByNumber',
    params: [block === 'latest' ? 'latest' : `0x${block.toString(16)}`, false],
  })) as RpcBlock | null;
  if (!raw?.number || !raw.hash) return undefined;
  return { block: BigInt(raw.number), hash: raw.hash };
}

/**
 * Scans and returns every log of the events from `fromBlock` to the head, reading from the RPC only what the store
 * lacks. Throws HistoryScanCancelled on abort, or the RPC's error (see rpcErrorMessage for its words).
 */
export async function scanHistory<abi extends Abi, eventName extends ContractEventName<abi>>(
  options: HistoryScanOptions<abi, eventName>,
): Promise<HistoryScanResult<abi, eventName>> {
  const { client, store, signal } = options;
  const reorgDepth = options.reorgDepth ?? REORG_DEPTH;
  const topic0s = eventTopics(options.abi, options.eventNames as readonly string[]);
  const keys: HistoryKey[] = topic0s.map((topic0) => ({ chainId: options.chainId, address: options.address, topic0 }));
  if (signal?.aborted) throw new HistoryScanCancelled();

  const stored = await Promise.all(keys.map((key) => store.read(key)));
  // The tip of each entry's last complete scan must still be on the chain (the last blocks are re-read anyway).
  // Asked together with the head, so the requests travel as one JSON-RPC batch.
  const tips = [...new Set(stored.map((s) => s?.tip?.block).filter((b): b is bigint => b !== undefined))];
  // The first block the node serves rides in the same batch (asked once per client and chain).
  const earliestAsked = earliestServedBlock(client, options.chainId);
  const [head, ...tipBlocks] = await Promise.all([
    options.head ?? blockAt(client, 'latest'),
    ...tips.map((b) => blockAt(client, b).catch(() => undefined)),
  ]);
  if (!head) throw new Error('The RPC did not return its latest block.');
  const tipHashes = new Map<bigint, Hex | undefined>(
    tips.map((b, i) => [b, b <= head.block ? tipBlocks[i]?.hash : undefined]),
  );
  const entries: (StoredHistory | undefined)[] = [];
  for (const [i, entry] of stored.entries()) {
    const key = keys[i]!;
    if (!entry) {
      entries.push(undefined);
      continue;
    }
    const top = highestBlock(entry.ranges);
    let cut: bigint | undefined;
    if (entry.tip && tipHashes.get(entry.tip.block)?.toLowerCase() !== entry.tip.hash.toLowerCase()) cut = 0n;
    else if (top !== undefined) {
      const lastSafe = (top < head.block ? top : head.block) - reorgDepth;
      cut = lastSafe < 0n ? 0n : lastSafe + 1n;
    }
    if (cut === undefined) {
      entries.push(entry);
      continue;
    }
    await store.update(key, { invalidateFrom: cut, ranges: [], logs: [] });
    entries.push({
      ranges: entry.ranges.filter((r) => r.from < cut).map((r) => ({ from: r.from, to: r.to < cut ? r.to : cut - 1n })),
      logs: entry.logs.filter((log) => BigInt(log.blockNumber) < cut),
    });
  }

  // A start of 0 means "from the beginning": then never before the first block the node serves (a node started from
  // a snapshot would otherwise cost a request per range of blocks that cannot hold a log). A recorded start (a
  // deployment block) is taken as given: it is the contract's own history, which a node without those blocks
  // cannot answer for, and the mainnet-like stack measures exactly that range.
  const earliest = await earliestAsked;
  const from = options.fromBlock === 0n && earliest > 0n ? earliest : options.fromBlock;
  const to = head.block;
  const total = to >= from ? to - from + 1n : 0n;
  const alreadyCovered = to >= from ? coveredByAll(entries, from, to) : [];
  const gaps = to >= from ? missingRanges(alreadyCovered, from, to) : [];

  // Logs known so far, in chain order, one per position; the decoded list is rebuilt only when logs arrive.
  let known: StoredLog[] = [];
  {
    const byPosition = new Map<string, StoredLog>();
    for (const entry of entries)
      for (const log of entry?.logs ?? []) {
        const b = BigInt(log.blockNumber);
        if (b >= from) byPosition.set(`${log.blockNumber}:${log.logIndex}`, log);
      }
    known = [...byPosition.values()].sort(compareLogs);
  }
  const decode = (logs: readonly StoredLog[]): DecodedLogs<abi, eventName> =>
    parseEventLogs({
      abi: options.abi,
      eventName: options.eventNames as eventName[],
      logs: logs.map((log) => formatLog({ ...log, topics: log.topics as [Hex, ...Hex[]], removed: false })),
      strict: true,
    }) as unknown as DecodedLogs<abi, eventName>;
  let decoded = decode(known);

  const progress: ScanProgress = {
    fromBlock: from,
    toBlock: to,
    blocksDone: countBlocks(alreadyCovered),
    blocksTotal: total,
    blocksFetched: 0n,
    requests: 0,
    logsFound: decoded.length,
    rangeSize: options.range.size,
  };
  const report = () => options.onProgress?.({ ...progress, rangeSize: options.range.size });
  report();
  if (decoded.length > 0) options.onLogs?.(decoded);

  // Chunks read but not yet written to the store.
  let unsaved: { chunk: BlockRange; logs: StoredLog[] }[] = [];
  let lastSave = Date.now();
  const saveEveryMs = options.saveEveryMs ?? 1_000;
  const flush = async (tip?: BlockTip) => {
    const batch = unsaved;
    unsaved = [];
    const ranges = mergeRanges(batch.map((b) => b.chunk));
    if (ranges.length === 0 && !tip) return;
    const all = batch.flatMap((b) => b.logs);
    await Promise.all(
      keys.map((key) =>
        store.update(key, {
          ranges,
          logs: all.filter((log) => log.topics[0]?.toLowerCase() === key.topic0.toLowerCase()),
          ...(tip ? { tip } : {}),
        }),
      ),
    );
    lastSave = Date.now();
  };

  try {
    for (const gap of gaps) {
      await readLogs({
        client,
        address: options.address,
        topic0s,
        from: gap.from,
        to: gap.to,
        range: options.range,
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(signal ? { signal } : {}),
        onRequest: () => {
          progress.requests++;
        },
        onChunk: async (chunk, logs) => {
          // The node filters by address and topic0 already; keep only the wanted events of this contract anyway.
          const wanted = logs.filter(
            (log) =>
              log.address.toLowerCase() === options.address.toLowerCase() &&
              topic0s.some((t) => t.toLowerCase() === log.topics[0]?.toLowerCase()),
          );
          unsaved.push({ chunk, logs: wanted });
          const blocks = chunk.to - chunk.from + 1n;
          progress.blocksDone += blocks;
          progress.blocksFetched += blocks;
          if (wanted.length > 0) {
            // Chunks of one gap arrive in order, and gaps are read in order, but a gap can sit before cached logs.
            known = known.concat(wanted);
            if (compareLogs(known[known.length - wanted.length - 1] ?? wanted[0]!, wanted[0]!) > 0)
              known.sort(compareLogs);
            decoded = decode(known);
            progress.logsFound = decoded.length;
            options.onLogs?.(decoded);
          }
          report();
          if (Date.now() - lastSave >= saveEveryMs) await flush();
        },
      });
    }
    await flush(head);
  } catch (error) {
    // What was read is kept, so the next scan resumes after it.
    await flush().catch(() => undefined);
    throw error;
  }
  report();
  return { logs: decoded, scannedTo: to, progress: { ...progress, rangeSize: options.range.size } };
}

const ranges = new Map<string, AdaptiveRange>();

/** The AdaptiveRange shared by every scan against one RPC endpoint (by chain and URL), seeded from the span the
 * RPC last accepted (kept in the store) so a second visit starts at the right size. */
export async function rangeFor(store: HistoryStore, chainId: number, endpoint: string): Promise<AdaptiveRange> {
  const id = `range:${chainId}:${endpoint}`;
  const existing = ranges.get(id);
  if (existing) return existing;
  let memory: RangeMemory | undefined;
  try {
    const raw = await store.readValue(id);
    if (raw) {
      const parsed = JSON.parse(raw) as { size?: string; refused?: string; named?: string };
      const whole = (v: string | undefined) => (v && /^\d+$/.test(v) ? BigInt(v) : undefined);
      const size = whole(parsed.size);
      if (size !== undefined && size > 0n) {
        memory = { size };
        const refused = whole(parsed.refused);
        const named = whole(parsed.named);
        if (refused !== undefined) memory.refused = refused;
        if (named !== undefined && named > 0n) memory.named = named;
      }
    }
  } catch {
    // A missing or unreadable memory only costs a few refused requests.
  }
  const again = ranges.get(id);
  if (again) return again;
  const range = new AdaptiveRange({}, memory);
  range.onChange = (m) => {
    void store
      .writeValue(
        id,
        JSON.stringify({
          size: m.size.toString(),
          ...(m.refused !== undefined ? { refused: m.refused.toString() } : {}),
          ...(m.named !== undefined ? { named: m.named.toString() } : {}),
        }),
      )
      .catch(() => undefined);
  };
  ranges.set(id, range);
  return range;
}
