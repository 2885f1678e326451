'use client';

import { useQueries } from '@tanstack/react-query';
import { fetchHostNodeHealth, type HostNodeHealth } from '@/lib/files/hostNodeClient';

/** Re-checked this often while the page is open: health is live, not a snapshot. */
const HEALTH_REFRESH_MS = 30_000;

/**
 * The live health of each endpoint (`GET {endpoint}/health`, given up after a timeout), one query an endpoint so
 * a slow node never holds back the others. These go to the host nodes, not to the chain's RPC.
 */
export function useNodeHealth(endpoints: readonly string[], enabled = true): Map<string, HostNodeHealth | undefined> {
  const results = useQueries({
    queries: endpoints.map((endpoint) => ({
      queryKey: ['host-node-health', endpoint],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchHostNodeHealth(endpoint, { signal }),
      enabled,
      refetchInterval: HEALTH_REFRESH_MS,
      // fetchHostNodeHealth never throws: offline is an answer, not an error to retry.
      retry: false,
      staleTime: 10_000,
    })),
  });
  return new Map(endpoints.map((endpoint, i) => [endpoint, results[i]?.data]));
}
