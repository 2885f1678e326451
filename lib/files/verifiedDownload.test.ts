import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CarWriter } from '@ipld/car/writer';
import { importer, type ImportCandidate } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import type { CID } from 'multiformats/cid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NoVerifiedCopyError,
  VerificationError,
  VerifiedBlockstore,
  downloadVerified,
  downloadVerifiedFromNodes,
  exportVerified,
  parseCid,
  readVerifiedCar,
} from './verifiedDownload';

interface Block {
  cid: CID;
  bytes: Uint8Array;
}

/** Keeps every block the importer writes under the CID it gives (a memory blockstore would key by multihash and
 * hand back raw-codec CIDs). */
class CollectingStore {
  readonly blocks: Block[] = [];
  async put(cid: CID, value: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<CID> {
    const parts: Uint8Array[] = [];
    if (value instanceof Uint8Array) parts.push(value);
    else for await (const part of value) parts.push(part);
    if (!this.blocks.some((b) => b.cid.equals(cid))) this.blocks.push({ cid, bytes: Buffer.concat(parts) });
    return cid;
  }
}

/** Imports as `ipfs add --cid-version 1` does and returns the root and every block. */
async function importBlocks(candidates: ImportCandidate[]): Promise<{ root: CID; blocks: Block[] }> {
  const store = new CollectingStore();
  let root: CID | undefined;
  for await (const entry of importer(candidates, store, {
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize: 262_144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    reduceSingleLeafToSelf: true,
    wrapWithDirectory: false,
  })) {
    root = entry.cid;
  }
  return { root: root!, blocks: store.blocks };
}

async function carBytes(root: CID, blocks: Block[]): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create([root]);
  const collected = (async () => {
    const parts: Uint8Array[] = [];
    for await (const part of out) parts.push(part);
    return Buffer.concat(parts);
  })();
  for (const block of blocks) await writer.put(block);
  await writer.close();
  return collected;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // In uneven slices, as a network delivers them.
  for (let i = 0; i < bytes.length; i += 7_001) yield bytes.subarray(i, i + 7_001);
}

function patterned(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

async function text(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function verifyError(promise: Promise<unknown>): Promise<VerificationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerificationError) return error;
    throw error;
  }
  throw new Error('expected the verification to refuse');
}

const bigContent = Buffer.from(patterned(700_000)); // three 256 KiB chunks: a dag-pb root over raw leaves

describe('readVerifiedCar and exportVerified', () => {
  it('rebuilds a one-chunk file (a raw root) from verified blocks', async () => {
    const content = new TextEncoder().encode('hello, Callisto\n');
    const { root, blocks } = await importBlocks([{ path: 'hello.txt', content }]);
    expect(root.toString()).toMatch(/^bafkrei/);
    const store = await readVerifiedCar(once(await carBytes(root, blocks)), root);
    const result = await exportVerified(root, store, 'hello.txt');
    expect(result.kind).toBe('file');
    expect(result.totalBytes).toBe(content.length);
    expect(result.files[0]!.path).toBe('hello.txt');
    expect(await text(result.files[0]!.blob)).toEqual(content);
  });

  it('rebuilds a file of several chunks', async () => {
    const { root, blocks } = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    expect(blocks.length).toBe(4);
    const store = await readVerifiedCar(once(await carBytes(root, blocks)), root);
    const result = await exportVerified(root, store, 'big.bin');
    expect(result.blocks).toBe(4);
    expect(Buffer.from(await text(result.files[0]!.blob)).equals(bigContent)).toBe(true);
  });

  it('rebuilds every file of a folder with its path', async () => {
    const { root, blocks } = await importBlocks([
      { path: 'site/index.html', content: new TextEncoder().encode('<h1>hi</h1>') },
      { path: 'site/img/logo.bin', content: bigContent },
    ]);
    const store = await readVerifiedCar(once(await carBytes(root, blocks)), root);
    const result = await exportVerified(root, store, 'site');
    expect(result.kind).toBe('directory');
    expect(result.files.map((f) => [f.path, f.size])).toEqual([
      ['site/img/logo.bin', bigContent.length],
      ['site/index.html', 11],
    ]);
    expect(result.totalBytes).toBe(bigContent.length + 11);
  });

  it('refuses a CAR in which one byte of one block was changed, naming the block', async () => {
    const { root, blocks } = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    const leaf = blocks.find((b) => b.cid.code === 0x55)!;
    const tampered = blocks.map((b) => {
      if (b !== leaf) return b;
      const bytes = new Uint8Array(b.bytes);
      bytes[1234] = bytes[1234]! ^ 0xff;
      return { cid: b.cid, bytes };
    });
    const error = await verifyError(readVerifiedCar(once(await carBytes(root, tampered)), root));
    expect(error.kind).toBe('hash-mismatch');
    expect(error.cid).toBe(leaf.cid.toString());
    expect(error.message).toMatch(/does not match its CID/);
  });

  it('refuses a tampered root block as well', async () => {
    const { root, blocks } = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    const tampered = blocks.map((b) =>
      b.cid.equals(root) ? { cid: b.cid, bytes: Uint8Array.from([...b.bytes.subarray(0, -1), 0]) } : b,
    );
    const error = await verifyError(readVerifiedCar(once(await carBytes(root, tampered)), root));
    expect(error.kind).toBe('hash-mismatch');
    expect(error.cid).toBe(root.toString());
  });

  it('refuses a CAR that leaves out a block the file needs', async () => {
    const { root, blocks } = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    const missing = blocks.find((b) => !b.cid.equals(root))!;
    const store = await readVerifiedCar(
      once(
        await carBytes(
          root,
          blocks.filter((b) => b !== missing),
        ),
      ),
      root,
    );
    const error = await verifyError(exportVerified(root, store));
    expect(error.kind).toBe('missing-block');
    expect(error.cid).toBe(missing.cid.toString());
  });

  it('refuses a CAR for another root', async () => {
    const a = await importBlocks([{ path: 'a', content: new TextEncoder().encode('a') }]);
    const b = await importBlocks([{ path: 'b', content: new TextEncoder().encode('b') }]);
    const error = await verifyError(readVerifiedCar(once(await carBytes(b.root, b.blocks)), a.root));
    expect(error.kind).toBe('wrong-root');
  });

  it('refuses bytes that are not a CAR', async () => {
    const { root } = await importBlocks([{ path: 'a', content: new TextEncoder().encode('a') }]);
    const error = await verifyError(readVerifiedCar(once(new TextEncoder().encode('<html>404</html>')), root));
    expect(error.kind).toBe('malformed');
  });

  it('keeps no block that failed its check', async () => {
    const { root, blocks } = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    const store = new VerifiedBlockstore();
    const leaf = blocks.find((b) => !b.cid.equals(root))!;
    await expect(store.putVerified(leaf.cid, new Uint8Array(leaf.bytes.length))).rejects.toThrow(VerificationError);
    expect(store.size).toBe(0);
    expect(() => [...store.get(leaf.cid)]).toThrow(/did not send block/);
  });
});

describe('downloadVerified over HTTP', () => {
  let server: Server;
  let base: string;
  let good: Uint8Array;
  let bad: Uint8Array;
  let root: CID;
  const requests: { url: string; accept: string | undefined }[] = [];

  beforeAll(async () => {
    const imported = await importBlocks([{ path: 'big.bin', content: bigContent }]);
    root = imported.root;
    good = await carBytes(root, imported.blocks);
    bad = await carBytes(
      root,
      imported.blocks.map((b) =>
        b.cid.code === 0x55 ? { cid: b.cid, bytes: Uint8Array.from(b.bytes, (x, i) => (i === 0 ? x ^ 1 : x)) } : b,
      ),
    );
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', accept: req.headers.accept });
      const [node, rest] = (req.url ?? '').slice(1).split(/\/(.*)/s);
      if (rest !== `ipfs/${root.toString()}?format=car`) return void res.writeHead(404).end('{"error":"Not found."}');
      const body = node === 'honest' ? good : node === 'tampering' ? bad : undefined;
      if (!body) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/vnd.ipld.car', 'content-length': body.length });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks for a CAR and returns the verified file, reporting progress', async () => {
    const progress: number[] = [];
    const result = await downloadVerified(`${base}/honest/`, root.toString(), {
      name: 'big.bin',
      onProgress: (p) => progress.push(p.received),
    });
    expect(requests.at(-1)).toEqual({
      url: `/honest/ipfs/${root.toString()}?format=car`,
      accept: 'application/vnd.ipld.car',
    });
    expect(Buffer.from(await text(result.files[0]!.blob)).equals(bigContent)).toBe(true);
    expect(progress.at(-1)).toBe(good.length);
  });

  it('refuses a node that sends a tampered block', async () => {
    const error = await verifyError(downloadVerified(`${base}/tampering`, root.toString()));
    expect(error.kind).toBe('hash-mismatch');
  });

  it('says when a node does not hold the file or does not answer', async () => {
    expect((await verifyError(downloadVerified(`${base}/honest`, parseCid('bafkqaaa').toString()))).kind).toBe(
      'not-found',
    );
    expect((await verifyError(downloadVerified('http://127.0.0.1:9', root.toString()))).kind).toBe('offline');
  });

  it('moves past a tampering node to an honest one and reports the refused copy', async () => {
    const failures: string[] = [];
    const result = await downloadVerifiedFromNodes(
      ['http://127.0.0.1:9', `${base}/tampering`, `${base}/honest`],
      root.toString(),
      { onNodeFailed: (f) => failures.push(`${f.endpoint} ${f.error.kind}`) },
    );
    expect(result.endpoint).toBe(`${base}/honest`);
    expect(failures).toEqual(['http://127.0.0.1:9 offline', `${base}/tampering hash-mismatch`]);
    expect(result.content.totalBytes).toBe(bigContent.length);
  });

  it('fails when no node sends a copy that verifies', async () => {
    await expect(downloadVerifiedFromNodes([`${base}/tampering`], root.toString())).rejects.toThrow(
      NoVerifiedCopyError,
    );
    await expect(downloadVerifiedFromNodes([`${base}/honest`], 'not-a-cid')).rejects.toThrow(/is not a CID/);
  });
});
