// The bench's injected wallet: an EIP-6963 provider for one anvil account, forwarding to the bench chain.
// e2e/fixtures.ts keeps its own (not exported); this one is the same idea, small enough to keep in step.
import { expect, type Page } from '@playwright/test';
import { privateKeyToAccount } from 'viem/accounts';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { NAME_SHIM } from './routes';

export const BENCH_WALLET_NAME = 'Bench Wallet';

interface WalletOptions {
  rpcUrl: string;
  address: string;
  chainId: number;
  name: string;
}

/** Runs in the page before the app's scripts; serialised, so it imports nothing. */
function installWallet({ rpcUrl, address, chainId, name }: WalletOptions) {
  const grantKey = 'bench-wallet-connected';
  let nextId = 1;
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
      const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
      if (body.error) throw Object.assign(new Error(body.error.message), body.error);
      return body.result;
    },
    on() {},
    removeListener() {},
  };
  const info = {
    uuid: '0b7c3c9e-2f7d-4d55-9c1e-bench0000001',
    name,
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E%3Crect width='8' height='8' fill='%2314b8a6'/%3E%3C/svg%3E",
    rdns: 'dev.callistohub.bench',
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

/** Injects the wallet as anvil account `accountIndex` into every later navigation of `page`, and connects it once
 * through the RainbowKit modal at `path`; wagmi reconnects it on every load after that. */
export async function connectBenchWallet(page: Page, rpcUrl: string, accountIndex: number, path = '/'): Promise<void> {
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(installWallet, {
    rpcUrl,
    address: privateKeyToAccount(anvilPrivateKeys[accountIndex]!).address,
    chainId: 31337,
    name: BENCH_WALLET_NAME,
  });
  await page.goto(path);
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: BENCH_WALLET_NAME }).click();
  await expect(page.getByRole('button', { name: /^Account / })).toBeVisible({ timeout: 30_000 });
}
