'use client';

import { useQuery } from '@tanstack/react-query';
import { useContext, useEffect, useRef } from 'react';
import { usePublicClient } from 'wagmi';
import { probeRpc, type ProbeRequest } from '@/lib/chain/rpcProbe';
import { NetworkContext } from './NetworkContext';

/** The RPC's health and head block, asked every few seconds (one batched request: eth_chainId and
 * eth_blockNumber). One query for the whole app: the banner and every list that follows the chain share it. */
export function useRpcHealth() {
  // Outside the app's providers (a component test of one part) there is no network to watch: the query stays off.
  const network = useContext(NetworkContext);
  const client = usePublicClient();
  const chainId = network?.chain.id ?? 0;
  return useQuery({
    queryKey: ['rpc-health', chainId, network?.rpcUrl],
    // The app's own transport, so the first ask joins the page's first batch (no extra request); the probe's own
    // deadline, not the transport's timeout and retries, decides when the RPC counts as down.
    queryFn: () => probeRpc(client!.request as ProbeRequest, chainId),
    enabled: client !== undefined && network !== null,
    refetchInterval: network?.isLocalChain ? 2_000 : 8_000,
    refetchIntervalInBackground: false,
    retry: 0,
  });
}

/**
 * Calls `refetch` whenever the chain's head moves past the block seen when the page opened, and when the tab
 * comes back into view: a list's count follows the chain (one cheap read a new block, never the whole list; the
 * page read follows the count by itself). The head comes from the shared RPC probe, so a quiet chain costs nothing.
 */
export function useFollowChain(refetch: () => unknown) {
  const health = useRpcHealth();
  const block = health.data?.state === 'ok' ? health.data.block : undefined;
  const seen = useRef<bigint | undefined>(undefined);
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    if (block === undefined) return;
    if (seen.current !== undefined && block > seen.current) void latest.current();
    if (seen.current === undefined || block > seen.current) seen.current = block;
  }, [block]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void latest.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, []);
}
