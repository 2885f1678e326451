// Slow and hostile clients against one real host node (real anvil, Helia's store on disk), over real sockets, with
// its timeouts and limits set short so the suite stays fast: a body that stalls, a Content-Length that lies, a
// slowloris holding many connections, and clients that want more than their share of uploads, reads or staged
// bytes. Each case checks that other clients are still answered within a bound, that garbage collection and
// replication go on, and that nothing is left behind (an empty staging directory, no pin).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostNodeLimits } from '../src/config';
import {
  addOne,
  confirmers,
  electNode,
  health,
  metric,
  NODE_ACCOUNTS,
  register,
  removeDir,
  startFsChain,
  startNode,
  tempDir,
  testBytes,
  USER,
  waitFor,
  type FsChain,
  type TestNode,
} from './harness';
import {
  BOUNDARY,
  httpRequest,
  multipartBody,
  openRaw,
  uploadFrom,
  uploadHead,
  type RawConnection,
} from './rawClients';

const LIMITS: Partial<HostNodeLimits> = {
  headersTimeoutMs: 1000,
  idleTimeoutMs: 1500,
  requestTimeoutMs: 8000,
  maxConnectionsPerClient: 20,
  maxUploadsPerClient: 2,
  maxUploads: 4,
  maxReadsPerClient: 2,
  maxReads: 3,
  maxStagedBytesPerClient: 600_000,
  maxStagedBytes: 1_000_000,
};
/** How long another client may wait for an answer while hostile ones are connected. */
const ANSWER_WITHIN_MS = 5000;

let fs: FsChain;
let node: TestNode;
let dataDir: string;
const open: RawConnection[] = [];

beforeAll(async () => {
  fs = await startFsChain();
  dataDir = await tempDir('hostile');
  node = await startNode(fs, NODE_ACCOUNTS[0], dataDir, { graceSeconds: 1, limits: LIMITS });
  await electNode(fs, node, NODE_ACCOUNTS[0]);
});

afterAll(async () => {
  for (const connection of open) connection.socket.destroy();
  await node?.node.stop();
  await fs?.chain.stop();
  if (dataDir) await removeDir(dataDir);
});

async function stagingFiles(): Promise<string[]> {
  return readdir(join(dataDir, 'staging'));
}

/** The staging directory empties soon after a dropped upload's connection closes (its file is removed then). */
async function stagingEmptied(): Promise<void> {
  await waitFor('an empty staging directory', async () => (await stagingFiles()).length === 0, ANSWER_WITHIN_MS);
}

async function raw(initial: string | Buffer, localAddress?: string): Promise<RawConnection> {
  const connection = await openRaw(node.url, initial, localAddress);
  open.push(connection);
  return connection;
}

/** The start of a one-file multipart body: the part's head and `bytes` of its content, no end. */
function partialBody(bytes: number): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="stalled.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(testBytes(bytes, 3)),
  ]);
}

/** A stored file and its confirmation on chain: the write lock, the store and replication all work. */
async function storeAndConfirm(name: string, seed: number): Promise<void> {
  const bytes = testBytes(50_000, seed);
  const cid = await addOne(node.url, name, bytes);
  const id = await register(fs, USER, cid, BigInt(bytes.byteLength), name);
  await waitFor(`confirmation of ${name}`, async () => (await confirmers(fs, id)).includes(node.address));
}

describe('a body that stalls', () => {
  it('is dropped after the idle timeout and cleaned up, while collection, uploads and replication go on', async () => {
    const pinnedBefore = (await health(node.url)).pinned;
    // Headers and the first 100 kB of a 1 MB upload, then a byte now and then (never idle long enough to be dropped)
    // while the checks below run.
    const stalled = await raw(Buffer.concat([Buffer.from(uploadHead(node.url, 1_000_000)), partialBody(100_000)]));
    const drip = setInterval(() => stalled.socket.write('x'), 300);
    await waitFor('the stalled body in the staging directory', async () => (await stagingFiles()).length === 1);

    // An unregistered upload whose grace period (1 s) ends makes a garbage collection due while the client stalls:
    // it runs, and neither a new upload nor the replication and confirmation of a registered file waits for it.
    const logged = node.logs.length;
    await addOne(node.url, 'expiring.txt', new TextEncoder().encode('kept for the grace period only'));
    await waitFor('the collection', async () =>
      node.logs.slice(logged).some((line) => line.includes('garbage collection removed')),
    );
    const started = Date.now();
    await storeAndConfirm('while-stalled.bin', 11);
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    expect(stalled.isClosed()).toBe(false);
    clearInterval(drip);

    // Silent now: the idle timeout (1.5 s) drops it: a 408 in JSON, the connection closed, the partial body removed.
    await stalled.closed;
    expect(stalled.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(stalled.received()).toContain('"error":"The upload stalled: nothing arrived for 1500 ms."');
    await stagingEmptied();
    expect((await health(node.url)).pinned).toBe(Number(pinnedBefore) + 1);
    expect(node.logs.some((line) => line.includes('dropped an upload from 127.0.0.1'))).toBe(true);
  });

  it('a client that sends slowly but keeps sending is cut off by the whole-request timeout', async () => {
    const slow = await raw(Buffer.concat([Buffer.from(uploadHead(node.url, 1_000_000)), partialBody(1000)]));
    // A byte every 500 ms: never idle for 1.5 s, but the request may take only 8 s.
    const drip = setInterval(() => slow.socket.write('x'), 500);
    try {
      const started = Date.now();
      await slow.closed;
      expect(Date.now() - started).toBeLessThan(8000 + 2000);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(slow.received()).toContain('limit of 8 s for one request');
    } finally {
      clearInterval(drip);
    }
    await stagingEmptied();
  });
});

describe('a Content-Length that lies', () => {
  it('larger than the body: the complete multipart body then silence is dropped at the idle timeout', async () => {
    const body = multipartBody([{ path: 'short.bin', bytes: testBytes(10_000, 4) }]);
    const liar = await raw(Buffer.concat([Buffer.from(uploadHead(node.url, body.byteLength + 50_000)), body]));
    const answer = await httpRequest(`${node.url}/health`, { localAddress: '127.0.0.2', timeoutMs: ANSWER_WITHIN_MS });
    expect(answer.status).toBe(200);
    await liar.closed;
    expect(liar.received()).toMatch(/^HTTP\/1\.1 408 /);
    await stagingEmptied();
    expect(await metric(node.url, 'callisto_host_node_staged_uploads')).toBe(0);
  });

  it('smaller than the body: the cut body is refused as malformed and nothing is kept', async () => {
    const body = multipartBody([{ path: 'long.bin', bytes: testBytes(10_000, 5) }]);
    const liar = await raw(Buffer.concat([Buffer.from(uploadHead(node.url, 5_000)), body]));
    await liar.closed;
    // Node's parser meets the rest of the body as a request of its own, answers 400 and closes.
    expect(liar.received()).toMatch(/^HTTP\/1\.1 400 /);
    await stagingEmptied();
    expect(await metric(node.url, 'callisto_host_node_staged_uploads')).toBe(0);
  });
});

describe('a slowloris', () => {
  it('holds at most its share of connections, each closed at the header timeout, and others are answered', async () => {
    // 60 connections from one address, each sending a request line and one header, then a header byte now and then.
    const attackers = await Promise.all(
      Array.from({ length: 60 }, () => raw(`GET /health HTTP/1.1\r\nHost: node\r\nX-Slow: `, '127.0.0.5')),
    );
    const drip = setInterval(() => {
      for (const a of attackers) if (!a.isClosed()) a.socket.write('a');
    }, 200);
    try {
      // Past its 20 connections the address is refused at once with a JSON 429.
      await waitFor('the extra connections refused', async () => attackers.filter((a) => a.isClosed()).length >= 40);
      const refused = attackers.filter((a) => a.isClosed());
      expect(refused.length).toBe(40);
      for (const a of refused)
        expect(a.received()).toMatch(/^HTTP\/1\.1 429 [^]*"error":"Your address has 20 connections/);

      // Others, from another address, are answered meanwhile.
      for (let i = 0; i < 5; i++) {
        const answer = await httpRequest(`${node.url}/health`, {
          localAddress: '127.0.0.6',
          timeoutMs: ANSWER_WITHIN_MS,
        });
        expect(answer.status).toBe(200);
      }
      // The header timeout (1 s) closes the 20 it holds, however slowly they keep sending.
      const started = Date.now();
      await Promise.all(attackers.map((a) => a.closed));
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    } finally {
      clearInterval(drip);
    }
    // The address is served again once its connections are gone.
    expect((await httpRequest(`${node.url}/health`, { localAddress: '127.0.0.5' })).status).toBe(200);
  });

  it('from many addresses: every connection is closed at the header timeout while others are answered', async () => {
    const attackers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => raw('GET /health HTTP/1.1\r\nHost: node\r\n', `127.0.1.${i + 1}`)),
    );
    const answer = await httpRequest(`${node.url}/health`, { localAddress: '127.0.0.7', timeoutMs: ANSWER_WITHIN_MS });
    expect(answer.status).toBe(200);
    await Promise.all(attackers.map((a) => a.closed));
    for (const a of attackers) expect(a.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('clients that want more than their share', () => {
  it('uploads: a client past its limit gets a 429, everyone past the total a 503, both with Retry-After', async () => {
    const head = (address: string) =>
      raw(Buffer.concat([Buffer.from(uploadHead(node.url, 500_000)), partialBody(1000)]), address);
    const held = [await head('127.0.2.1'), await head('127.0.2.1')];
    await waitFor('two uploads received', async () => (await stagingFiles()).length === 2);
    const third = await uploadFrom(node.url, [{ path: 'a.txt', bytes: testBytes(100, 1) }], '127.0.2.1');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('1');
    expect(JSON.parse(third.body).error).toBe(
      'This node receives at most 2 uploads at a time from one address: send this one when another has finished.',
    );
    held.push(await head('127.0.2.2'), await head('127.0.2.3'));
    await waitFor('four uploads received', async () => (await stagingFiles()).length === 4);
    const fifth = await uploadFrom(node.url, [{ path: 'b.txt', bytes: testBytes(100, 2) }], '127.0.2.4');
    expect(fifth.status).toBe(503);
    expect(fifth.headers['retry-after']).toBe('1');
    expect(JSON.parse(fifth.body).error).toBe(
      'This node is receiving its limit of 4 uploads at a time: try again in a moment.',
    );
    // Reads are a separate share: still answered.
    expect((await httpRequest(`${node.url}/health`, { localAddress: '127.0.2.1' })).status).toBe(200);
    for (const connection of held) connection.socket.destroy();
    await waitFor('the cut uploads cleaned', async () => (await stagingFiles()).length === 0);
    expect((await uploadFrom(node.url, [{ path: 'c.txt', bytes: testBytes(100, 3) }], '127.0.2.1')).status).toBe(200);
  });

  it('unregistered bytes: capped per client address and in total, and the error says so', async () => {
    const big = (seed: number) => [{ path: `big-${seed}.bin`, bytes: testBytes(400_000, seed) }];
    // 400 kB unregistered from one address; 400 kB more would pass its 600 kB.
    expect((await uploadFrom(node.url, big(21), '127.0.3.1')).status).toBe(200);
    const mine = await uploadFrom(node.url, big(22), '127.0.3.1');
    expect(mine.status).toBe(429);
    expect(Number(mine.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(mine.body).error).toMatch(
      /^Your address has \d+ bytes of uploads here that are not registered on chain, and this node keeps at most 600000 bytes of them a client/,
    );
    // Another address may still send 400 kB; then the node's 1 MB total is full for everyone.
    expect((await uploadFrom(node.url, big(23), '127.0.3.2')).status).toBe(200);
    const anyone = await uploadFrom(node.url, big(24), '127.0.3.3');
    expect(anyone.status).toBe(503);
    expect(JSON.parse(anyone.body).error).toMatch(
      /^This node already keeps \d+ bytes of uploads not registered on chain, its limit is 1000000 bytes/,
    );
    await stagingEmptied();
    // The grace period (1 s) ends, the uploads are removed, and the bytes are free again.
    await waitFor('the unregistered uploads removed', async () =>
      (await metric(node.url, 'callisto_host_node_staged_uploads')) === 0 ? true : undefined,
    );
    expect((await uploadFrom(node.url, big(22), '127.0.3.1')).status).toBe(200);
  });

  it('gateway reads: a client past its limit gets a 429, everyone past the total a 503; a reader that stops reading is cut off', async () => {
    // A node of its own, whose staged-bytes caps let a 16 MiB file in: large enough that a reader who reads nothing
    // keeps its read open (the socket buffers fill long before).
    const readsDir = await tempDir('hostile-reads');
    const reads = await startNode(fs, NODE_ACCOUNTS[1], readsDir, {
      maxUploadBytes: 32 * 2 ** 20,
      limits: { ...LIMITS, maxStagedBytesPerClient: 64 * 2 ** 20, maxStagedBytes: 64 * 2 ** 20 },
    });
    try {
      await electNode(fs, reads, NODE_ACCOUNTS[1]);
      await readLimits(reads);
    } finally {
      await reads.node.stop();
      await removeDir(readsDir);
    }
  });
});

async function readLimits(reads: TestNode): Promise<void> {
  const bytes = testBytes(16 * 1024 * 1024, 31);
  const cid = await addOne(reads.url, 'large.bin', bytes);
  const id = await register(fs, USER, cid, BigInt(bytes.byteLength), 'large.bin');
  // Confirmed by both nodes: the first one's copy (a read of this node) is over before the reads below count.
  await waitFor('confirmation by both nodes', async () => {
    const by = await confirmers(fs, id);
    return by.includes(reads.address) && by.includes(node.address);
  });
  const url = reads.url;
  {
    // A reader that takes the answer's head, then reads nothing more: its read is in progress, holding a share.
    const stalledRead = async (address: string) => {
      const connection = await openRaw(url, `GET /ipfs/${cid} HTTP/1.1\r\nHost: node\r\n\r\n`, address);
      connection.socket.once('data', () => connection.socket.pause());
      await waitFor('the answer to start', async () => connection.received().startsWith('HTTP/1.1 200'));
      return connection;
    };
    const readers = [await stalledRead('127.0.4.1'), await stalledRead('127.0.4.1')];
    const third = await httpRequest(`${url}/ipfs/${cid}?format=raw`, { localAddress: '127.0.4.1' }).catch(
      () => undefined,
    );
    expect(third?.status).toBe(429);
    expect(JSON.parse(third!.body).error).toBe(
      'This node serves at most 2 downloads at a time to one address: try again when one has finished.',
    );
    readers.push(await stalledRead('127.0.4.2'));
    const fourth = await httpRequest(`${url}/ipfs/${cid}?format=raw`, { localAddress: '127.0.4.3' });
    expect(fourth.status).toBe(503);
    expect(fourth.headers['retry-after']).toBe('1');
    // Health is no read: answered. The readers that read nothing are cut off after the idle timeout (1.5 s), and
    // their shares return.
    expect((await httpRequest(`${url}/health`, { localAddress: '127.0.4.3' })).status).toBe(200);
    // A paused socket does not see its close: wait past the idle timeout, then read what had arrived. Each answer
    // ends short of the file, closed by the node.
    await new Promise((resolve) => setTimeout(resolve, LIMITS.idleTimeoutMs! + 1000));
    for (const reader of readers) reader.socket.resume();
    await Promise.all(readers.map((r) => r.closed));
    for (const reader of readers) expect(reader.received().length).toBeLessThan(bytes.byteLength);
    const again = await httpRequest(`${url}/ipfs/${cid}`, { localAddress: '127.0.4.1', timeoutMs: 20_000 });
    expect(again.status).toBe(200);
    expect(again.bytes.equals(Buffer.from(bytes))).toBe(true);
  }
}
