// The test wallet of the e2e specs and the bench: an EIP-6963 provider injected into the page that answers for
// one of anvil's unlocked accounts and forwards every request to the test chain, so transactions are real and
// signed by anvil. It is picked in the real RainbowKit modal, as a person picks their browser wallet.
import { expect, type Page } from '@playwright/test';
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

/** tsx wraps functions in a `__name` helper that does not exist in the page the wallet is serialised into. */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** The address of anvil account `index`, which the wallet acts as. */
export function anvilAddress(index: number): `0x${string}` {
  return privateKeyToAccount(anvilPrivateKeys[index]!).address;
}

/** Injects the wallet as anvil account `accountIndex` into every later load of `page`, opens `path` and connects
 * through the RainbowKit modal; wagmi reconnects it on every load after that, as with a real wallet. */
export async function openConnected(
  page: Page,
  rpcUrl: string,
  path: string,
  accountIndex: number,
  options: { timeout?: number; chainId?: number } = {},
): Promise<void> {
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(installInjectedWallet, {
    rpcUrl,
    address: anvilAddress(accountIndex),
    chainId: options.chainId ?? 31337,
    name: E2E_WALLET_NAME,
  });
  await page.goto(path);
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: E2E_WALLET_NAME }).click();
  await expect(page.getByRole('button', { name: /^Account / })).toBeVisible({ timeout: options.timeout });
}
