// The watcher reads its events through the app's history engine: behind an RPC that refuses eth_getLogs over a few
// blocks (and names no limit), it narrows its range, still sees every event once, and moves its checkpoint to the
// head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLimitingRpcProxy, type LimitingRpcProxy } from '../../scripts/lib/limitingRpcProxy';
import {
  electNode,
  health,
  metric,
  NODE_ACCOUNTS,
  register,
  removeDir,
  startFsChain,
  startNode,
  tempDir,
  USER,
  waitFor,
  type FsChain,
  type TestNode,
} from './harness';

let fs: FsChain;
let proxy: LimitingRpcProxy;
let node: TestNode | undefined;
const dirs: string[] = [];

beforeAll(async () => {
  fs = await startFsChain();
  proxy = await startLimitingRpcProxy({
    upstream: fs.chain.rpcUrl,
    maxLogsRange: 4,
    refusalMessage: () => 'block range is too wide',
  });
});

afterAll(async () => {
  await node?.node.stop();
  await proxy?.stop();
  await fs?.chain.stop();
  for (const dir of dirs) await removeDir(dir);
});

describe('the watcher behind an RPC that limits eth_getLogs', () => {
  it('narrows its range on refusals and handles every event once, up to the head', async () => {
    // Uploads need an elected node; this one is elected and stopped, then a fresh one (no checkpoint) reads the
    // history from the contract's first block.
    const first = await tempDir('watcher-first');
    dirs.push(first);
    const elected = await startNode(fs, NODE_ACCOUNTS[0], first);
    await electNode(fs, elected, NODE_ACCOUNTS[0]);
    await elected.node.stop();
    // Two uploads spread over some history before the node starts.
    await register(fs, USER, 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku', 1n, 'a.txt');
    await fs.chain.mine(30);
    await register(fs, USER, 'bafkreidvbhs33ighmljlvr7zbv2ywwzcmp5adtf4kqvlly67cy56bdtmve', 1n, 'b.txt');
    await fs.chain.mine(30);
    const head = await fs.chain.publicClient.getBlockNumber();

    const dir = await tempDir('watcher');
    dirs.push(dir);
    node = await startNode(fs, NODE_ACCOUNTS[0], dir, { rpcUrl: proxy.url, maxBlockRange: 64 });
    await waitFor('the catch-up', async () => Number((await health(node!.url)).checkpoint) >= Number(head));

    expect(await metric(node.url, 'callisto_host_node_events_total')).toBe(2);
    expect(proxy.stats().refusedLogs).toBeGreaterThan(0);
    expect(node.logs.some((line) => /reading events \d+-\d+ was refused; now \d+ blocks a request/.test(line))).toBe(
      true,
    );
  });
});
