'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useBlockNumber } from 'wagmi';
import { useNetwork } from './NetworkContext';

/** Watches the RPC through the block number; while it fails, says so, and when it answers again,
 * refreshes every read that may have failed meanwhile. */
export function RpcStatusBanner() {
  const { rpcUrl, isLocalChain } = useNetwork();
  const queryClient = useQueryClient();
  // A plain interval query rather than a block watcher: its error state is exactly "the last ask failed",
  // and the interval keeps asking while it is down.
  const block = useBlockNumber({
    query: { refetchInterval: isLocalChain ? 2_000 : 8_000, retry: 0, refetchIntervalInBackground: false },
  });
  const wasDown = useRef(false);
  const isDown = block.isError;

  useEffect(() => {
    if (isDown) wasDown.current = true;
    else if (wasDown.current && block.isSuccess) {
      wasDown.current = false;
      void queryClient.invalidateQueries();
    }
  }, [isDown, block.isSuccess, queryClient]);

  if (!isDown) return null;
  return (
    <div role="alert" className="border-b border-amber-700 bg-amber-950 px-4 py-2 text-center text-sm text-amber-100">
      Cannot reach the network at <span className="font-mono break-all">{rpcUrl}</span>. Retrying; what you see may be
      out of date.
    </div>
  );
}
