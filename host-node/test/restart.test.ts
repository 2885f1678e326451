// Restarts: a node resumes from its checkpoint and handles only the events it has not seen, drops a held pin no file
// refers to, and a node process killed in the middle of an upload comes back with an intact store, no trace of the
// cut upload, and takes the retry.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CID } from 'multiformats/cid';
import { computeCid, importToBlockstore } from '@callisto-hub/unixfs';
import { EmbeddedStore } from '../src/embeddedStore';
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
  verifyBlockFiles,
  verifyCar,
  waitFor,
  type FsChain,
  type TestNode,
} from './harness';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';

const projectRoot = join(import.meta.dirname, '..', '..');

let fs: FsChain;
const dirs: string[] = [];

beforeAll(async () => {
  fs = await startFsChain();
});

afterAll(async () => {
  await fs?.chain.stop();
  for (const dir of dirs) await removeDir(dir);
});

async function cidOf(path: string, bytes: Uint8Array): Promise<string> {
  return (
    await computeCid([
      {
        path,
        content: (async function* () {
          yield bytes;
        })(),
      },
    ])
  ).cid;
}

describe('restart from the checkpoint', () => {
  let node: TestNode | undefined;
  afterAll(async () => node?.node.stop());

  it('handles only the events after its checkpoint', async () => {
    const account = NODE_ACCOUNTS[0];
    const dir = await tempDir('restart');
    dirs.push(dir);
    node = await startNode(fs, account, dir);
    await electNode(fs, node, account);

    const first = testBytes(50_000, 31);
    const firstId = await register(fs, USER, await addOne(node.url, 'first.bin', first), 50_000n, 'first.bin');
    await waitFor('the first confirmation', async () => (await confirmers(fs, firstId)).includes(node!.address));
    expect(await metric(node.url, 'callisto_host_node_events_total')).toBe(1);
    await node.node.stop();

    // While the node is down: a new file is registered and the chain moves on.
    const second = testBytes(60_000, 32);
    const secondCid = await cidOf('second.bin', second);
    const secondId = await register(fs, USER, secondCid, 60_000n, 'second.bin');
    await fs.chain.mine(20);
    const head = await fs.chain.publicClient.getBlockNumber();

    node = await startNode(fs, account, dir);
    await electNode(fs, node, account); // its port changed: move the endpoint on chain
    await waitFor('the catch-up', async () => Number((await health(node!.url)).checkpoint) >= Number(head));
    // One event since the restart: the second upload. The first was handled before the checkpoint.
    expect(await metric(node.url, 'callisto_host_node_events_total')).toBe(1);
    await addOne(node.url, 'second.bin', second);
    await waitFor('the second confirmation', async () => (await confirmers(fs, secondId)).includes(node!.address));
    // The node counts its confirmation once it has read the receipt, which may be a poll after the test sees it.
    await waitFor('the confirmation counted', async () =>
      (await metric(node!.url, 'callisto_host_node_confirmations_total')) === 1 ? true : undefined,
    );
    expect(node.logs.some((l) => l.includes(`file ${firstId}:`))).toBe(false);
    // What it held before the restart is still there.
    await verifyCar(node.url, await cidOf('first.bin', first), first);
  });
});

describe('a held pin that no file refers to', () => {
  let node: TestNode | undefined;
  afterAll(async () => node?.node.stop());

  it('is dropped at the start (a stop between pinning a file and recording it, then its withdrawal)', async () => {
    const dir = await tempDir('orphan');
    dirs.push(dir);
    const bytes = testBytes(300_000, 51);
    const store = await EmbeddedStore.open(join(dir, 'ipfs'));
    const imported = await importToBlockstore(store.blocks, [
      {
        path: 'orphan.bin',
        content: (async function* () {
          yield bytes;
        })(),
      },
    ]);
    await store.pin(CID.parse(imported.cid), 'held');
    await store.close();

    node = await startNode(fs, NODE_ACCOUNTS[0], dir);
    const current = node;
    await waitFor('the pin dropped and its blocks collected', async () =>
      current.logs.some((l) => l.includes('garbage collection removed 3 blocks')),
    );
    expect(node.logs).toContain(`unpinned ${imported.cid}: no held or pending file refers to it`);
    expect(await health(node.url)).toMatchObject({ pinned: 0, storedBytes: 0 });
  });
});

interface ChildNode {
  child: ChildProcess;
  url: string;
  output: string[];
}

/**
 * The node as an operator runs it, main.ts with HOST_NODE_* settings, in one process (tsx as a loader rather than
 * its launcher, which would run the node in a second process that a kill of the first does not reach).
 */
async function spawnNode(dataDir: string, account: number): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('host-node', 'src', 'main.ts')], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST_NODE_PRIVATE_KEY: anvilPrivateKeys[account],
      HOST_NODE_RPC_URL: fs.chain.rpcUrl,
      HOST_NODE_FILE_SYSTEM_ADDRESS: fs.fileSystem,
      HOST_NODE_HOST: '127.0.0.1',
      HOST_NODE_PORT: '0',
      HOST_NODE_DATA_DIR: dataDir,
      HOST_NODE_POLL_MS: '50',
      HOST_NODE_GRACE_SECONDS: '60',
    },
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  const url = await waitFor(
    'the node to listen',
    async () => {
      if (child.exitCode !== null) throw new Error(`exited: ${output.join(' | ')}`);
      return /listening on (http:\/\/\S+)/.exec(output.join('\n'))?.[1];
    },
    80_000,
  );
  return { child, url, output };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a node killed during an upload', () => {
  let running: ChildNode | undefined;
  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      await exited(running.child);
    }
  });

  // Two starts of a node process, each compiling its TypeScript: slow on a machine busy with other suites.
  it(
    'restarts with an intact store, keeps no part of the cut upload, and accepts the retry',
    { timeout: 180_000 },
    async () => {
      const account = NODE_ACCOUNTS[1];
      const dir = await tempDir('killed');
      dirs.push(dir);
      running = await spawnNode(dir, account);
      const address = (await health(running.url)).node as `0x${string}`;
      const asTestNode = { url: running.url, address } as TestNode;
      await electNode(fs, asTestNode, account);

      const kept = testBytes(300_000, 41);
      const keptId = await register(fs, USER, await addOne(running.url, 'kept.bin', kept), 300_000n, 'kept.bin');
      await waitFor('the kept file confirmed', async () => (await confirmers(fs, keptId)).includes(address));
      const storedBefore = Number((await health(running.url)).storedBytes);

      // A 4 MiB upload sent slowly; the process is killed (SIGKILL: no cleanup at all) after 3 MiB, while the body is
      // still being received into the staging directory.
      const big = testBytes(4 * 1024 * 1024, 42);
      const boundary = 'callisto-test-boundary';
      const head = new TextEncoder().encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      );
      const child = running.child;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(head);
        },
        async pull(controller) {
          if (sent >= big.byteLength) return controller.close();
          const chunk = big.subarray(sent, sent + 64 * 1024);
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          if (sent >= 3 * 1024 * 1024 && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      });
      const cut = await fetch(`${running.url}/api/v0/add?cid-version=1`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        duplex: 'half',
      } as RequestInit).then(
        (response) => response.status,
        () => 'connection lost',
      );
      expect(cut, running.output.join('\n')).toBe('connection lost');
      await exited(child);
      expect(child.signalCode).toBe('SIGKILL');
      // Every block on disk is whole, and they are the kept file's 3 only: the cut upload never reached the store,
      // its partial body is a file in the staging directory.
      expect(await verifyBlockFiles(dir)).toBe(3);
      expect((await readdir(join(dir, 'staging'))).filter((name) => name.endsWith('.body'))).toHaveLength(1);

      running = await spawnNode(dir, account);
      await electNode(fs, { ...asTestNode, url: running.url }, account);
      // The held file reads back, the cut upload left no staged pin, and the restart emptied the staging directory.
      await verifyCar(running.url, await cidOf('kept.bin', kept), kept);
      expect(await metric(running.url, 'callisto_host_node_staged_uploads')).toBe(0);
      expect((await health(running.url)).pinned).toBe(1);
      expect(await readdir(join(dir, 'staging'))).toEqual([]);
      expect(Number((await health(running.url)).storedBytes)).toBe(storedBefore);

      // The retry stores the whole file under the CID the browser computes, and it is confirmed once registered.
      const bigCid = await addOne(running.url, 'big.bin', big);
      expect(bigCid).toBe(await cidOf('big.bin', big));
      const bigId = await register(fs, USER, bigCid, BigInt(big.byteLength), 'big.bin');
      await waitFor('the retried file confirmed', async () => (await confirmers(fs, bigId)).includes(address));
      await verifyCar(running.url, bigCid, big);
      expect(await verifyBlockFiles(dir)).toBe(3 + 17); // kept: a root and 2 leaves; big: a root and 16 leaves
      expect(Number((await health(running.url)).storedBytes)).toBeGreaterThanOrEqual(storedBefore + big.byteLength);

      running.child.kill('SIGTERM');
      await exited(running.child);
      expect(running.child.exitCode).toBe(0);
      expect(running.output.some((l) => l.includes('SIGTERM: stopping the host node'))).toBe(true);
    },
  );
});
