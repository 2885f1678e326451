// What the host node tests share: a real anvil with CallistoFS deployed (contracts/test/harness.ts), host nodes
// started in this process on 127.0.0.1 with port 0 and a temporary data directory each, and small helpers to
// upload, register, wait and read metrics. Nothing is mocked.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CarBlockIterator } from '@ipld/car/iterator';
import * as dagPb from '@ipld/dag-pb';
import { exporter } from 'ipfs-unixfs-exporter';
import { base32upper } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { sha256 } from 'multiformats/hashes/sha2';
import { parseEventLogs, type Address, type Hex } from 'viem';
import { expect } from 'vitest';
import { callistoFSAbi, callistoFSBytecode } from '@callisto-hub/contracts-abi/CallistoFS';
import { startTestChain, type TestChain } from '../../contracts/test/harness';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import type { HostNodeConfig } from '../src/config';
import { startHostNode, type RunningHostNode } from '../src/node';

export const MB = 1_048_576n;
export const OWNER = 0;
export const USER = 1;
export const USER2 = 2;
/** anvil accounts whose keys the test nodes sign with. */
export const NODE_ACCOUNTS = [8, 9] as const;

export interface FsChain {
  chain: TestChain;
  fileSystem: Address;
}

export async function startFsChain(): Promise<FsChain> {
  const chain = await startTestChain();
  const owner = chain.accounts[OWNER]!.address;
  const fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [owner, 10n ** 15n, 10n ** 12n]);
  return { chain, fileSystem };
}

export interface TestNode {
  node: RunningHostNode;
  url: string;
  address: Address;
  dataDir: string;
  logs: string[];
  config: HostNodeConfig;
}

export function nodeConfig(fs: FsChain, account: number, dataDir: string, overrides: Partial<HostNodeConfig> = {}) {
  const logs: string[] = [];
  const config: HostNodeConfig = {
    privateKey: privateKeyOf(account),
    rpcUrl: fs.chain.rpcUrl,
    fileSystemAddress: fs.fileSystem,
    host: '127.0.0.1',
    port: 0,
    dataDir,
    corsOrigins: ['http://app.test'],
    maxUploadBytes: 16 * 1024 * 1024,
    graceSeconds: 60,
    pollMs: 50,
    maxBlockRange: 5,
    confirmationBlocks: 0,
    log: (line) => logs.push(line),
    ...overrides,
  };
  return { config, logs };
}

function privateKeyOf(account: number): Hex {
  const key = anvilPrivateKeys[account];
  if (!key) throw new Error(`no anvil account ${account}`);
  return key;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `callisto-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function startNode(
  fs: FsChain,
  account: number,
  dataDir: string,
  overrides: Partial<HostNodeConfig> = {},
): Promise<TestNode> {
  const { config, logs } = nodeConfig(fs, account, dataDir, overrides);
  const node = await startHostNode(config);
  return { node, url: node.url, address: node.address, dataDir, logs, config };
}

/** Elects the node with its current URL, or moves its endpoint when it is elected already. */
export async function electNode(fs: FsChain, node: TestNode, account: number, capacityMb = 1024n): Promise<void> {
  const elected = await fs.chain.publicClient.readContract({
    address: fs.fileSystem,
    abi: callistoFSAbi,
    functionName: 'is_host_node',
    args: [node.address],
  });
  const receipt = elected
    ? await fs.chain.write(account, {
        address: fs.fileSystem,
        abi: callistoFSAbi,
        functionName: 'set_endpoint',
        args: [node.url],
      })
    : await fs.chain.write(OWNER, {
        address: fs.fileSystem,
        abi: callistoFSAbi,
        functionName: 'add_host_node',
        args: [node.address, node.url, capacityMb],
      });
  expect(receipt.status).toBe('success');
}

/** Registers a file on chain with exactly the quoted deposit; returns its id. */
export async function register(fs: FsChain, from: number, cid: string, size: bigint, path: string): Promise<bigint> {
  const [, deposit] = await fs.chain.publicClient.readContract({
    address: fs.fileSystem,
    abi: callistoFSAbi,
    functionName: 'quote',
    args: [size],
  });
  const receipt = await fs.chain.write(from, {
    address: fs.fileSystem,
    abi: callistoFSAbi,
    functionName: 'upload',
    args: [cid, size, path],
    value: deposit,
  });
  expect(receipt.status).toBe('success');
  const [event] = parseEventLogs({ abi: callistoFSAbi, logs: receipt.logs, eventName: 'FileUpload' });
  return event!.args.id;
}

export async function withdraw(fs: FsChain, from: number, id: bigint): Promise<void> {
  const receipt = await fs.chain.write(from, {
    address: fs.fileSystem,
    abi: callistoFSAbi,
    functionName: 'withdraw',
    args: [id],
  });
  expect(receipt.status).toBe('success');
}

export async function confirmers(fs: FsChain, id: bigint): Promise<Address[]> {
  return [
    ...(await fs.chain.publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'confirmers_of',
      args: [id],
    })),
  ];
}

export interface AddLine {
  Name: string;
  Hash: string;
  Size: string;
}

/** Kubo's add, the way the browser and the lead's upload script call it. */
export async function add(
  url: string,
  entries: Array<{ path: string; bytes: Uint8Array; type?: string }>,
  query = 'cid-version=1',
): Promise<{ status: number; lines: AddLine[]; body: string; headers: Headers }> {
  const form = new FormData();
  for (const entry of entries) {
    form.append(
      'file',
      new Blob([entry.bytes as Uint8Array<ArrayBuffer>], { type: entry.type ?? 'application/octet-stream' }),
      encodeURIComponent(entry.path),
    );
  }
  const response = await fetch(`${url}/api/v0/add?${query}`, { method: 'POST', body: form });
  const body = await response.text();
  const lines = response.ok
    ? body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as AddLine)
    : [];
  return { status: response.status, lines, body, headers: response.headers };
}

export async function addOne(url: string, path: string, bytes: Uint8Array): Promise<string> {
  const result = await add(url, [{ path, bytes }]);
  expect(result.status, result.body).toBe(200);
  return result.lines.at(-1)!.Hash;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`no metric ${name}`);
  return Number(match[1]);
}

export async function health(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
}

/**
 * Fetches `/ipfs/{cid}?format=car` and checks it as an untrusting client would: the CAR names the root, every
 * block hashes to its CID, every block is linked from an earlier one (depth first), and the file read back from
 * the CAR's blocks alone equals `expected`.
 */
export async function verifyCar(url: string, cid: string, expected?: Uint8Array): Promise<number> {
  const response = await fetch(`${url}/ipfs/${cid}?format=car`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/vnd.ipld.car');
  const car = await CarBlockIterator.fromBytes(new Uint8Array(await response.arrayBuffer()));
  expect((await car.getRoots()).map(String)).toEqual([cid]);
  const blocks = new Map<string, Uint8Array>();
  const linked = new Set([cid]);
  for await (const { cid: blockCid, bytes } of car) {
    expect(linked.has(blockCid.toString()), `block ${blockCid} arrives before any link to it`).toBe(true);
    const digest = await sha256.digest(bytes);
    expect(CID.create(1, blockCid.code, digest).toString()).toBe(blockCid.toV1().toString());
    blocks.set(blockCid.toString(), bytes);
    if (blockCid.code === dagPb.code) for (const link of dagPb.decode(bytes).Links) linked.add(link.Hash.toString());
  }
  if (expected) {
    const store = {
      async *get(c: CID) {
        const bytes = blocks.get(c.toString());
        if (!bytes) throw new Error(`the CAR lacks ${c}`);
        yield bytes;
      },
    };
    const entry = await exporter(cid, store);
    if (entry.type !== 'file' && entry.type !== 'raw') throw new Error(`${cid} is a ${entry.type}`);
    const parts: Uint8Array[] = [];
    for await (const chunk of entry.content()) parts.push(chunk);
    expect(Buffer.concat(parts).equals(Buffer.from(expected))).toBe(true);
  }
  return blocks.size;
}

/** Deterministic bytes for test files (not random: a failing test can be replayed). */
export function testBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Checks every block file of a node's embedded store against its name (the multihash); returns how many. */
export async function verifyBlockFiles(dataDir: string): Promise<number> {
  const root = join(dataDir, 'ipfs', 'blocks');
  let count = 0;
  for (const shard of await readdir(root)) {
    for (const name of await readdir(join(root, shard))) {
      if (!name.endsWith('.data') || name.startsWith('.')) continue;
      const multihash = Digest.decode(base32upper.decode(name.slice(0, -'.data'.length)));
      const actual = await sha256.digest(await readFile(join(root, shard, name)));
      expect(Buffer.from(actual.bytes).equals(Buffer.from(multihash.bytes)), `${shard}/${name}`).toBe(true);
      count++;
    }
  }
  return count;
}
