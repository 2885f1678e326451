import { createConfig, fallback, http } from 'wagmi';
import { IS_LOCAL_BUILD, WALLETCONNECT_PROJECT_ID } from './env';
import { activeChain, rpcUrlsFor, type NetworkSettings } from './settings';
import { appConnectors, injectedProviderPresent } from './wallets';

/** How often receipts and the block number are polled. anvil mines at once, so waiting the default
 * seconds for a local receipt would make every local transaction feel stuck. */
export function pollingIntervalFor(settings: NetworkSettings): number {
  return settings.network === 'local' ? 250 : 4_000;
}

/** How long one JSON-RPC request may take before the transport gives up (and retries or falls back). */
export const RPC_TIMEOUT_MS = 10_000;

export function createAppConfig(settings: NetworkSettings) {
  const chain = activeChain(settings);
  const rpcUrls = rpcUrlsFor(settings);
  const isLocalChain = IS_LOCAL_BUILD && settings.network === 'local';
  // Requests made in the same few milliseconds travel as one JSON-RPC batch: one round trip to a far,
  // rate-limited public endpoint instead of one a read.
  // Each request gives up after 10 s (viem's default, written down because the fallback to the next URL and the
  // reads' error states depend on it); the RPC's health is judged by RpcStatusBanner's probe with a shorter deadline.
  const transport = fallback(
    rpcUrls.map((url) => http(url, { batch: { wait: 16 }, retryCount: 2, timeout: RPC_TIMEOUT_MS })),
  );
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: transport },
    connectors: appConnectors({
      chain,
      rpcUrl: rpcUrls[0]!,
      isLocalChain,
      walletConnectProjectId: WALLETCONNECT_PROJECT_ID,
      injectedPresent: injectedProviderPresent(),
    }),
    pollingInterval: pollingIntervalFor(settings),
    ssr: true,
  });
}

export type AppConfig = ReturnType<typeof createAppConfig>;
