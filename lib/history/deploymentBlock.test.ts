// Where a contract's history starts, found on a real anvil: by binary search over eth_getCode where the node serves
// old state, cached; never before the first block the node serves (anvil --number, a node started from a snapshot).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHistoryTestChain, type HistoryTestChain } from './historyTestChain';
import { findDeploymentBlock, resolveStartBlock } from './deploymentBlock';
import { createMemoryHistoryStore } from './stores';
import { earliestServedBlock } from './earliestBlock';

let chain: HistoryTestChain;
let late: HistoryTestChain;

beforeAll(async () => {
  // One chain from genesis (full history), one that starts at block 300,000 (no state before it, as a pruned node).
  [chain, late] = await Promise.all([startHistoryTestChain(0n), startHistoryTestChain(300_000n)]);
});

afterAll(async () => {
  await Promise.all([chain?.stop(), late?.stop()]);
});

describe('the block a contract’s history starts at', () => {
  it('is found by binary search over eth_getCode, in about log2(head) calls', async () => {
    const { proxy, client } = await chain.proxy();
    await chain.mine(20);
    const head = await chain.head();
    expect(await findDeploymentBlock(client, chain.staking, head)).toBe(chain.deployBlock);
    expect(proxy.stats().byMethod.eth_getCode).toBeLessThanOrEqual(Math.ceil(Math.log2(Number(head) + 1)) + 1);
  });

  it('is undefined for an address with no code', async () => {
    const { client } = await chain.proxy();
    expect(await findDeploymentBlock(client, chain.accounts[5]!, await chain.head())).toBeUndefined();
  });

  it('is searched once, then read from the store', async () => {
    const store = createMemoryHistoryStore();
    const { proxy, client } = await chain.proxy();
    // ColdStakingV1 has no recorded block on the local chain: it is searched.
    expect(await resolveStartBlock(client, store, 31337, 'ColdStakingV1', chain.staking)).toBe(chain.deployBlock);
    const calls = proxy.stats().byMethod.eth_getCode!;
    expect(await resolveStartBlock(client, store, 31337, 'ColdStakingV1', chain.staking)).toBe(chain.deployBlock);
    expect(proxy.stats().byMethod.eth_getCode).toBe(calls);
  });

  it('is the recorded block when contracts-abi/deployments has one, with no request', async () => {
    const { proxy, client } = await chain.proxy();
    expect(await resolveStartBlock(client, createMemoryHistoryStore(), 820, 'ColdStaking', chain.staking)).toBe(
      7_600_000n,
    );
    expect(proxy.stats().calls).toBe(0);
  });

  it('is searched from the node’s first block when the node refuses state before it (anvil --number)', async () => {
    const { proxy, client } = await late.proxy();
    const head = await late.head();
    // Searched from 0, the node refuses the old state...
    await expect(findDeploymentBlock(client, late.staking, head)).rejects.toThrow();
    proxy.resetStats();
    // ...searched from its first block, the deployment is found, in about log2(head - first block) calls.
    expect(await resolveStartBlock(client, createMemoryHistoryStore(), 31337, 'ColdStakingV1', late.staking)).toBe(
      late.deployBlock,
    );
    expect(proxy.stats().byMethod.eth_getCode).toBeLessThanOrEqual(
      Math.ceil(Math.log2(Number(head - 300_000n) + 1)) + 1,
    );
  });

  it('falls back to the node’s first block, never below it, when the search fails', async () => {
    const { proxy, client } = await late.proxy();
    // An address with code nowhere: nothing to search; the scan starts at the node's first block, not 0.
    expect(await resolveStartBlock(client, createMemoryHistoryStore(), 31337, 'ColdStakingV1', late.accounts[5]!)).toBe(
      300_000n,
    );
    expect(proxy.stats().byMethod.eth_getBlockByNumber).toBe(1);
  });

  it('the node’s first block: 0 on a node with the whole chain, the --number block on anvil, asked once a client', async () => {
    const whole = await chain.proxy();
    const started = await late.proxy();
    expect(await earliestServedBlock(whole.client, 31337)).toBe(0n);
    expect(await earliestServedBlock(started.client, 31337)).toBe(300_000n);
    expect(await earliestServedBlock(started.client, 31337)).toBe(300_000n);
    expect(started.proxy.stats().byMethod.eth_getBlockByNumber).toBe(1);
  });
});
