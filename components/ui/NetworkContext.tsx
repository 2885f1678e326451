'use client';

import { createContext, useContext } from 'react';
import type { Chain } from 'viem';
import type { NetworkSettings } from '@/lib/chain/settings';

export interface NetworkContextValue {
  settings: NetworkSettings;
  chain: Chain;
  rpcUrl: string;
  isLocalChain: boolean;
  /** Saves the choice in the browser and restarts the app on that network. */
  changeNetwork(settings: NetworkSettings): void;
}

export const NetworkContext = createContext<NetworkContextValue | null>(null);

/** The network the app reads from: the chain, its RPC URL and whether it is the local dev chain. */
export function useNetwork(): NetworkContextValue {
  const value = useContext(NetworkContext);
  if (!value) throw new Error('useNetwork must be used inside AppProviders');
  return value;
}
