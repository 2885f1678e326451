// The host node's parts that need no chain: settings, Range parsing, the write lock, the DAG walks, and the pins and
// garbage collection of the embedded store, a real Helia node on disk.
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as dagPb from '@ipld/dag-pb';
import { NextToLast } from 'blockstore-fs/sharding';
import { FsDatastore } from 'datastore-fs';
import type { GraphWalkerComponents } from 'helia';
import { Key } from 'interface-datastore';
import { UnixFS } from 'ipfs-unixfs';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';
import { describe, expect, it } from 'vitest';
import { importToBlockstore } from '@callisto-hub/unixfs';
import { DEFAULT_LIMITS, loadConfigFromEnv } from '../src/config';
import { clientKey } from '../src/limits';
import { confirmBatchSize, confirmGasBudget, MAX_CONFIRM_BATCH } from '../src/batching';
import { fileBytes, inspectDag, pinWalker } from '../src/dag';
import { EmbeddedStore } from '../src/embeddedStore';
import { parseRange } from '../src/gateway';
import { WriteLock } from '../src/lock';
import { removeDir, tempDir, testBytes } from './harness';

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const BASE = { HOST_NODE_PRIVATE_KEY: KEY, HOST_NODE_RPC_URL: 'http://127.0.0.1:8545' };

describe('loadConfigFromEnv', () => {
  it('applies defaults and reads every setting', () => {
    const defaults = loadConfigFromEnv(BASE);
    expect(defaults).toMatchObject({ host: '127.0.0.1', port: 5101, graceSeconds: 3600, pollMs: 2000 });
    expect(defaults.fileSystemAddress).toBeUndefined();
    expect(defaults.kuboApiUrl).toBeUndefined();
    expect(defaults.limits).toEqual(DEFAULT_LIMITS);
    // CORS follows the app's port (PORT, as `npm run dev` serves it), not a fixed 3000.
    expect(defaults.corsOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(loadConfigFromEnv({ ...BASE, PORT: '4100' }).corsOrigins).toEqual([
      'http://localhost:4100',
      'http://127.0.0.1:4100',
    ]);

    const set = loadConfigFromEnv({
      ...BASE,
      HOST_NODE_FILE_SYSTEM_ADDRESS: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      HOST_NODE_HOST: '0.0.0.0',
      HOST_NODE_PORT: '0',
      HOST_NODE_DATA_DIR: '/var/lib/callisto',
      HOST_NODE_CORS_ORIGINS: 'https://hub.example, http://localhost:3000',
      HOST_NODE_MAX_UPLOAD_BYTES: '1048576',
      HOST_NODE_GRACE_SECONDS: '0',
      HOST_NODE_KUBO_API_URL: 'http://127.0.0.1:5001/',
      HOST_NODE_POLL_MS: '100',
      HOST_NODE_MAX_BLOCK_RANGE: '500',
      HOST_NODE_CONFIRMATION_BLOCKS: '3',
      HOST_NODE_START_BLOCK: '12345',
      HOST_NODE_HEADERS_TIMEOUT_MS: '5000',
      HOST_NODE_IDLE_TIMEOUT_MS: '7000',
      HOST_NODE_REQUEST_TIMEOUT_MS: '60000',
      HOST_NODE_MAX_CONNECTIONS_PER_CLIENT: '10',
      HOST_NODE_MAX_UPLOADS_PER_CLIENT: '1',
      HOST_NODE_MAX_UPLOADS: '8',
      HOST_NODE_MAX_UPLOAD_ENTRIES: '100',
      HOST_NODE_MAX_READS_PER_CLIENT: '3',
      HOST_NODE_MAX_READS: '9',
      HOST_NODE_MAX_STAGED_BYTES_PER_CLIENT: '1000',
      HOST_NODE_MAX_STAGED_BYTES: '5000',
      HOST_NODE_TRUSTED_PROXIES: '10.0.0.1, ::1',
    });
    expect(set).toMatchObject({
      fileSystemAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      host: '0.0.0.0',
      port: 0,
      dataDir: '/var/lib/callisto',
      corsOrigins: ['https://hub.example', 'http://localhost:3000'],
      maxUploadBytes: 1_048_576,
      graceSeconds: 0,
      kuboApiUrl: 'http://127.0.0.1:5001',
      pollMs: 100,
      maxBlockRange: 500,
      confirmationBlocks: 3,
      startBlock: 12345n,
      limits: {
        headersTimeoutMs: 5000,
        idleTimeoutMs: 7000,
        requestTimeoutMs: 60_000,
        maxConnectionsPerClient: 10,
        maxUploadsPerClient: 1,
        maxUploads: 8,
        maxUploadEntries: 100,
        maxReadsPerClient: 3,
        maxReads: 9,
        maxStagedBytesPerClient: 1000,
        maxStagedBytes: 5000,
        trustedProxies: ['10.0.0.1', '::1'],
      },
    });
  });

  it('refuses bad settings with one line naming the variable', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ HOST_NODE_RPC_URL: 'http://x' }, /^HOST_NODE_PRIVATE_KEY is required/],
      [{ ...BASE, HOST_NODE_PRIVATE_KEY: '0x1234' }, /^HOST_NODE_PRIVATE_KEY must be 32 bytes/],
      [{ HOST_NODE_PRIVATE_KEY: KEY }, /^HOST_NODE_RPC_URL is required/],
      [{ ...BASE, HOST_NODE_RPC_URL: 'ws://x' }, /^HOST_NODE_RPC_URL must be an http/],
      [{ ...BASE, HOST_NODE_FILE_SYSTEM_ADDRESS: '0x12' }, /^HOST_NODE_FILE_SYSTEM_ADDRESS must be/],
      [{ ...BASE, HOST_NODE_PORT: '70000' }, /^HOST_NODE_PORT must be between 0 and 65535/],
      [{ ...BASE, HOST_NODE_MAX_UPLOAD_BYTES: '1e9' }, /^HOST_NODE_MAX_UPLOAD_BYTES must be a whole number/],
      [{ ...BASE, HOST_NODE_MAX_UPLOAD_BYTES: '0' }, /^HOST_NODE_MAX_UPLOAD_BYTES must be between 1/],
      [{ ...BASE, HOST_NODE_CORS_ORIGINS: 'https://a.example/path' }, /^HOST_NODE_CORS_ORIGINS must list origins/],
      [{ ...BASE, HOST_NODE_KUBO_API_URL: 'localhost:5001' }, /^HOST_NODE_KUBO_API_URL must be/],
      [{ ...BASE, HOST_NODE_POLL_MS: '5' }, /^HOST_NODE_POLL_MS must be between 10/],
      [{ ...BASE, HOST_NODE_START_BLOCK: '-1' }, /^HOST_NODE_START_BLOCK must be a block number/],
      [{ ...BASE, HOST_NODE_IDLE_TIMEOUT_MS: '10' }, /^HOST_NODE_IDLE_TIMEOUT_MS must be between 100/],
      [{ ...BASE, HOST_NODE_MAX_UPLOADS: '0' }, /^HOST_NODE_MAX_UPLOADS must be between 1/],
      [{ ...BASE, HOST_NODE_TRUSTED_PROXIES: 'proxy.example' }, /^HOST_NODE_TRUSTED_PROXIES must list IP addresses/],
      [
        { ...BASE, HOST_NODE_HEADERS_TIMEOUT_MS: '9000', HOST_NODE_REQUEST_TIMEOUT_MS: '5000' },
        /^HOST_NODE_HEADERS_TIMEOUT_MS \(9000\) must not exceed HOST_NODE_REQUEST_TIMEOUT_MS/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfigFromEnv(env)).toThrow(message);
      try {
        loadConfigFromEnv(env);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('clientKey', () => {
  it('counts IPv4 addresses alone, IPv6 by their /64, and IPv4-mapped IPv6 as IPv4', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('parseRange', () => {
  it('reads single ranges and refuses the rest', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined(); // several ranges: the whole file
    expect(() => parseRange('bytes=10-', 10)).toThrow(expect.objectContaining({ status: 416 }));
    expect(() => parseRange('bytes=-0', 10)).toThrow(expect.objectContaining({ status: 416 }));
    expect(() => parseRange('bytes=0-', 0)).toThrow(expect.objectContaining({ status: 416 }));
    expect(() => parseRange('bytes=5-2', 10)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseRange('bytes=-', 10)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseRange('items=0-1', 10)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('WriteLock', () => {
  it('lets writers share and makes the collector wait for them, and them for it', async () => {
    const lock = new WriteLock();
    const order: string[] = [];
    let releaseWriter!: () => void;
    const writer = lock.shared(async () => {
      order.push('writer start');
      await new Promise<void>((resolve) => (releaseWriter = resolve));
      order.push('writer end');
    });
    const second = lock.shared(async () => order.push('second writer'));
    await second;
    const collector = lock.exclusive(async () => order.push('collector'));
    const late = lock.shared(async () => order.push('late writer'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['writer start', 'second writer']);
    releaseWriter();
    await Promise.all([writer, collector, late]);
    expect(order).toEqual(['writer start', 'second writer', 'writer end', 'collector', 'late writer']);
  });
});

describe('DAG walks on the embedded store', () => {
  it('counts repeated leaves as often as the file repeats them, and reads any range', async () => {
    const dir = await tempDir('dag');
    try {
      const store = await EmbeddedStore.open(dir);
      // Six chunks, of which four are the same zero chunk: one stored block, four links to it.
      const bytes = new Uint8Array(6 * 262_144);
      bytes.set(testBytes(262_144, 1), 0);
      bytes.set(testBytes(262_144, 2), 3 * 262_144);
      const imported = await importToBlockstore(store.blocks, [
        {
          path: 'zeros.bin',
          content: (async function* () {
            yield bytes;
          })(),
        },
      ]);
      const root = CID.parse(imported.cid);
      const inspection = await inspectDag(store.blocks, root);
      expect(inspection).toMatchObject({ complete: true, contentBytes: BigInt(bytes.byteLength), blocks: 4 });

      for (const [start, end] of [
        [0, bytes.byteLength],
        [262_140, 262_150],
        [5 * 262_144 - 1, 5 * 262_144 + 1],
        [100, 100],
      ] as const) {
        const parts: Uint8Array[] = [];
        for await (const part of fileBytes(store.blocks, root, start, end)) parts.push(part);
        expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(start, end)))).toBe(true);
      }

      // A store holding only the root knows which leaves are missing (each distinct one once).
      const other = await EmbeddedStore.open(join(dir, 'other'));
      const rootBytes: Uint8Array[] = [];
      for await (const chunk of store.blocks.get(root)) rootBytes.push(chunk);
      await other.blocks.put(root, Buffer.concat(rootBytes));
      const partial = await inspectDag(other.blocks, root);
      expect(partial.complete).toBe(false);
      expect(partial.missing).toHaveLength(3);
      await other.close();

      // Unpinned, everything goes at the next collection.
      await store.pin(root, 'staged');
      await store.unpin(root, 'staged');
      expect((await store.gc()).removedBlocks).toBe(4);
      expect(await store.storedBytes()).toBe(0n);
      expect((await inspectDag(store.blocks, root)).missing.map(String)).toEqual([root.toString()]);
      await store.close();
    } finally {
      await removeDir(dir);
    }
  });
});

async function importBytes(store: EmbeddedStore, path: string, bytes: Uint8Array): Promise<CID> {
  const imported = await importToBlockstore(store.blocks, [
    {
      path,
      content: (async function* () {
        yield bytes;
      })(),
    },
  ]);
  return CID.parse(imported.cid);
}

async function complete(store: EmbeddedStore, root: CID): Promise<boolean> {
  return (await inspectDag(store.blocks, root)).complete;
}

describe('pins and garbage collection of the embedded Helia store', () => {
  const chunk = (seed: number) => testBytes(262_144, seed);
  const join2 = (a: Uint8Array, b: Uint8Array) => Buffer.concat([a, b]);

  it('keeps held and staged apart on one content, and keeps shared blocks through unpins and re-pins', async () => {
    const dir = await tempDir('pins');
    try {
      let store = await EmbeddedStore.open(dir);
      // Two files that share their first chunk.
      const a = await importBytes(store, 'a.bin', join2(chunk(1), chunk(2)));
      const b = await importBytes(store, 'b.bin', join2(chunk(1), chunk(3)));

      await store.pin(b, 'held');
      await store.pin(a, 'staged');
      await store.pin(a, 'held');
      await store.unpin(a, 'staged');
      expect(await store.isPinned(a, 'held')).toBe(true);
      expect(await store.isPinned(a, 'staged')).toBe(false);
      expect((await store.pins('held')).map(String).sort()).toEqual([a, b].map(String).sort());
      expect(await store.pins('staged')).toEqual([]);

      // Helia's pins.rm leaves the removed root listed on the blocks it shares; pinning that root again would then
      // count them once too few, and a second removal would leave b without its first chunk.
      await store.unpin(a, 'held');
      await store.pin(a, 'staged');
      await store.unpin(a, 'staged');
      expect((await store.gc()).removedBlocks).toBe(2); // a's root and its own chunk
      expect(await complete(store, b)).toBe(true);
      expect(await complete(store, a)).toBe(false);

      // The pins are Helia's, on disk: a reopened store knows them.
      await store.close();
      store = await EmbeddedStore.open(dir);
      expect(await store.isPinned(b, 'held')).toBe(true);
      expect(await store.isPinned(a)).toBe(false);
      expect((await store.gc()).removedBlocks).toBe(0);

      // Nothing stays counted once the last pin goes.
      await store.unpin(b, 'held');
      expect((await store.gc()).removedBlocks).toBe(3);
      expect(await store.storedBytes()).toBe(0n);
      await store.close();
    } finally {
      await removeDir(dir);
    }
  });

  it('finishes a pin that failed half way at the next start, with exact counts', async () => {
    const dir = await tempDir('journal');
    try {
      let store = await EmbeddedStore.open(dir);
      const shared = await importBytes(store, 'shared.bin', join2(chunk(4), chunk(5)));
      await store.pin(shared, 'held');
      const bytes = Buffer.concat([chunk(4), chunk(6), chunk(7)]);
      const file = await importBytes(store, 'file.bin', bytes);
      // Its last chunk goes missing from disk: the pin walk fails after counting the blocks before it.
      const lastLeaf = CID.createV1(raw.code, await sha256.digest(chunk(7)));
      const { dir: shard, file: name } = new NextToLast().encode(lastLeaf);
      await rm(join(dir, 'blocks', shard, name));
      await expect(store.pin(file, 'staged')).rejects.toThrow();
      expect(await store.isPinned(file)).toBe(false);
      await store.blocks.put(lastLeaf, chunk(7));
      await store.close();
      // And a datastore write cut short by a kill leaves its temporary file, which the next start removes.
      const leftover = join(dir, 'datastore', 'pinned-block', '.cut.data.tmp');
      await writeFile(leftover, 'half');

      const lines: string[] = [];
      store = await EmbeddedStore.open(dir, (line) => lines.push(line));
      expect(lines).toEqual([`finished pinning ${file}, which a stop had cut short`]);
      expect(await store.isPinned(file, 'staged')).toBe(true);
      await expect(access(leftover)).rejects.toThrow();
      expect((await store.gc()).removedBlocks).toBe(0);
      await store.unpin(file, 'staged');
      expect((await store.gc()).removedBlocks).toBe(3); // its root and two own chunks; chunk 4 is shared's
      expect(await complete(store, shared)).toBe(true);
      await store.unpin(shared, 'held');
      await store.gc();
      expect(await store.storedBytes()).toBe(0n);
      await store.close();
    } finally {
      await removeDir(dir);
    }
  });

  it('walks a pin one block at a time, each distinct block once', async () => {
    // The shape of a 1 GiB file (4,000 leaves under nodes of 174 links) with 8-byte leaves, served from memory
    // by a blockstore that counts its reads.
    const blocks = new Map<string, Uint8Array>();
    const put = async (code: number, bytes: Uint8Array) => {
      const cid = CID.createV1(code, await sha256.digest(bytes));
      blocks.set(cid.toString(), bytes);
      return cid;
    };
    const leaves: CID[] = [];
    for (let i = 0; i < 4000; i++) {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setUint32(0, i);
      leaves.push(await put(raw.code, bytes));
    }
    const node = (links: CID[]) => {
      const data = new UnixFS({ type: 'file', blockSizes: links.map(() => 8n) }).marshal();
      return put(dagPb.code, dagPb.encode(dagPb.prepare({ Data: data, Links: links.map((Hash) => ({ Hash })) })));
    };
    const parents: CID[] = [];
    for (let i = 0; i < leaves.length; i += 174) parents.push(await node(leaves.slice(i, i + 174)));
    // One parent linked twice, as a file of repeated chunks links one leaf many times.
    const root = await node([...parents, parents[0] as CID]);

    let reads = 0;
    const counting = {
      async *get(cid: CID) {
        reads++;
        yield blocks.get(cid.toString()) as Uint8Array;
      },
    };
    const walker = pinWalker()({
      blockstore: counting as unknown as GraphWalkerComponents['blockstore'],
      getCodec: async (code: number) => (code === dagPb.code ? dagPb : raw),
    } as GraphWalkerComponents);
    const seen = new Set<string>();
    let ahead = 0;
    for await (const { block } of walker.walk(root)) {
      seen.add(block.cid.toString());
      ahead = Math.max(ahead, reads - seen.size);
      expect(block.bytes).toBe(blocks.get(block.cid.toString()));
      await new Promise((resolve) => setImmediate(resolve)); // a slow consumer, as Helia's datastore writes are
    }
    expect(ahead).toBe(0);
    expect(reads).toBe(seen.size);
    expect(seen.size).toBe(blocks.size);
  });

  it('refuses a data directory whose pins an earlier host node kept itself', async () => {
    const dir = await tempDir('old-layout');
    try {
      const old = new FsDatastore(join(dir, 'datastore'));
      await old.open();
      await old.put(
        new Key('/pins/held/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'),
        new Uint8Array(),
      );
      await old.close();
      await expect(EmbeddedStore.open(dir)).rejects.toThrow(/earlier host node.*remove the data directory/);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('confirmBatchSize', () => {
  it('fills half a block at the measured gas a file, within the contract’s 200', () => {
    // (gas limit / 2 - 60,000) / 100,000 files.
    expect(confirmBatchSize(8_000_000n)).toBe(39);
    expect(confirmBatchSize(1_000_000n)).toBe(4);
    expect(confirmBatchSize(30_000_000n)).toBe(149);
    expect(confirmBatchSize(100_000_000n)).toBe(MAX_CONFIRM_BATCH);
    // A block too small for two files still gets one a transaction.
    expect(confirmBatchSize(100_000n)).toBe(1);
    expect(confirmGasBudget(8_000_000n)).toBe(4_000_000n);
  });
});
