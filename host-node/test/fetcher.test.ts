// Replication's log as an operator reads it: a peer that does not hold a file yet (404, the normal race of a fresh
// upload) is no failure and writes no line; a peer that fails for real (a server error, bytes that do not hash to
// the CID) is logged, one line each. Real HTTP peers on loopback; the store is a map of verified blocks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDag } from '../src/fetcher';
import type { BlockStorage } from '../src/store';

function memoryBlocks(): BlockStorage & { count(): number } {
  const blocks = new Map<string, Uint8Array>();
  return {
    async *get(cid) {
      const bytes = blocks.get(cid.toString());
      if (!bytes) throw new Error(`no block ${cid}`);
      yield bytes;
    },
    has: async (cid) => blocks.has(cid.toString()),
    size: async (cid) => blocks.get(cid.toString())?.byteLength,
    put: async (cid, bytes) => {
      blocks.set(cid.toString(), bytes);
      return cid;
    },
    count: () => blocks.size,
  };
}

/** A peer answering every request with `status` (and, for 200, `body` as a raw block). */
async function peer(status: number, body = new Uint8Array()): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const wantsRaw = request.url?.includes('format=raw');
    if (status === 200 && wantsRaw) {
      response.writeHead(200, { 'content-type': 'application/vnd.ipld.raw' });
      response.end(body);
      return;
    }
    // The CAR form is refused with the same status as anything else, except a 200 peer which has no CAR: 404.
    response.writeHead(status === 200 ? 404 : status);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('fetching a DAG from peers, as the log tells it', () => {
  const bytes = new TextEncoder().encode('a block every peer is asked for\n');
  let root: CID;
  const peers: Server[] = [];
  let notYet: string;
  let broken: string;
  let holder: string;

  beforeAll(async () => {
    root = CID.createV1(raw.code, await sha256.digest(bytes));
    const started = await Promise.all([peer(404), peer(500), peer(200, bytes)]);
    for (const p of started) peers.push(p.server);
    [notYet, broken, holder] = started.map((p) => p.url) as [string, string, string];
  });

  afterAll(async () => {
    await Promise.all(peers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const options = (lines: string[]) => ({
    signal: new AbortController().signal,
    maxBytes: 1_000_000n,
    idleTimeoutMs: 5_000,
    log: (line: string) => lines.push(line),
  });

  it('says nothing when the only peer does not hold the file yet, and counts it for one note', async () => {
    const lines: string[] = [];
    const result = await fetchDag(root, [notYet], memoryBlocks(), options(lines));
    expect(result).toEqual({ stored: 0, notHeldBy: 1 });
    expect(lines).toEqual([]);
  });

  it('logs a peer that fails for real, one line, beside a peer that only lacks the file', async () => {
    const lines: string[] = [];
    const result = await fetchDag(root, [notYet, broken], memoryBlocks(), options(lines));
    expect(result).toEqual({ stored: 0, notHeldBy: 1 });
    expect(lines).toEqual([`fetching ${root} as a CAR from ${broken} failed: answered 500`]);
  });

  it('completes the DAG from a peer that holds it, block by block after its CAR is missing', async () => {
    const lines: string[] = [];
    const blocks = memoryBlocks();
    const result = await fetchDag(root, [notYet, holder], blocks, options(lines));
    expect(result).toEqual({ from: holder, stored: 1, notHeldBy: 2 });
    expect(blocks.count()).toBe(1);
    expect(lines).toEqual([]);
  });
});
