// Two host nodes on one chain: a file uploaded to one is fetched by the other over the trustless gateway, both
// confirm it on chain, and both let it go after the deposit is withdrawn.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CarWriter } from '@ipld/car/writer';
import { CID } from 'multiformats/cid';
import { createWalletClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callistoFSAbi } from '@callisto-hub/contracts-abi/CallistoFS';
import { computeCid } from '@callisto-hub/unixfs';
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
  USER2,
  verifyCar,
  waitFor,
  withdraw,
  type FsChain,
  type TestNode,
} from './harness';
import { confirmBatchSize } from '../src/batching';

let fs: FsChain;
let a: TestNode;
let b: TestNode;
const dirs: string[] = [];

beforeAll(async () => {
  fs = await startFsChain();
  dirs.push(await tempDir('node-a'), await tempDir('node-b'));
  a = await startNode(fs, NODE_ACCOUNTS[0], dirs[0]!, { graceSeconds: 2 });
  b = await startNode(fs, NODE_ACCOUNTS[1], dirs[1]!, { graceSeconds: 2 });
  await electNode(fs, a, NODE_ACCOUNTS[0]);
  await electNode(fs, b, NODE_ACCOUNTS[1]);
});

afterAll(async () => {
  await a?.node.stop();
  await b?.node.stop();
  await fs?.chain.stop();
  for (const dir of dirs) await removeDir(dir);
});

const bothConfirmed = (id: bigint) =>
  waitFor(`both confirmations of file ${id}`, async () => {
    const list = await confirmers(fs, id);
    return list.includes(a.address) && list.includes(b.address) ? list : undefined;
  });

describe('replication', () => {
  let id: bigint;
  let cid: string;
  const bytes = testBytes(1_200_000, 21); // five chunks

  it('copies a file uploaded to one node to the other, and both confirm on chain', async () => {
    cid = await addOne(a.url, 'shared.bin', bytes);
    id = await register(fs, USER, cid, BigInt(bytes.byteLength), 'shared.bin');
    expect(await bothConfirmed(id)).toHaveLength(2);
    expect(b.logs.some((l) => l.includes(`fetched ${cid} from ${a.url}`))).toBe(true);
    // The copy is complete and verifiable on its own.
    await verifyCar(b.url, cid, bytes);
    expect(await metric(b.url, 'callisto_host_node_replicated_total')).toBe(1);
    expect(await metric(b.url, 'callisto_host_node_confirmations_total')).toBe(1);
  });

  it('waits for content registered before any node has it, then replicates it', async () => {
    const late = testBytes(400_000, 22);
    const { cid: lateCid } = await computeCid([
      {
        path: 'late.bin',
        content: (async function* () {
          yield late;
        })(),
      },
    ]);
    // The transaction first, as the browser does; the bytes arrive later at one node only.
    const lateId = await register(fs, USER, lateCid, BigInt(late.byteLength), 'late.bin');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await confirmers(fs, lateId)).toEqual([]);
    await addOne(b.url, 'late.bin', late);
    expect(await bothConfirmed(lateId)).toHaveLength(2);
    await verifyCar(a.url, lateCid, late);
  });

  it('confirms many files in few transactions: confirmations gather into batches', async () => {
    const count = 24;
    const { publicClient, testClient, accounts } = fs.chain;
    const user = createWalletClient({
      chain: publicClient.chain,
      transport: http(fs.chain.rpcUrl),
      account: accounts[USER]!,
    });
    const files: { cid: string; size: bigint; path: string }[] = [];
    for (let i = 0; i < count; i++) {
      const bytes = testBytes(2_000 + i, 100 + i);
      files.push({
        cid: await addOne(a.url, `batch-${i}.bin`, bytes),
        size: BigInt(bytes.byteLength),
        path: `batch/${i}.bin`,
      });
    }
    const first = await publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file_count',
    });
    const nonce = await publicClient.getTransactionCount({ address: accounts[USER]!.address });
    // A chain with a block time (anvil mines only when told, every second here) and a busy block: every upload lands
    // in one. A node's next confirmations gather while its last transaction waits for a block.
    await testClient.setAutomine(false);
    const ids = files.map((_, i) => first + BigInt(i));
    try {
      for (const [i, file] of files.entries()) {
        await user.writeContract({
          address: fs.fileSystem,
          abi: callistoFSAbi,
          functionName: 'upload',
          args: [file.cid, file.size, file.path],
          value: 10n ** 18n,
          nonce: nonce + i,
          gas: 500_000n,
        });
      }
      const deadline = Date.now() + 30_000;
      for (;;) {
        await testClient.mine({ blocks: 1 });
        const confirmations = await Promise.all(ids.map((id) => confirmers(fs, id).catch(() => [])));
        if (confirmations.every((list) => list.length === 2)) break;
        if (Date.now() > deadline) throw new Error('the nodes did not confirm every file within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    } finally {
      await testClient.setAutomine(true);
    }
    const logs = await publicClient.getContractEvents({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      eventName: 'FileConfirmed',
      fromBlock: 0n,
    });
    const ours = logs.filter((log) => ids.includes(log.args.id!));
    expect(ours).toHaveLength(2 * count);
    // One transaction a file would be 48 (4 with one-second blocks here); a slow machine pins fewer files a block.
    expect(new Set(ours.map((log) => log.transactionHash)).size).toBeLessThanOrEqual(12);
  });

  it('sizes each batch from the block gas limit: every confirm_many fits half a block', async () => {
    const count = 14;
    const { publicClient, testClient, accounts } = fs.chain;
    const user = createWalletClient({
      chain: publicClient.chain,
      transport: http(fs.chain.rpcUrl),
      account: accounts[USER]!,
    });
    const files: { bytes: Uint8Array; name: string; cid: string; path: string }[] = [];
    for (let i = 0; i < count; i++) {
      const bytes = testBytes(1_000 + i, 300 + i);
      const name = `small-${i}.bin`;
      const cid = await computeCid([
        {
          path: name,
          content: (async function* () {
            yield bytes;
          })(),
        },
      ]);
      files.push({ bytes, name, cid: cid.cid, path: `small/${i}` });
    }
    const first = await publicClient.readContract({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'file_count',
    });
    const ids = files.map((_, i) => first + BigInt(i));
    const nonce = await publicClient.getTransactionCount({ address: accounts[USER]!.address });
    // A 1,000,000-gas block: a batch may use 500,000, so at most (500,000 - 60,000) / 100,000 = 4 files.
    const GAS_LIMIT = 1_000_000n;
    await testClient.setBlockGasLimit({ gasLimit: GAS_LIMIT });
    await testClient.setAutomine(false);
    try {
      // Registered first, then sent: the nodes wait for the content, then confirm while blocks stay small.
      for (const [i, file] of files.entries()) {
        await user.writeContract({
          address: fs.fileSystem,
          abi: callistoFSAbi,
          functionName: 'upload',
          args: [file.cid, BigInt(file.bytes.byteLength), file.path],
          value: 10n ** 18n,
          nonce: nonce + i,
          gas: 400_000n,
        });
      }
      await testClient.mine({ blocks: count });
      for (const file of files) await addOne(a.url, file.name, file.bytes);
      const deadline = Date.now() + 40_000;
      for (;;) {
        await testClient.mine({ blocks: 1 });
        const confirmations = await Promise.all(ids.map((id) => confirmers(fs, id).catch(() => [])));
        if (confirmations.every((list) => list.length === 2)) break;
        if (Date.now() > deadline) throw new Error('the nodes did not confirm every file within 40 s');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      await testClient.setAutomine(true);
      await testClient.setBlockGasLimit({ gasLimit: 30_000_000n });
      await testClient.mine({ blocks: 1 });
    }
    const logs = await publicClient.getContractEvents({
      address: fs.fileSystem,
      abi: callistoFSAbi,
      eventName: 'FileConfirmed',
      fromBlock: 0n,
    });
    const byTransaction = new Map<string, number>();
    for (const log of logs.filter((l) => ids.includes(l.args.id!))) {
      byTransaction.set(log.transactionHash, (byTransaction.get(log.transactionHash) ?? 0) + 1);
    }
    const sizes = [...byTransaction.values()];
    expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(2 * count);
    expect(confirmBatchSize(GAS_LIMIT)).toBe(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    // Batched all the same: fewer transactions than files.
    expect(sizes.length).toBeLessThan(2 * count);
    for (const hash of byTransaction.keys()) {
      const receipt = await publicClient.getTransactionReceipt({ hash: hash as `0x${string}` });
      expect(receipt.gasUsed).toBeLessThanOrEqual(GAS_LIMIT / 2n);
    }
  }, 90_000);

  it('keeps a CID another held file uses, and unpins it after the last withdrawal', async () => {
    // A second owner registers the same content under their own path.
    const twin = await register(fs, USER2, cid, BigInt(bytes.byteLength), 'copy-of-shared.bin');
    await bothConfirmed(twin);
    const storedBefore = [Number((await health(a.url)).storedBytes), Number((await health(b.url)).storedBytes)];

    await withdraw(fs, USER, id);
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const node of [a, b]) expect((await fetch(`${node.url}/ipfs/${cid}`)).status).toBe(200);

    await withdraw(fs, USER2, twin);
    for (const [i, node] of [a, b].entries()) {
      await waitFor(`${node.url} to unpin ${cid}`, async () => (await fetch(`${node.url}/ipfs/${cid}`)).status === 404);
      // Garbage collection removes the blocks: the store shrinks by at least the file's bytes.
      await waitFor(
        `${node.url} to collect the blocks`,
        async () => Number((await health(node.url)).storedBytes) <= storedBefore[i]! - bytes.byteLength,
      );
    }
  });
});

describe('a peer that lies', () => {
  let liar: Server;
  let liarUrl: string;
  const LIAR_ACCOUNT = 7;

  beforeAll(async () => {
    // Answers every request for a CID with bytes that do not hash to it: a CAR whose blocks carry the requested
    // CIDs with other bytes, and garbage raw blocks.
    liar = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://liar');
      const cid = CID.parse(url.pathname.split('/')[2] ?? '');
      if (url.searchParams.get('format') === 'car') {
        const { writer, out } = CarWriter.create([cid]);
        res.writeHead(200, { 'Content-Type': 'application/vnd.ipld.car' });
        void writer.put({ cid, bytes: new TextEncoder().encode('not what you asked for') }).then(() => writer.close());
        for await (const chunk of out) res.write(chunk);
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/vnd.ipld.raw' });
        res.end('garbage');
      }
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
    const receipt = await fs.chain.write(0, {
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'add_host_node',
      args: [fs.chain.accounts[LIAR_ACCOUNT]!.address, liarUrl, 1024n],
    });
    expect(receipt.status).toBe('success');
  });

  afterAll(async () => {
    await new Promise((resolve) => liar?.close(resolve));
  });

  it('stores nothing a peer sends that does not hash to its CID, and gets the file from an honest peer', async () => {
    // Node A leaves the election for a while: the liar is then B's only peer.
    const remove = await fs.chain.write(0, {
      address: fs.fileSystem,
      abi: callistoFSAbi,
      functionName: 'remove_host_node',
      args: [a.address],
    });
    expect(remove.status).toBe('success');

    const bytes = testBytes(600_000, 51);
    const cid = await addOne(a.url, 'honest.bin', bytes);
    const id = await register(fs, USER, cid, BigInt(bytes.byteLength), 'honest.bin');
    await waitFor('B to turn the liar down', async () =>
      b.logs.some((l) => l.includes(`fetching ${cid} as a CAR from ${liarUrl} failed`) && l.includes('do not hash')),
    );
    expect(await confirmers(fs, id)).toEqual([]);
    expect((await fetch(`${b.url}/ipfs/${cid}`)).status).toBe(404);

    // A is elected again: B fetches from it, verifies, and both confirm.
    await electNode(fs, a, NODE_ACCOUNTS[0]);
    const list = await waitFor('both confirmations', async () => {
      const now = await confirmers(fs, id);
      return now.includes(a.address) && now.includes(b.address) ? now : undefined;
    });
    expect(list).toHaveLength(2);
    await verifyCar(b.url, cid, bytes);
  });
});
