'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { rpcHealthMessage } from '@/lib/chain/rpcProbe';
import { useNetwork } from './NetworkContext';
import { useRpcHealth } from './useRpcHealth';

/** Watches the RPC with a cheap probe (its chain id, with a deadline of a few seconds); while the RPC does not
 * answer, or answers for another chain, says so, and when it is healthy again refreshes every read that may have
 * failed meanwhile. */
export function RpcStatusBanner() {
  const { rpcUrl, chain } = useNetwork();
  const queryClient = useQueryClient();
  const health = useRpcHealth();
  const wasUnhealthy = useRef(false);
  const state = health.data?.state;

  useEffect(() => {
    if (state === 'down' || state === 'wrong-chain') wasUnhealthy.current = true;
    else if (state === 'ok' && wasUnhealthy.current) {
      wasUnhealthy.current = false;
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'rpc-health' });
    }
  }, [state, queryClient]);

  const message = health.data && rpcHealthMessage(health.data, rpcUrl, chain.id);
  if (!message) return null;
  return (
    <div
      role="alert"
      data-rpc-health={state}
      className="border-b border-amber-700 bg-amber-950 px-4 py-2 text-center text-sm text-amber-100 [overflow-wrap:anywhere]"
    >
      {message}
    </div>
  );
}
