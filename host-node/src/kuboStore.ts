// The store over an operator's own Kubo node (HOST_NODE_KUBO_API_URL), through its RPC API. Blocks are the ones
// our importer builds (so CIDs are computed the same way as everywhere else) and are put one by one; reads are
// offline, so a missing block is reported missing instead of being searched for on the network. Kubo's garbage
// collector removes everything unpinned, so an unregistered upload in its grace period is a Kubo pin too (named
// callisto-staged); which of our pins exist is recorded locally, and the Kubo pin is removed with the last of them.
import { FsDatastore } from 'datastore-fs';
import { Key } from 'interface-datastore';
import { create, type HTTPRPCOptions, type KuboRPCClient } from 'kubo-rpc-client';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { WriteLock } from './lock';
import type { BlockStorage, ContentStore, GcResult, PinKind } from './store';

const PIN_KINDS: readonly PinKind[] = ['held', 'staged'];
/** kubo-rpc-client sends options it does not know as query parameters: `offline` makes Kubo answer from its own
 * blockstore instead of searching the network for a block it lacks. (Its `searchParams` option is spread as an
 * object and loses a URLSearchParams' entries.) */
const OFFLINE: HTTPRPCOptions & { offline: true } = { offline: true };

function pinKey(cid: CID, kind: PinKind): Key {
  return new Key(`/pins/${kind}/${cid.toV1().toString()}`);
}

export class KuboStore implements ContentStore {
  readonly kind = 'kubo' as const;
  readonly lock = new WriteLock();
  readonly blocks: BlockStorage;

  private constructor(
    private readonly client: KuboRPCClient,
    private readonly pinRecords: FsDatastore,
  ) {
    this.blocks = {
      async *get(cid, options) {
        yield await client.block.get(cid, { ...OFFLINE, signal: options?.signal });
      },
      async has(cid) {
        try {
          await client.block.stat(cid, OFFLINE);
          return true;
        } catch {
          return false;
        }
      },
      async size(cid) {
        try {
          return (await client.block.stat(cid, OFFLINE)).size;
        } catch {
          return undefined;
        }
      },
      async put(cid, bytes, options) {
        const stored = await client.block.put(bytes, {
          format: cid.code === raw.code ? 'raw' : 'dag-pb',
          mhtype: 'sha2-256',
          version: 1,
          signal: options?.signal,
        });
        if (!stored.multihash.bytes.every((byte, i) => byte === cid.multihash.bytes[i])) {
          throw new Error(`Kubo stored ${stored} for block ${cid}`);
        }
        return cid;
      },
    };
  }

  static async open(apiUrl: string, recordsDir: string): Promise<KuboStore> {
    const client = create({ url: apiUrl });
    try {
      await client.id();
    } catch (error) {
      throw new Error(`the Kubo RPC API at ${apiUrl} does not answer: ${(error as Error).message}`);
    }
    const records = new FsDatastore(recordsDir);
    await records.open();
    return new KuboStore(client, records);
  }

  async pin(cid: CID, kind: PinKind): Promise<void> {
    await this.client.pin.add(cid, { recursive: true, name: `callisto-${kind}` });
    await this.pinRecords.put(pinKey(cid, kind), new Uint8Array());
  }

  async unpin(cid: CID, kind: PinKind): Promise<void> {
    await this.pinRecords.delete(pinKey(cid, kind));
    if (await this.isPinned(cid)) return;
    try {
      await this.client.pin.rm(cid, { recursive: true });
    } catch (error) {
      if (!/not pinned/i.test((error as Error).message)) throw error;
    }
  }

  async isPinned(cid: CID, kind?: PinKind): Promise<boolean> {
    for (const k of kind ? [kind] : PIN_KINDS) {
      if (await this.pinRecords.has(pinKey(cid, k))) return true;
    }
    return false;
  }

  async pins(kind: PinKind): Promise<CID[]> {
    const out: CID[] = [];
    for await (const key of this.pinRecords.queryKeys({ prefix: `/pins/${kind}` })) {
      out.push(CID.parse(key.baseNamespace()));
    }
    return out;
  }

  gc(): Promise<GcResult> {
    return this.lock.exclusive(async () => {
      const before = (await this.client.repo.stat()).repoSize;
      let removedBlocks = 0;
      for await (const result of this.client.repo.gc()) if (result.cid) removedBlocks++;
      const after = (await this.client.repo.stat()).repoSize;
      return { removedBlocks, removedBytes: before > after ? before - after : 0n };
    });
  }

  async storedBytes(): Promise<bigint> {
    return (await this.client.repo.stat()).repoSize;
  }

  async close(): Promise<void> {
    await this.pinRecords.close();
  }
}
