// What every e2e spec shares: the test chain's RPC URL, chain reads to compare with the page, and the injected
// test wallet (e2e/injectedWallet.ts).
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { createPublicClient, http, type Address, type Hash } from 'viem';

export { anvilAddress, E2E_WALLET_NAME, openConnected } from './injectedWallet';

export const test = base.extend<{ rpcUrl: string }>({
  // Playwright's fixture callback is named `use`; it is not React's hook.
  rpcUrl: async ({}, provide) => {
    const url = process.env.E2E_RPC_URL;
    if (!url) throw new Error('E2E_RPC_URL is not set: run the e2e tests through `npm run test:e2e`');
    await provide(url);
  },
});

export { expect };

/** An account's balance straight from the chain, to compare with what the page shows. */
export async function rpcBalance(rpcUrl: string, address: string): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBalance', params: [address, 'latest'] }),
  });
  return BigInt(((await response.json()) as { result: string }).result);
}

/** A contract's address on the test chain, from the deployments file the e2e runner just wrote. (Read as a
 * file: Playwright's module loader does not take the app's JSON imports.) */
export function deployedAddress(name: string): Address {
  const file = JSON.parse(readFileSync('contracts-abi/deployments/31337.json', 'utf8')) as {
    contracts: Record<string, Address>;
  };
  const address = file.contracts[name];
  if (!address) throw new Error(`${name} is not deployed on the test chain`);
  return address;
}

/** The latest transaction `from` sent, looking back a few blocks: the host nodes' confirmations may have been mined
 * since. */
export async function lastTxOf(rpcUrl: string, from: Address): Promise<Hash> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const latest = await client.getBlockNumber();
  for (let n = latest; n >= 0n && n > latest - 50n; n--) {
    const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
    const tx = block.transactions.find((t) => t.from.toLowerCase() === from.toLowerCase());
    if (tx) return tx.hash;
  }
  throw new Error(`no transaction from ${from} in the last 50 blocks`);
}
