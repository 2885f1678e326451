// Block dates kept with the history, against a real anvil: a second visit asks for none it has already dated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTimestamps } from './blockTimes';
import { startHistoryTestChain, type HistoryTestChain } from './historyTestChain';
import { createMemoryHistoryStore } from './stores';

let chain: HistoryTestChain;

beforeAll(async () => {
  chain = await startHistoryTestChain(1_000n);
});

afterAll(async () => {
  await chain?.stop();
});

describe('block timestamps of a history', () => {
  it('are read once, then from the store; blocks in the re-read window are not kept', async () => {
    const first = await chain.stake(1);
    await chain.mine(40);
    const recent = await chain.stake(2);
    const head = await chain.head();
    const store = createMemoryHistoryStore();
    const { proxy, client } = await chain.proxy();
    const [a, b] = await Promise.all([
      chain.direct.getBlock({ blockNumber: first }),
      chain.direct.getBlock({ blockNumber: recent }),
    ]);

    const once = await blockTimestamps(client, store, 31337, [first, recent], head, 32n);
    expect(once).toEqual(
      new Map([
        [first, a.timestamp],
        [recent, b.timestamp],
      ]),
    );
    expect(proxy.stats().byMethod.eth_getBlockByNumber).toBe(2);

    proxy.resetStats();
    const again = await blockTimestamps(client, store, 31337, [first, recent], head, 32n);
    expect(again).toEqual(once);
    // The old block comes from the store; the one 32 blocks under the head or closer is asked again.
    expect(proxy.stats().byMethod.eth_getBlockByNumber).toBe(1);
  });
});
