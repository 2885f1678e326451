// One host node on a real anvil with CallistoFS and its store on disk: upload, registration and confirmation,
// reading back every way the gateway offers, refusals of unregistered or mis-sized content, and the HTTP edges
// (bad input, CORS, health, metrics).
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCid } from '@callisto-hub/unixfs';
import { callistoFSAbi } from '@callisto-hub/contracts-abi/CallistoFS';
import {
  add,
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
  verifyCar,
  waitFor,
  type FsChain,
  type TestNode,
} from './harness';

const text = (value: string) => new TextEncoder().encode(value);
const GRACE_SECONDS = 1;
const MAX_UPLOAD = 2 * 1024 * 1024;

let fs: FsChain;
let node: TestNode;
let dataDir: string;

beforeAll(async () => {
  fs = await startFsChain();
  dataDir = await tempDir('single');
  node = await startNode(fs, NODE_ACCOUNTS[0], dataDir, { graceSeconds: GRACE_SECONDS, maxUploadBytes: MAX_UPLOAD });
  await electNode(fs, node, NODE_ACCOUNTS[0]);
});

afterAll(async () => {
  await node?.node.stop();
  await fs?.chain.stop();
  if (dataDir) await removeDir(dataDir);
});

async function storeAndConfirm(path: string, bytes: Uint8Array): Promise<{ cid: string; id: bigint }> {
  const cid = await addOne(node.url, path, bytes);
  const id = await register(fs, USER, cid, BigInt(bytes.byteLength), path);
  await waitFor(`confirmation of file ${id}`, async () => (await confirmers(fs, id)).includes(node.address));
  return { cid, id };
}

describe('upload and read back', () => {
  const bytes = testBytes(700_000, 7); // three chunks: 256 KiB, 256 KiB, the rest
  let cid: string;

  beforeAll(async () => {
    ({ cid } = await storeAndConfirm('report.bin', bytes));
  });

  it('answers Kubo NDJSON with the CID the browser computes, and confirms on chain', async () => {
    const expected = await computeCid([
      {
        path: 'report.bin',
        content: (async function* () {
          yield bytes;
        })(),
      },
    ]);
    expect(cid).toBe(expected.cid);
    expect((await health(node.url)).pinned).toBe(1);
  });

  it('serves the file bytes with Content-Length, ETag and immutable caching', async () => {
    const response = await fetch(`${node.url}/ipfs/${cid}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('etag')).toBe(`"${cid}"`);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const head = await fetch(`${node.url}/ipfs/${cid}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const notModified = await fetch(`${node.url}/ipfs/${cid}`, { headers: { 'If-None-Match': `"${cid}"` } });
    expect(notModified.status).toBe(304);
  });

  it('serves byte ranges across chunk boundaries', async () => {
    const cases: Array<[string, number, number]> = [
      ['bytes=0-9', 0, 9],
      ['bytes=262140-262150', 262_140, 262_150],
      ['bytes=699990-', 699_990, 699_999],
      ['bytes=-5', 699_995, 699_999],
      ['bytes=600000-9999999', 600_000, 699_999],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetch(`${node.url}/ipfs/${cid}`, { headers: { Range: range } });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.byteLength}`);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(Buffer.from(bytes.subarray(start, end + 1))), range).toBe(true);
    }
  });

  it('serves one raw block that hashes to its CID', async () => {
    const response = await fetch(`${node.url}/ipfs/${cid}`, { headers: { Accept: 'application/vnd.ipld.raw' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.ipld.raw');
    const block = new Uint8Array(await response.arrayBuffer());
    const parsed = CID.parse(cid);
    expect(CID.create(1, parsed.code, await sha256.digest(block)).toString()).toBe(cid);
  });

  it('serves a CAR whose every block verifies and which rebuilds the file', async () => {
    expect(await verifyCar(node.url, cid, bytes)).toBe(4); // the root and three leaves
  });
});

describe('CIDs equal to Kubo vectors through the HTTP API', () => {
  it('a small file, an empty file and a nested folder with a directory part', async () => {
    // Vectors and their sources: lib/unixfs/unixfs.test.ts.
    const hello = await add(node.url, [{ path: 'hello.txt', bytes: text('hello world') }]);
    expect(hello.lines).toEqual([
      { Name: 'hello.txt', Hash: 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e', Size: '11' },
    ]);
    expect(hello.headers.get('x-stream-output')).toBe('1');

    const empty = await add(node.url, [{ path: 'empty', bytes: new Uint8Array() }]);
    expect(empty.lines.at(-1)?.Hash).toBe('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');

    const listing = await add(node.url, [
      { path: 'testdirlisting', bytes: new Uint8Array(), type: 'application/x-directory' },
      { path: 'testdirlisting/api/file.txt', bytes: text('I am a txt file\n') },
      { path: 'testdirlisting/hello', bytes: text('hello\n') },
      { path: 'testdirlisting/ipfs/file.txt', bytes: text('I am a txt file\n') },
      { path: 'testdirlisting/ipfs/ipns/bar', bytes: text('text-file-content\n') },
    ]);
    expect(listing.status, listing.body).toBe(200);
    expect(listing.lines.at(-1)).toMatchObject({
      Name: 'testdirlisting',
      Hash: 'bafybeiht6dtwk3les7vqm6ibpvz6qpohidvlshsfyr7l5mpysdw2vmbbhe',
    });
  });

  it('serves a path inside a held folder', async () => {
    const files = [
      { path: 'planets/mars.txt', bytes: text('Hello Mars!\n') },
      { path: 'planets/venus.txt', bytes: text('Hello Venus!\n') },
    ];
    const result = await add(node.url, files);
    const root = result.lines.at(-1)!.Hash;
    expect(root).toBe('bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi');
    const id = await register(fs, USER, root, 25n, 'planets');
    await waitFor('the folder confirmed', async () => (await confirmers(fs, id)).includes(node.address));

    const venus = await fetch(`${node.url}/ipfs/${root}/venus.txt`);
    expect(venus.status).toBe(200);
    expect(await venus.text()).toBe('Hello Venus!\n');
    const listing = (await (await fetch(`${node.url}/ipfs/${root}`)).json()) as { entries: { name: string }[] };
    expect(listing.entries.map((e) => e.name)).toEqual(['mars.txt', 'venus.txt']);
    expect((await fetch(`${node.url}/ipfs/${root}/pluto.txt`)).status).toBe(404);
    // The CAR of a path is the DAG under it.
    const raw = await fetch(`${node.url}/ipfs/${root}/mars.txt?format=raw`);
    expect(Buffer.from(await raw.arrayBuffer()).toString()).toBe('Hello Mars!\n');
  });
});

describe('content that does not match the chain', () => {
  it('removes an unregistered upload after the grace period and never serves it', async () => {
    const bytes = testBytes(300_000, 11);
    const cid = await addOne(node.url, 'unregistered.bin', bytes);
    expect((await fetch(`${node.url}/ipfs/${cid}`)).status).toBe(404);
    expect(await metric(node.url, 'callisto_host_node_staged_uploads')).toBeGreaterThanOrEqual(1);
    const removal = await waitFor(
      'the grace period to end',
      async () => {
        const at = node.logs.findIndex((l) => l.includes(`removing unregistered upload ${cid}`));
        return at >= 0 ? at : undefined;
      },
      GRACE_SECONDS * 1000 + 5000,
    );
    await waitFor('garbage collection', async () =>
      node.logs.slice(removal).some((l) => l.includes('garbage collection removed')),
    );
    // Its blocks are gone: registering it now leaves nothing to pin here (and no peer has it).
    const id = await register(fs, USER, cid, BigInt(bytes.byteLength), 'late.bin');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await confirmers(fs, id)).toEqual([]);
    expect(node.logs.some((l) => l.includes(`fetching ${cid}`) || l.includes(`file ${id}:`))).toBe(false);
  });

  it('refuses a file whose registered size differs from its content', async () => {
    const bytes = testBytes(100_000, 12);
    const refusedBefore = await metric(node.url, 'callisto_host_node_refused_total');
    const cid = await addOne(node.url, 'liar.bin', bytes);
    const id = await register(fs, USER, cid, BigInt(bytes.byteLength - 1), 'liar.bin');
    await waitFor(
      'the refusal',
      async () => (await metric(node.url, 'callisto_host_node_refused_total')) > refusedBefore,
    );
    expect(await confirmers(fs, id)).toEqual([]);
    expect((await fetch(`${node.url}/ipfs/${cid}`)).status).toBe(404);
  });
});

describe('bad input gets a status and a JSON error', () => {
  async function expectJsonError(response: Response, status: number, pattern: RegExp) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error?: string };
    expect(body.error).toMatch(pattern);
  }

  it('an upload without a file', async () => {
    const form = new FormData();
    form.append('note', 'no file here');
    await expectJsonError(
      await fetch(`${node.url}/api/v0/add?cid-version=1`, { method: 'POST', body: form }),
      400,
      /no file/,
    );
    await expectJsonError(
      await fetch(`${node.url}/api/v0/add`, { method: 'POST', body: 'plain text' }),
      400,
      /multipart/,
    );
  });

  it('an upload over the size limit', async () => {
    const over = await add(node.url, [{ path: 'big.bin', bytes: testBytes(MAX_UPLOAD + 1, 3) }]);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error).toMatch(/limit/);
    // The node still works afterwards.
    expect((await add(node.url, [{ path: 'ok.txt', bytes: text('fine') }])).status).toBe(200);
  });

  it('options that would change the CID, and paths that escape the folder', async () => {
    const v0 = await add(node.url, [{ path: 'a.txt', bytes: text('a') }], 'cid-version=0');
    expect(v0.status).toBe(400);
    expect(JSON.parse(v0.body).error).toMatch(/CIDv1/);
    const escape = await add(node.url, [{ path: 'dir/../../etc/passwd', bytes: text('x') }]);
    expect(escape.status).toBe(400);
    const two = await add(node.url, [
      { path: 'a.txt', bytes: text('a') },
      { path: 'b.txt', bytes: text('b') },
    ]);
    expect(two.status).toBe(400);
  });

  it('a bad CID, an unknown CID, a bad Range, a wrong method, an unknown route', async () => {
    await expectJsonError(await fetch(`${node.url}/ipfs/not-a-cid`), 400, /not a valid CID/);
    await expectJsonError(
      await fetch(`${node.url}/ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy`),
      404,
      /does not hold/,
    );
    const { cid } = await storeAndConfirm('ranged.txt', text('0123456789'));
    const unsatisfiable = await fetch(`${node.url}/ipfs/${cid}`, { headers: { Range: 'bytes=10-20' } });
    expect(unsatisfiable.headers.get('content-range')).toBe('bytes */10');
    await expectJsonError(unsatisfiable, 416, /outside/);
    await expectJsonError(
      await fetch(`${node.url}/ipfs/${cid}`, { headers: { Range: 'pages=1-2' } }),
      400,
      /malformed/,
    );
    await expectJsonError(await fetch(`${node.url}/ipfs/${cid}?format=tar`), 400, /format/);
    await expectJsonError(await fetch(`${node.url}/api/v0/add`), 405, /not allowed/);
    await expectJsonError(await fetch(`${node.url}/nowhere`), 404, /Nothing at/);
  });
});

describe('CORS, health and metrics', () => {
  it('answers preflights for the configured origin only, and exposes the headers a client reads', async () => {
    const preflight = await fetch(`${node.url}/api/v0/add`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.test',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const get = await fetch(`${node.url}/health`, { headers: { Origin: 'http://app.test' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://app.test');
    for (const header of ['Content-Length', 'Content-Range', 'ETag', 'X-Stream-Output']) {
      expect(get.headers.get('access-control-expose-headers')).toContain(header);
    }

    const stranger = await fetch(`${node.url}/health`, { headers: { Origin: 'http://evil.test' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const strangerPreflight = await fetch(`${node.url}/api/v0/add`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'POST' },
    });
    expect(strangerPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reports health and Prometheus metrics', async () => {
    const status = await health(node.url);
    expect(status).toMatchObject({ ok: true, node: node.address, chainId: 31337, store: 'embedded' });
    // The app reads the limit to refuse an oversized file before the deposit is paid.
    expect(status.maxUploadBytes).toBe(MAX_UPLOAD);
    expect(Number(status.checkpoint)).toBeGreaterThan(0);
    expect(Number(status.storedBytes)).toBeGreaterThan(0);
    const text = await (await fetch(`${node.url}/metrics`)).text();
    for (const name of [
      'callisto_host_node_stored_bytes',
      'callisto_host_node_files_pinned',
      'callisto_host_node_uploads_total',
      'callisto_host_node_replication_lag_blocks',
      'callisto_host_node_confirmations_total',
      'callisto_host_node_peak_rss_bytes',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter)$`, 'm'));
    }
    expect(await metric(node.url, 'callisto_host_node_confirmations_total')).toBeGreaterThanOrEqual(3);
  });
});

// Last in this file: it moves the chain's clock a day on.
describe('uploads no node confirms', () => {
  it('are released on chain once their window ends: a CID nobody has, and content of another size', async () => {
    const { publicClient } = fs.chain;
    const totals = () =>
      publicClient.readContract({ address: fs.fileSystem, abi: callistoFSAbi, functionName: 'totals' });
    // A well-formed CID (a zero SHA-256 digest) whose content nobody has.
    const nobodyHas = await register(
      fs,
      USER,
      'bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      4096n,
      'nobody.bin',
    );
    const bytes = testBytes(50_000, 21);
    const cid = await addOne(node.url, 'short.bin', bytes);
    const wrongSize = await register(fs, USER, cid, BigInt(bytes.byteLength + 1), 'short.bin');
    await waitFor('the refusal', async () => node.logs.some((l) => l.includes(`refusing file ${wrongSize}:`)));
    expect((await totals()).pending_bytes).toBeGreaterThanOrEqual(4096n + 50_001n);

    await fs.chain.increaseTime(86_400);
    await waitFor('the releases', async () => ((await totals()).pending_bytes === 0n ? true : undefined), 20_000);
    const expired = await publicClient.getContractEvents({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      eventName: 'FileExpired',
      fromBlock: 0n,
    });
    expect(expired.map((log) => log.args.id)).toEqual(expect.arrayContaining([nobodyHas, wrongSize]));
    expect(node.logs.some((l) => l.includes(`file ${nobodyHas}: no node confirmed`))).toBe(true);
    // The held files still count; the deposits of the expired ones wait for their owner.
    expect((await totals()).used_bytes).toBeGreaterThan(0n);
  });
});
