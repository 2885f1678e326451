// Both stores keep the same promises: merged ranges, one log per position in chain order, a reorg cut that forgets
// ranges, logs and the tip from a block on, small values; the IndexedDB one across a reopen (a reload).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toHex, type Hex } from 'viem';
import { createMemoryHistoryStore, openIndexedDbHistoryStore } from './stores';
import type { HistoryKey, HistoryStore, StoredLog } from './types';

const KEY: HistoryKey = {
  chainId: 820,
  address: '0x08A7c8be47773546DC5E173d67B0c38AfFfa4b84',
  topic0: '0x1111111111111111111111111111111111111111111111111111111111111111',
};
const OTHER: HistoryKey = { ...KEY, topic0: '0x2222222222222222222222222222222222222222222222222222222222222222' };

function log(block: number, index: number, data: Hex = '0x'): StoredLog {
  return {
    address: KEY.address,
    topics: [KEY.topic0],
    data,
    blockNumber: toHex(block),
    blockHash: `0x${block.toString(16).padStart(64, '0')}`,
    transactionHash: `0x${(block * 1000 + index).toString(16).padStart(64, '0')}`,
    transactionIndex: '0x0',
    logIndex: toHex(index),
  };
}

const positions = (logs: readonly StoredLog[]) => logs.map((l) => `${BigInt(l.blockNumber)}:${BigInt(l.logIndex)}`);

const stores: [string, () => Promise<HistoryStore>][] = [
  ['memory', async () => createMemoryHistoryStore()],
  ['IndexedDB', () => openIndexedDbHistoryStore({ factory: new IDBFactory(), keyRange: IDBKeyRange })],
];

describe.each(stores)('the %s history store', (_, open) => {
  it('has nothing for a key never written', async () => {
    expect(await (await open()).read(KEY)).toBeUndefined();
  });

  it('merges ranges and keeps one log per position, in chain order', async () => {
    const store = await open();
    await store.update(KEY, { ranges: [{ from: 100n, to: 199n }], logs: [log(150, 1), log(120, 0)] });
    await store.update(KEY, { ranges: [{ from: 300n, to: 399n }], logs: [log(310, 0)] });
    await store.update(KEY, { ranges: [{ from: 200n, to: 299n }], logs: [log(150, 1, '0xaa'), log(150, 0)] });
    const entry = (await store.read(KEY))!;
    expect(entry.ranges).toEqual([{ from: 100n, to: 399n }]);
    expect(positions(entry.logs)).toEqual(['120:0', '150:0', '150:1', '310:0']);
    // A position read again replaces the old copy.
    expect(entry.logs[2]!.data).toBe('0xaa');
    expect(await store.read(OTHER)).toBeUndefined();
  });

  it('forgets ranges, logs and the tip from the reorg cut on', async () => {
    const store = await open();
    await store.update(KEY, {
      ranges: [{ from: 0n, to: 1_000n }],
      logs: [log(10, 0), log(990, 3), log(995, 0)],
      tip: { block: 1_000n, hash: '0xabc' },
    });
    await store.update(KEY, { invalidateFrom: 990n, ranges: [], logs: [] });
    const entry = (await store.read(KEY))!;
    expect(entry.ranges).toEqual([{ from: 0n, to: 989n }]);
    expect(positions(entry.logs)).toEqual(['10:0']);
    expect(entry.tip).toBeUndefined();
    await store.update(KEY, {
      ranges: [{ from: 990n, to: 1_010n }],
      logs: [log(1_001, 0)],
      tip: { block: 1_010n, hash: '0xdef' },
    });
    expect(await store.read(KEY)).toEqual({
      ranges: [{ from: 0n, to: 1_010n }],
      logs: [log(10, 0), log(1_001, 0)],
      tip: { block: 1_010n, hash: '0xdef' },
    });
  });

  it('keeps small values', async () => {
    const store = await open();
    expect(await store.readValue('range:820:x')).toBeUndefined();
    await store.writeValue('range:820:x', '{"size":"5000"}');
    expect(await store.readValue('range:820:x')).toBe('{"size":"5000"}');
  });
});

describe('the IndexedDB history store', () => {
  it('keeps its entries across a reopen, as after a reload', async () => {
    const factory = new IDBFactory();
    const first = await openIndexedDbHistoryStore({ factory, keyRange: IDBKeyRange });
    await first.update(KEY, { ranges: [{ from: 5n, to: 9n }], logs: [log(7, 2)] });
    await first.writeValue('deployment:820:x', '123');
    const second = await openIndexedDbHistoryStore({ factory, keyRange: IDBKeyRange });
    expect(await second.read(KEY)).toEqual({ ranges: [{ from: 5n, to: 9n }], logs: [log(7, 2)] });
    expect(await second.readValue('deployment:820:x')).toBe('123');
  });

  it('refuses to open where there is no IndexedDB, so the app falls back to memory', async () => {
    await expect(openIndexedDbHistoryStore({ factory: undefined, keyRange: undefined })).rejects.toThrow(
      /IndexedDB is not available/,
    );
  });
});
