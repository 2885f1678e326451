// The cached scan against a real anvil behind the refusing proxy: a second visit reads only new blocks, a reorg
// cannot leave a stale log behind, a cancelled scan keeps what it read and a new one resumes there, in memory and
// in IndexedDB (fake-indexeddb in Node; the browser's own in the e2e).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getAbiItem, toEventSelector } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldStakingAbi } from '../../contracts-abi/ColdStaking';
import { startHistoryTestChain, type HistoryTestChain } from './historyTestChain';
import { AdaptiveRange } from './ranges';
import { HistoryScanCancelled } from './rpcError';
import { REORG_DEPTH, scanHistory, type HistoryScanOptions } from './scan';
import { createMemoryHistoryStore, openIndexedDbHistoryStore } from './stores';
import type { HistoryStore, ScanProgress } from './types';

const FIRST_BLOCK = 200_000n;
const EVENTS = ['StartStaking', 'Claim'] as const;
const START_STAKING_TOPIC = toEventSelector(getAbiItem({ abi: coldStakingAbi, name: 'StartStaking' }));
type Options = HistoryScanOptions<typeof coldStakingAbi, (typeof EVENTS)[number]>;

let chain: HistoryTestChain;

beforeAll(async () => {
  chain = await startHistoryTestChain(FIRST_BLOCK);
  await chain.stake(1);
  await chain.mine(40);
  await chain.stake(2);
  await chain.mine(40);
});

afterAll(async () => {
  await chain?.stop();
});

// The scan reads from the chain's first block (~100 blocks to the head): the cancel and resume tests ask the proxy
// for a small limit so the scan takes many chunks.
async function scanner(store: HistoryStore, extra: Partial<Options> = {}, maxLogsRange = 5_000) {
  const { proxy, client } = await chain.proxy({ maxLogsRange });
  const range = new AdaptiveRange();
  const scan = (more: Partial<Options> = {}) =>
    scanHistory({
      client,
      chainId: 31337,
      address: chain.staking,
      abi: coldStakingAbi,
      eventNames: EVENTS,
      fromBlock: 0n,
      store,
      range,
      ...extra,
      ...more,
    });
  return { proxy, scan };
}

const stakers = (logs: readonly { eventName: string; args: object }[]) =>
  logs.map((l) => (l.eventName === 'StartStaking' ? (l.args as { addr: string }).addr : l.eventName));

describe('scanHistory', () => {
  it('reads the whole history once, then only the new blocks and the last few again', async () => {
    const { proxy, scan } = await scanner(createMemoryHistoryStore());
    const first = await scan();
    expect(stakers(first.logs)).toEqual([chain.accounts[1], chain.accounts[2]]);
    // Asked from block 0, read from the node's first block (anvil --number 200,000 serves nothing before it): a
    // few requests instead of one per 5,000 blocks since genesis; the first block is asked once.
    expect(first.progress.fromBlock).toBe(FIRST_BLOCK);
    expect(first.progress.blocksFetched).toBe(first.scannedTo - FIRST_BLOCK + 1n);
    const firstRequests = proxy.stats().byMethod.eth_getLogs!;
    expect(firstRequests).toBeLessThanOrEqual(8);
    expect(proxy.stats().byMethod.eth_getBlockByNumber).toBe(2);

    const snapshot = await chain.snapshot();
    try {
      await chain.mine(10);
      const block = await chain.stake(3);
      proxy.resetStats();
      const second = await scan();
      expect(stakers(second.logs)).toEqual([chain.accounts[1], chain.accounts[2], chain.accounts[3]]);
      // The new blocks plus the re-read ones, in one request.
      expect(second.progress.blocksFetched).toBe(block - first.scannedTo + REORG_DEPTH);
      expect(proxy.stats().byMethod.eth_getLogs).toBe(1);
    } finally {
      await chain.revert(snapshot);
    }
  });

  it('reports what it found as it arrives, and progress up to 100%', async () => {
    const { scan } = await scanner(createMemoryHistoryStore());
    const seen: number[] = [];
    const progress: ScanProgress[] = [];
    const result = await scan({ onLogs: (logs) => seen.push(logs.length), onProgress: (p) => progress.push(p) });
    expect(seen.at(-1)).toBe(2);
    expect(seen).toEqual([...seen].sort());
    expect(progress[0]!.blocksDone).toBe(0n);
    expect(progress.at(-1)!.blocksDone).toBe(progress.at(-1)!.blocksTotal);
    expect(progress.map((p) => p.blocksDone)).toEqual(
      [...progress.map((p) => p.blocksDone)].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(result.progress.requests).toBeGreaterThan(0);
  });

  it('drops a log that a reorganisation within the re-read blocks removed', async () => {
    const { scan } = await scanner(createMemoryHistoryStore());
    const snapshot = await chain.snapshot();
    const fork = await chain.snapshot();
    try {
      await chain.stake(4);
      await chain.mine(3);
      const before = await scan();
      expect(stakers(before.logs)).toContain(chain.accounts[4]);
      // The chain forgets those blocks and grows differently past them: account 5 staked instead.
      await chain.revert(fork);
      await chain.stake(5);
      await chain.mine(5);
      const after = await scan();
      expect(stakers(after.logs)).toEqual([chain.accounts[1], chain.accounts[2], chain.accounts[5]]);
    } finally {
      await chain.revert(snapshot);
    }
  });

  it('starts over when the block its last scan ended on has a new hash (a reorg deeper than the re-read blocks)', async () => {
    const { proxy, scan } = await scanner(createMemoryHistoryStore());
    const snapshot = await chain.snapshot();
    const fork = await chain.snapshot();
    try {
      await chain.stake(6);
      await chain.mine(Number(REORG_DEPTH) + 20);
      const before = await scan();
      expect(stakers(before.logs)).toContain(chain.accounts[6]);
      await chain.revert(fork);
      await chain.mine(Number(REORG_DEPTH) + 40);
      proxy.resetStats();
      const after = await scan();
      expect(stakers(after.logs)).toEqual([chain.accounts[1], chain.accounts[2]]);
      expect(after.progress.blocksFetched).toBe(after.scannedTo - FIRST_BLOCK + 1n);
    } finally {
      await chain.revert(snapshot);
    }
  });

  it('keeps what a cancelled scan read, and the next scan reads only the rest', async () => {
    const store = createMemoryHistoryStore();
    const { proxy, scan } = await scanner(store, {}, 4);
    proxy.setLogsDelayMs(20);
    const controller = new AbortController();
    let chunks = 0;
    const cancelled = await scan({
      signal: controller.signal,
      saveEveryMs: 0,
      onProgress: () => {
        if (++chunks === 12) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(cancelled).toBeInstanceOf(HistoryScanCancelled);
    const partial = (await store.read({ chainId: 31337, address: chain.staking, topic0: START_STAKING_TOPIC }))!;
    const readBefore = partial.ranges.reduce((n, r) => n + (r.to - r.from + 1n), 0n);
    expect(readBefore).toBeGreaterThan(0n);

    proxy.setLogsDelayMs(0);
    const resumed = await scan();
    expect(stakers(resumed.logs)).toEqual([chain.accounts[1], chain.accounts[2]]);
    // Only the unread blocks, and the last few of the read part again.
    expect(resumed.progress.blocksFetched).toBe(resumed.scannedTo - FIRST_BLOCK + 1n - readBefore + REORG_DEPTH);
  });

  it('resumes after a reload from IndexedDB, and a second visit reads only new blocks', async () => {
    const indexedDB = new IDBFactory();
    const firstVisit = await scanner(
      await openIndexedDbHistoryStore({ factory: indexedDB, keyRange: IDBKeyRange }),
      {},
      4,
    );
    const controller = new AbortController();
    firstVisit.proxy.setLogsDelayMs(20);
    let calls = 0;
    await firstVisit
      .scan({
        signal: controller.signal,
        saveEveryMs: 0,
        onProgress: () => void (++calls === 12 && controller.abort()),
      })
      .catch(() => undefined);

    // A reload: a new store object over the same database, a new range.
    const secondVisit = await scanner(await openIndexedDbHistoryStore({ factory: indexedDB, keyRange: IDBKeyRange }));
    const resumed = await secondVisit.scan();
    expect(stakers(resumed.logs)).toEqual([chain.accounts[1], chain.accounts[2]]);
    expect(resumed.progress.blocksFetched).toBeLessThan(resumed.scannedTo - FIRST_BLOCK + 1n);

    const thirdVisit = await scanner(await openIndexedDbHistoryStore({ factory: indexedDB, keyRange: IDBKeyRange }));
    const again = await thirdVisit.scan();
    expect(stakers(again.logs)).toEqual([chain.accounts[1], chain.accounts[2]]);
    expect(again.progress.blocksFetched).toBe(again.scannedTo - resumed.scannedTo + REORG_DEPTH);
    expect(thirdVisit.proxy.stats().byMethod.eth_getLogs).toBe(1);
  });
});
