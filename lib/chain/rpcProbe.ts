// The health of the RPC the app reads from, asked with one cheap call (eth_chainId) and a short deadline of our
// own: a node that accepts connections and never answers must read as down within seconds, not after the
// transport's timeouts and retries (which took two minutes), and a node of another chain must be named as such,
// not as "the network does not answer".
import { hexToNumber, type Hex } from 'viem';

export type RpcHealth = { state: 'ok' } | { state: 'down' } | { state: 'wrong-chain'; chainId: number };

/** How long the probe waits for its answer: a healthy node answers eth_chainId in milliseconds. */
export const PROBE_TIMEOUT_MS = 4_000;

/** Asks `eth_chainId` through `request` (the app's own transport, so the ask joins the page's batch) and compares
 * it with the chain the app expects. Never throws. */
export async function probeRpc(
  request: (args: { method: 'eth_chainId' }) => Promise<Hex>,
  expectedChainId: number,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<RpcHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer = await Promise.race([request({ method: 'eth_chainId' }), deadline]);
    if (answer === 'timeout') return { state: 'down' };
    const chainId = hexToNumber(answer);
    return chainId === expectedChainId ? { state: 'ok' } : { state: 'wrong-chain', chainId };
  } catch {
    return { state: 'down' };
  } finally {
    clearTimeout(timer);
  }
}

/** The banner's sentence for an unhealthy RPC. */
export function rpcHealthMessage(health: RpcHealth, rpcUrl: string, expectedChainId: number): string | undefined {
  if (health.state === 'down')
    return `Cannot reach the network at ${rpcUrl}. Retrying; what you see may be out of date.`;
  if (health.state === 'wrong-chain') {
    return `This RPC (${rpcUrl}) serves chain ${health.chainId}, the app expects ${expectedChainId}. What you see is not this network's data: choose another RPC URL in the settings.`;
  }
  return undefined;
}
