// The range logic against a real anvil behind the refusing proxy: a scan reads every event whatever the RPC's
// limit, settles just under the limit, and says what the RPC said when it gives up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputRpcError, getAbiItem, toEventSelector } from 'viem';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import { startHistoryTestChain, type HistoryTestChain } from './historyTestChain';
import { readLogs } from './reader';
import { AdaptiveRange } from './ranges';
import { rpcErrorMessage } from './rpcError';
import type { BlockRange, StoredLog } from './types';

const START_STAKING = toEventSelector(getAbiItem({ abi: coldStakingAbi, name: 'StartStaking' }));
const FIRST_BLOCK = 400_000n;

let chain: HistoryTestChain;
const stakeBlocks: bigint[] = [];

beforeAll(async () => {
  chain = await startHistoryTestChain(FIRST_BLOCK);
  for (const [from, gap] of [
    [1, 30],
    [2, 45],
    [3, 7],
    [4, 0],
  ] as const) {
    stakeBlocks.push(await chain.stake(from));
    if (gap > 0) await chain.mine(gap);
  }
});

afterAll(async () => {
  await chain?.stop();
});

interface Read {
  chunks: BlockRange[];
  logs: StoredLog[];
}

async function readAll(options: Omit<Parameters<typeof readLogs>[0], 'onChunk'>): Promise<Read> {
  const read: Read = { chunks: [], logs: [] };
  await readLogs({
    ...options,
    onChunk: (chunk, logs) => {
      read.chunks.push(chunk);
      read.logs.push(...logs);
    },
  });
  return read;
}

function expectContiguous(chunks: readonly BlockRange[], from: bigint, to: bigint) {
  expect(chunks[0]!.from).toBe(from);
  expect(chunks.at(-1)!.to).toBe(to);
  for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.from).toBe(chunks[i - 1]!.to + 1n);
}

describe('readLogs behind an RPC that refuses eth_getLogs over 5,000 blocks', () => {
  it('reads 400,000 blocks in about range / 5,000 requests, in chain order, and finds every event', async () => {
    // The RPC names no limit here: the range has to find it by halving and bisecting.
    const { proxy, client } = await chain.proxy({
      maxLogsRange: 5_000,
      refusalMessage: () => 'block range is too wide',
    });
    const head = await chain.head();
    const range = new AdaptiveRange();
    const read = await readAll({ client, address: chain.staking, topic0s: [START_STAKING], from: 0n, to: head, range });

    expectContiguous(read.chunks, 0n, head);
    expect(read.logs.map((l) => BigInt(l.blockNumber))).toEqual(stakeBlocks);
    expect(read.chunks.every((c) => c.to - c.from + 1n <= 5_000n)).toBe(true);
    const stats = proxy.stats();
    const minimum = Math.ceil(Number(head + 1n) / 5_000);
    // Every request either succeeded or was refused; refusals are a handful (the search for the limit), and the
    // accepted ones are within 10% of the fewest possible.
    expect(stats.byMethod.eth_getLogs).toBe(read.chunks.length + stats.refusedLogs);
    expect(stats.refusedLogs).toBeLessThanOrEqual(16);
    expect(read.chunks.length).toBeLessThanOrEqual(Math.ceil(minimum * 1.1) + 2);
    // It settled just under the limit.
    expect(range.settled).toBeLessThanOrEqual(5_000n);
    expect(range.settled).toBeGreaterThan(4_500n);
  });

  it('jumps straight to a limit the RPC names in its refusal', async () => {
    const { proxy, client } = await chain.proxy({ maxLogsRange: 5_000 });
    const head = await chain.head();
    const range = new AdaptiveRange();
    const read = await readAll({ client, address: chain.staking, topic0s: [START_STAKING], from: 0n, to: head, range });
    expect(read.logs).toHaveLength(stakeBlocks.length);
    // One refusal for each request in flight at the initial span, none after.
    expect(proxy.stats().refusedLogs).toBeLessThanOrEqual(3);
    expect(range.settled).toBe(5_000n);
  });

  it('splits at event-dense blocks with a tiny limit and still delivers every event once, in order', async () => {
    const { client } = await chain.proxy({ maxLogsRange: 8 });
    const head = await chain.head();
    const read = await readAll({
      client,
      address: chain.staking,
      topic0s: [START_STAKING],
      from: chain.deployBlock,
      to: head,
      range: new AdaptiveRange({ initial: 64n }),
      concurrency: 4,
    });
    expectContiguous(read.chunks, chain.deployBlock, head);
    expect(read.logs.map((l) => BigInt(l.blockNumber))).toEqual(stakeBlocks);
  });

  it('widens again when the RPC starts accepting more', async () => {
    const { proxy, client } = await chain.proxy({ maxLogsRange: 1_000, refusalMessage: () => 'range too large' });
    const range = new AdaptiveRange();
    await readAll({ client, address: chain.staking, topic0s: [START_STAKING], from: 0n, to: 99_999n, range });
    expect(range.settled).toBeLessThanOrEqual(1_000n);
    proxy.setMaxLogsRange(100_000);
    // Past the memory of the refused span (32 successes), the range doubles again.
    await readAll({ client, address: chain.staking, topic0s: [START_STAKING], from: 100_000n, to: 299_999n, range });
    expect(range.settled).toBeGreaterThan(1_000n);
  });

  it('gives up with the RPC’s own words when even one block is refused', async () => {
    const { client } = await chain.proxy({
      maxLogsRange: 0,
      refusalMessage: () => 'eth_getLogs is disabled on this node: range limit 0',
    });
    const range = new AdaptiveRange({ initial: 4n });
    const failure = await readAll({
      client,
      address: chain.staking,
      topic0s: [START_STAKING],
      from: 0n,
      to: 100n,
      range,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InvalidInputRpcError);
    // viem's own message is the generic line users saw ("Missing or invalid parameters."); the page shows this:
    expect((failure as InvalidInputRpcError).shortMessage).toMatch(/^Missing or invalid parameters\./);
    expect(rpcErrorMessage(failure)).toBe('eth_getLogs is disabled on this node: range limit 0');
  });

  it('shows the RPC’s reason for the single request the app used to send (bug 1)', async () => {
    const { client } = await chain.proxy({ maxLogsRange: 5_000 });
    const failure = await client
      .getLogs({ address: chain.staking, fromBlock: 0n, toBlock: 'latest' })
      .catch((e: unknown) => e);
    expect((failure as Error).message).toContain('Missing or invalid parameters.');
    expect(rpcErrorMessage(failure)).toMatch(/^eth_getLogs is limited to a range of 5000 blocks; \d+ requested$/);
  });
});
