// Where the node keeps blocks and pins, behind one interface: the embedded store (a Helia node with its blocks and
// pins on disk under the data directory, nothing dials out) or an external Kubo node reached over its RPC API.
// Everything else in the node (uploads, the gateway, replication, garbage collection) talks only to this interface.
import { join } from 'node:path';
import type { CID } from 'multiformats/cid';
import type { BlockReader } from './dag';
import { EmbeddedStore } from './embeddedStore';
import type { WriteLock } from './lock';
import type { Log } from './log';

/** `held`: an on-chain file this node keeps. `staged`: an unregistered upload inside its grace period. */
export type PinKind = 'held' | 'staged';

export interface BlockStorage extends BlockReader {
  get(cid: CID, options?: { signal?: AbortSignal }): AsyncGenerator<Uint8Array>;
  /** Stores a block whose bytes the caller has hashed to `cid` (the importer, or a verified fetch). */
  put(cid: CID, bytes: Uint8Array, options?: { signal?: AbortSignal }): Promise<CID>;
}

export interface GcResult {
  removedBlocks: number;
  removedBytes: bigint;
}

export interface ContentStore {
  readonly kind: 'embedded' | 'kubo';
  readonly blocks: BlockStorage;
  /** Writers of blocks not pinned yet hold it shared; gc() takes it exclusively. */
  readonly lock: WriteLock;
  /** Pins a root recursively. The caller has checked that the whole DAG is stored. */
  pin(cid: CID, kind: PinKind): Promise<void>;
  unpin(cid: CID, kind: PinKind): Promise<void>;
  isPinned(cid: CID, kind?: PinKind): Promise<boolean>;
  pins(kind: PinKind): Promise<CID[]>;
  /** Deletes every block that no pin of either kind reaches. */
  gc(): Promise<GcResult>;
  storedBytes(): Promise<bigint>;
  close(): Promise<void>;
}

export async function openStore(options: { dataDir: string; kuboApiUrl?: string; log?: Log }): Promise<ContentStore> {
  if (options.kuboApiUrl) {
    // Loaded only when used: kubo-rpc-client and its libp2p dependencies cost ~25 MB of memory.
    const { KuboStore } = await import('./kuboStore');
    return KuboStore.open(options.kuboApiUrl, join(options.dataDir, 'kubo-pins'));
  }
  return EmbeddedStore.open(join(options.dataDir, 'ipfs'), options.log);
}
