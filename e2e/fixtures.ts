// The e2e wallet: an EIP-6963 provider injected into the page that answers for one of anvil's unlocked
// accounts and forwards every request to the test chain, so transactions are real and signed by anvil.
// It is picked in the real RainbowKit modal, as a person picks their browser wallet.
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';

export const E2E_WALLET_NAME = 'E2E Test Wallet';

interface InjectedWalletOptions {
  rpcUrl: string;
  address: string;
  chainId: number;
  name: string;
}

/** Runs in the page, before the app's scripts. Kept free of imports: it is serialised into the page. */
function installInjectedWallet({ rpcUrl, address, chainId, name }: InjectedWalletOptions) {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  let nextId = 1;
  // As a real wallet: no account for the site until it asks to connect, and the grant outlives a reload.
  const grantKey = 'e2e-wallet-connected';
  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      if (method === 'eth_accounts') return localStorage.getItem(grantKey) === address ? [address] : [];
      if (method === 'eth_requestAccounts') {
        localStorage.setItem(grantKey, address);
        return [address];
      }
      if (method === 'eth_chainId') return `0x${chainId.toString(16)}`;
      if (method === 'wallet_switchEthereumChain' || method === 'wallet_addEthereumChain') return null;
      if (method === 'wallet_requestPermissions' || method === 'wallet_getPermissions') {
        return [{ parentCapability: 'eth_accounts' }];
      }
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: params ?? [] }),
      });
      const body = (await response.json()) as {
        result?: unknown;
        error?: { code: number; message: string; data?: unknown };
      };
      if (body.error) throw Object.assign(new Error(body.error.message), body.error);
      return body.result;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(listener);
    },
  };
  const info = {
    uuid: '6f1b8d6e-5b9a-4a6f-9a55-e2e0c0ffee00',
    name,
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E%3Crect width='8' height='8' fill='%23f59e0b'/%3E%3C/svg%3E",
    rdns: 'dev.callistohub.e2e',
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

export const test = base.extend<{ rpcUrl: string }>({
  // Playwright's fixture callback is named `use`; it is not React's hook.
  rpcUrl: async ({}, provide) => {
    const url = process.env.E2E_RPC_URL;
    if (!url) throw new Error('E2E_RPC_URL is not set: run the e2e tests through `npm run test:e2e`');
    await provide(url);
  },
});

export { expect };

/** The address of anvil account `index`, which the e2e wallet acts as. */
export function anvilAddress(index: number): `0x${string}` {
  return privateKeyToAccount(anvilPrivateKeys[index]!).address;
}

/** Opens `path` with the e2e wallet injected as anvil account `accountIndex`, and connects it through the
 * RainbowKit modal. */
export async function openConnected(page: Page, rpcUrl: string, path: string, accountIndex: number): Promise<void> {
  await page.addInitScript(installInjectedWallet, {
    rpcUrl,
    address: anvilAddress(accountIndex),
    chainId: 31337,
    name: E2E_WALLET_NAME,
  });
  await page.goto(path);
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('button', { name: E2E_WALLET_NAME }).click();
  await expect(page.getByRole('button', { name: /^Account / })).toBeVisible();
}

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
