// The two HistoryStore implementations the app ships: memory (tests, and the fallback when IndexedDB is missing
// or refused, e.g. private windows) and IndexedDB (the browser, one database for every chain and contract).
import type { HistoryStore } from './types';

export declare function createMemoryHistoryStore(): HistoryStore;

/** Opens (creating or upgrading) the IndexedDB database `callisto-hub-history`. `factory` is the IndexedDB to use
 * (globalThis.indexedDB by default; tests pass fake-indexeddb's). Rejects when IndexedDB is unavailable. */
export declare function openIndexedDbHistoryStore(factory?: IDBFactory, name?: string): Promise<HistoryStore>;
