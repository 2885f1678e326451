// The two HistoryStore implementations the app ships: memory (tests, and the fallback when IndexedDB is missing
// or refused, e.g. some private windows) and IndexedDB (the browser: one database for every chain and contract;
// logs in their own object store keyed by entry, block and index, so a scan adds its new logs without rewriting
// the old ones, and a reorg deletes a key range).
import { mergeRanges, rangesBefore } from './blockRanges';
import type { BlockRange, HistoryKey, HistoryStore, HistoryUpdate, StoredHistory, StoredLog } from './types';

/** The text a key is stored under: chain, contract (lower case) and topic0. */
export function historyKeyId(key: HistoryKey): string {
  return `${key.chainId}:${key.address.toLowerCase()}:${key.topic0.toLowerCase()}`;
}

const position = (log: StoredLog): [number, number] => [Number(BigInt(log.blockNumber)), Number(BigInt(log.logIndex))];

function comparePositions(a: StoredLog, b: StoredLog): number {
  const [ab, ai] = position(a);
  const [bb, bi] = position(b);
  return ab === bb ? ai - bi : ab - bb;
}

/** Applies an update to one entry's value (the memory store's whole job; the IndexedDB store does the same in a
 * transaction). */
export function applyHistoryUpdate(current: StoredHistory | undefined, update: HistoryUpdate): StoredHistory {
  let ranges: BlockRange[] = current?.ranges ?? [];
  let logs: StoredLog[] = current?.logs ?? [];
  let tip = current?.tip;
  if (update.invalidateFrom !== undefined) {
    const cut = update.invalidateFrom;
    ranges = rangesBefore(ranges, cut);
    logs = logs.filter((log) => BigInt(log.blockNumber) < cut);
    if (tip && tip.block >= cut) tip = undefined;
  }
  if (update.logs.length > 0) {
    const byPosition = new Map(logs.map((log) => [position(log).join(':'), log]));
    for (const log of update.logs) byPosition.set(position(log).join(':'), log);
    logs = [...byPosition.values()].sort(comparePositions);
  }
  return {
    ranges: mergeRanges([...ranges, ...update.ranges]),
    logs,
    ...((update.tip ?? tip) ? { tip: update.tip ?? tip } : {}),
  };
}

export function createMemoryHistoryStore(): HistoryStore {
  const entries = new Map<string, StoredHistory>();
  const values = new Map<string, string>();
  const copy = (h: StoredHistory): StoredHistory => ({
    ranges: h.ranges.map((r) => ({ ...r })),
    logs: [...h.logs],
    ...(h.tip ? { tip: { ...h.tip } } : {}),
  });
  return {
    async read(key) {
      const entry = entries.get(historyKeyId(key));
      return entry && copy(entry);
    },
    async update(key, update) {
      const id = historyKeyId(key);
      entries.set(id, applyHistoryUpdate(entries.get(id), update));
    },
    async readValue(name) {
      return values.get(name);
    },
    async writeValue(name, value) {
      values.set(name, value);
    },
  };
}

const DB_VERSION = 1;
const ENTRIES = 'entries';
const LOGS = 'logs';
const VALUES = 'values';

interface EntryRecord {
  id: string;
  ranges: BlockRange[];
  tip?: { block: bigint; hash: `0x${string}` };
}

interface LogRecord {
  id: string;
  block: number;
  index: number;
  log: StoredLog;
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export interface IndexedDbHistoryStoreOptions {
  /** The IndexedDB to use and its key range class: the browser's by default; tests pass fake-indexeddb's. */
  factory?: IDBFactory;
  keyRange?: typeof IDBKeyRange;
  name?: string;
}

/** Opens (creating or upgrading) the IndexedDB database `callisto-hub-history`. Rejects when IndexedDB is
 * unavailable (some private windows), so the caller can fall back to memory. */
export async function openIndexedDbHistoryStore(options: IndexedDbHistoryStoreOptions = {}): Promise<HistoryStore> {
  const factory = options.factory ?? globalThis.indexedDB;
  const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
  const name = options.name ?? 'callisto-hub-history';
  if (!factory || !keyRange) throw new Error('IndexedDB is not available in this browser');
  /** Every log record of one entry from `fromBlock` on. */
  const logKeys = (id: string, fromBlock = 0) => keyRange.bound([id, fromBlock, 0], [id, Infinity, Infinity]);
  const open = factory.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(LOGS)) db.createObjectStore(LOGS, { keyPath: ['id', 'block', 'index'] });
    if (!db.objectStoreNames.contains(VALUES)) db.createObjectStore(VALUES);
  };
  const db = await requestDone(open);
  // Another tab upgrading the schema asks this one to let go.
  db.onversionchange = () => db.close();

  return {
    async read(key) {
      const id = historyKeyId(key);
      const tx = db.transaction([ENTRIES, LOGS], 'readonly');
      const [entry, records] = await Promise.all([
        requestDone(tx.objectStore(ENTRIES).get(id) as IDBRequest<EntryRecord | undefined>),
        requestDone(tx.objectStore(LOGS).getAll(logKeys(id)) as IDBRequest<LogRecord[]>),
      ]);
      if (!entry) return undefined;
      return {
        ranges: entry.ranges,
        logs: records.map((r) => r.log),
        ...(entry.tip ? { tip: entry.tip } : {}),
      };
    },

    async update(key, update) {
      const id = historyKeyId(key);
      const tx = db.transaction([ENTRIES, LOGS], 'readwrite');
      const done = transactionDone(tx);
      const entries = tx.objectStore(ENTRIES);
      const logs = tx.objectStore(LOGS);
      // Requests queued in one transaction run in order: the read, the deletes, the puts.
      const current = (await requestDone(entries.get(id) as IDBRequest<EntryRecord | undefined>)) ?? {
        id,
        ranges: [],
      };
      let ranges = current.ranges;
      let tip = current.tip;
      if (update.invalidateFrom !== undefined) {
        const cut = update.invalidateFrom;
        logs.delete(logKeys(id, Number(cut)));
        ranges = rangesBefore(ranges, cut);
        if (tip && tip.block >= cut) tip = undefined;
      }
      for (const log of update.logs) {
        const record: LogRecord = {
          id,
          block: Number(BigInt(log.blockNumber)),
          index: Number(BigInt(log.logIndex)),
          log,
        };
        logs.put(record);
      }
      tip = update.tip ?? tip;
      const record: EntryRecord = { id, ranges: mergeRanges([...ranges, ...update.ranges]), ...(tip ? { tip } : {}) };
      entries.put(record);
      await done;
    },

    async readValue(valueName) {
      const tx = db.transaction(VALUES, 'readonly');
      const value = await requestDone(tx.objectStore(VALUES).get(valueName) as IDBRequest<string | undefined>);
      return typeof value === 'string' ? value : undefined;
    },

    async writeValue(valueName, value) {
      const tx = db.transaction(VALUES, 'readwrite');
      const done = transactionDone(tx);
      tx.objectStore(VALUES).put(value, valueName);
      await done;
    },
  };
}
