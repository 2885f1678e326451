// The staking page on a mainnet-like chain (scripts/e2e-mainnet.ts): chain 820 from block 20,000,000, the cold
// staking contracts at their mainnet addresses with 1,000 stakers (40 idle for over a year after their term), no
// Multicall3, and the app's RPC behind a proxy that refuses eth_getLogs over 5,000 blocks. Requests are counted as
// the browser sends them to that proxy.
import type { Page } from '@playwright/test';
import { createPublicClient, http, parseEventLogs, type Address } from 'viem';
import { coldStakingAbi } from '../contracts-abi/ColdStaking';
import { coldStakingV1Abi } from '../contracts-abi/ColdStakingV1';
import { anvilAddress, expect, openConnected, test } from './fixtures';
import { readFileSync } from 'node:fs';

const VIEWER = 1;
const IDLE_STAKERS = 40;
// Read as a file: Playwright's module loader does not take the app's JSON imports.
const mainnet = JSON.parse(readFileSync('contracts-abi/deployments/820.json', 'utf8')) as {
  contracts: { ColdStaking: Address; ColdStakingV1: Address };
};
const V2 = mainnet.contracts.ColdStaking;
const V1 = mainnet.contracts.ColdStakingV1;
const LOGS_RANGE = 5_000n;

interface RpcCount {
  httpRequests: number;
  byMethod: Record<string, number>;
}

/** Counts what the page sends to the app's RPC (the proxy): HTTP requests and JSON-RPC calls by method. */
function countRpc(page: Page, url: string): { now(): RpcCount; reset(): void } {
  let count: RpcCount = { httpRequests: 0, byMethod: {} };
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(url)) return;
    count.httpRequests++;
    const body = JSON.parse(request.postData() ?? '[]') as { method: string } | { method: string }[];
    for (const call of Array.isArray(body) ? body : [body]) {
      count.byMethod[call.method] = (count.byMethod[call.method] ?? 0) + 1;
    }
  });
  return {
    now: () => ({ httpRequests: count.httpRequests, byMethod: { ...count.byMethod } }),
    reset: () => (count = { httpRequests: 0, byMethod: {} }),
  };
}

function appRpcUrl(): string {
  const url = process.env.E2E_APP_RPC_URL;
  if (!url) throw new Error('E2E_APP_RPC_URL is not set: run through scripts/e2e-mainnet.ts');
  return url;
}

const inactiveRows = (page: Page) => page.getByRole('button', { name: /^Return stake to owner: / });

test.describe.configure({ mode: 'serial' });

test('the staking page with 1,000 stakers loads behind a 5,000-block limit, to the wei, and a reload reads only new blocks', async ({
  page,
  rpcUrl,
}) => {
  // The first visit reads ~12.4 million blocks of V2 and, where V1's start cannot be found (this anvil serves no state
  // before its first block), 20 million of V1, in 5,000-block requests: minutes on a loaded 2-core machine.
  test.setTimeout(1_200_000);
  const client = createPublicClient({ transport: http(rpcUrl) });
  const me = anvilAddress(VIEWER);
  const rpc = countRpc(page, appRpcUrl());

  await openConnected(page, rpcUrl, '/staking/', VIEWER, { chainId: 820, timeout: 60_000 });
  // Both histories scanned from their start to the head, in ranges the RPC accepts.
  await expect(inactiveRows(page)).toHaveCount(IDLE_STAKERS, { timeout: 900_000 });
  await expect(page.getByRole('cell', { name: 'Stake (V1)', exact: true })).toBeVisible({ timeout: 900_000 });
  await expect(page.getByRole('cell', { name: 'Stake', exact: true })).toBeVisible();
  const first = rpc.now();
  const head = await client.getBlockNumber();
  // Never one read a staker: the candidates (40) are verified in one batch.
  const calls = first.byMethod.eth_call ?? 0;
  console.log(`first visit: ${first.httpRequests} HTTP requests, calls by method ${JSON.stringify(first.byMethod)}`);
  expect(calls).toBeLessThan(200);
  // eth_getLogs proportional to the scanned range over the largest accepted range (V2 from block 7,600,000; V1
  // from wherever its start could be found), with room for the adaptive start and refusals.
  const maxScans = (2n * head) / LOGS_RANGE + 200n;
  expect(BigInt(first.byMethod.eth_getLogs ?? 0)).toBeLessThanOrEqual(maxScans);

  // Every figure to the wei against the contracts, in the block the page read (nothing is mined meanwhile).
  const block = await client.getBlock();
  const [reward, totalAmount, balance] = await Promise.all([
    client.readContract({
      address: V2,
      abi: coldStakingAbi,
      functionName: 'stake_reward',
      args: [me],
      blockNumber: block.number,
    }),
    client.readContract({
      address: V2,
      abi: coldStakingAbi,
      functionName: 'TotalStakingAmount',
      blockNumber: block.number,
    }),
    client.getBalance({ address: V2, blockNumber: block.number }),
  ]);
  expect(reward).toBeGreaterThan(0n);
  await expect(page.getByTestId('claimable-reward')).toHaveAttribute('data-exact', reward.toString());
  await expect(page.getByTestId('reward-pool')).toHaveAttribute('data-exact', (balance - totalAmount).toString());
  // V1's stored pool lags behind its block rewards; the card shows what a withdrawal pays now.
  const v1Reward = await client.readContract({
    address: V1,
    abi: coldStakingV1Abi,
    functionName: 'stake_reward',
    args: [me],
  });
  const v1Stored = await client.readContract({ address: V1, abi: coldStakingV1Abi, functionName: 'StakingRewardPool' });
  expect(v1Reward).toBeGreaterThan(v1Stored);
  await expect(page.getByTestId('v1-reward')).toHaveAttribute('data-exact', v1Reward.toString());

  // A second visit reads only the blocks mined since: a handful of log requests, not thousands.
  rpc.reset();
  await page.reload();
  await expect(inactiveRows(page)).toHaveCount(IDLE_STAKERS, { timeout: 60_000 });
  await expect(page.getByRole('cell', { name: 'Stake (V1)', exact: true })).toBeVisible();
  const second = rpc.now();
  console.log(`second visit: ${second.httpRequests} HTTP requests, calls by method ${JSON.stringify(second.byMethod)}`);
  expect(second.byMethod.eth_getLogs ?? 0).toBeLessThanOrEqual(6);
  expect(second.byMethod.eth_call ?? 0).toBeLessThan(200);
});

test('V1: withdrawal is the primary action, a claim warns of the lock with its date, and the confirmation stays', async ({
  page,
  rpcUrl,
}) => {
  test.setTimeout(300_000);
  const client = createPublicClient({ transport: http(rpcUrl) });
  const me = anvilAddress(VIEWER);
  await openConnected(page, rpcUrl, '/staking/', VIEWER, { chainId: 820, timeout: 60_000 });
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Legacy cold staking (V1)' }) });
  const withdraw = page.getByRole('button', { name: 'Withdraw stake and reward' });
  await expect(withdraw).toBeEnabled({ timeout: 60_000 });

  await page.getByText('Claim the reward only').click();
  await expect(
    page
      .getByRole('note')
      .filter({ hasText: /restarts the one-round lock: after claiming now you could not withdraw the stake until/ }),
  ).toBeVisible();
  const claim = page.getByRole('button', { name: 'Claim reward and restart the lock' });
  await expect(claim).toBeDisabled();
  await page.getByLabel(/I understand my V1 stake stays locked until/).check();
  await expect(claim).toBeEnabled();

  await withdraw.click();
  await expect(page.getByRole('status').filter({ hasText: /^Withdrew 250 CLO from V1/ })).toBeVisible({
    timeout: 60_000,
  });
  const [stake] = await client.readContract({ address: V1, abi: coldStakingV1Abi, functionName: 'staker', args: [me] });
  expect(stake).toBe(0n);
  // Still there once the V1 amount is 0 and the page has re-read it.
  await page.waitForTimeout(3_000);
  await expect(page.getByText('Your V1 stake is withdrawn')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Withdrew 250 CLO from V1/ })).toBeVisible();
  await expect(card).toBeVisible();
  // The withdrawal joins the history, marked V1.
  await expect(page.getByRole('cell', { name: 'Withdraw (V1)', exact: true })).toBeVisible({ timeout: 60_000 });
  const logs = await client.getLogs({ address: V1, fromBlock: (await client.getBlockNumber()) - 5n });
  expect(parseEventLogs({ abi: coldStakingV1Abi, eventName: 'WithdrawStake', logs })).toHaveLength(1);
});
