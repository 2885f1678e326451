// The network a visitor chose in the settings panel, kept in the browser. A static build cannot be
// reconfigured on a server, so this is how a user points the app at their own RPC endpoint.
import type { Chain } from 'viem';
import { chainsByNetwork, isNetworkKey, type NetworkKey } from './chains';
import { BUILD_NETWORK, BUILD_RPC_URL, IS_LOCAL_BUILD } from './env';

export interface NetworkSettings {
  network: NetworkKey;
  /** The user's own RPC URL; undefined uses the build's or the network's default. */
  rpcUrl?: string;
}

const STORAGE_KEY = 'callisto-hub:network';

/** Networks this build offers. The local chain only exists in local builds. */
export function availableNetworks(): NetworkKey[] {
  return IS_LOCAL_BUILD ? ['local', 'callisto'] : ['callisto'];
}

export function defaultNetworkSettings(): NetworkSettings {
  return { network: BUILD_NETWORK };
}

export function loadNetworkSettings(storage: Pick<Storage, 'getItem'> | undefined): NetworkSettings {
  const fallback = defaultNetworkSettings();
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return fallback;
  try {
    const parsed = JSON.parse(raw) as { network?: unknown; rpcUrl?: unknown };
    if (!isNetworkKey(parsed.network) || !availableNetworks().includes(parsed.network)) return fallback;
    const rpcUrl =
      typeof parsed.rpcUrl === 'string' && validateRpcUrl(parsed.rpcUrl) === null ? parsed.rpcUrl : undefined;
    return { network: parsed.network, rpcUrl };
  } catch {
    return fallback;
  }
}

export function saveNetworkSettings(storage: Pick<Storage, 'setItem'>, settings: NetworkSettings): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

/** The RPC URLs a network is read through, the user's own first. */
export function rpcUrlsFor(settings: NetworkSettings): string[] {
  if (settings.rpcUrl) return [settings.rpcUrl];
  if (BUILD_RPC_URL && settings.network === BUILD_NETWORK) return [BUILD_RPC_URL];
  return [...chainsByNetwork[settings.network].rpcUrls.default.http];
}

/** The RPC URL a network is read through when the user set none: the build's own (the local stack's anvil, on
 * whatever port it runs) for the network the build is for, else the network's public one. The settings dialog
 * shows it as the placeholder, so it never names a port the stack does not use. */
export function defaultRpcUrl(
  network: NetworkKey,
  build: { network: NetworkKey; rpcUrl: string | undefined } = { network: BUILD_NETWORK, rpcUrl: BUILD_RPC_URL },
): string {
  if (build.rpcUrl && network === build.network) return build.rpcUrl;
  return chainsByNetwork[network].rpcUrls.default.http[0]!;
}

/** The chain object with the RPC URLs actually used, so wallets that add the network get the same ones. */
export function activeChain(settings: NetworkSettings): Chain {
  const chain = chainsByNetwork[settings.network];
  return { ...chain, rpcUrls: { default: { http: rpcUrlsFor(settings) } } };
}

/** Why a URL cannot be an RPC endpoint, or null when it can. */
export function validateRpcUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter a full URL, such as https://rpc.callisto.network/';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https:// or http://';
  return null;
}

export type RpcCheck = { ok: true } | { ok: false; message: string };

/** Asks the endpoint for its chain id: an RPC for another chain would show wrong balances silently. */
export async function checkRpcUrl(
  url: string,
  expectedChainId: number,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 8_000,
): Promise<RpcCheck> {
  const invalid = validateRpcUrl(url);
  if (invalid) return { ok: false, message: invalid };
  try {
    const response = await fetchImpl(url.trim(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, message: `The endpoint answered HTTP ${response.status}` };
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== 'string') return { ok: false, message: 'The endpoint did not answer eth_chainId' };
    const chainId = Number.parseInt(body.result, 16);
    if (chainId !== expectedChainId) {
      return { ok: false, message: `This endpoint serves chain ${chainId}, not chain ${expectedChainId}` };
    }
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError') return { ok: false, message: 'The endpoint did not answer in time' };
    return { ok: false, message: 'The endpoint cannot be reached (offline, wrong URL, or it refuses this site)' };
  }
}
