'use client';

import '@rainbow-me/rainbowkit/styles.css';
import { darkTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { WagmiProvider } from 'wagmi';
import { IS_LOCAL_BUILD } from '@/lib/chain/env';
import {
  activeChain,
  loadNetworkSettings,
  rpcUrlsFor,
  saveNetworkSettings,
  type NetworkSettings,
} from '@/lib/chain/settings';
import { createAppConfig } from '@/lib/chain/wagmiConfig';
import { NetworkContext, type NetworkContextValue } from './NetworkContext';

function initialSettings(): NetworkSettings {
  return loadNetworkSettings(typeof window === 'undefined' ? undefined : window.localStorage);
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [settings] = useState(initialSettings);
  const [config] = useState(() => createAppConfig(settings));
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Chain state changes every block; a few seconds of reuse saves round trips between components.
            staleTime: 4_000,
            // A read that fails retries with backoff; the RPC banner tells the user meanwhile.
            retry: 3,
            retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
          },
        },
      }),
  );
  const network = useMemo<NetworkContextValue>(
    () => ({
      settings,
      chain: activeChain(settings),
      rpcUrl: rpcUrlsFor(settings)[0]!,
      isLocalChain: IS_LOCAL_BUILD && settings.network === 'local',
      changeNetwork(next) {
        saveNetworkSettings(window.localStorage, next);
        // wagmi's config is built once per page load; a reload rebuilds every client on the new network.
        window.location.reload();
      },
    }),
    [settings],
  );

  return (
    <NetworkContext.Provider value={network}>
      <WagmiProvider config={config}>
        <QueryClientProvider client={queryClient}>
          <RainbowKitProvider theme={darkTheme({ accentColor: '#14b8a6', borderRadius: 'medium' })} modalSize="compact">
            {children}
          </RainbowKitProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </NetworkContext.Provider>
  );
}
