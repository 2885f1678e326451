// The health of the RPC the app reads from, asked with one cheap call (eth_chainId) and a short deadline of our
// own: a node that accepts connections and never answers must read as down within seconds, not after the
// transport's timeouts and retries (which took two minutes), and a node of another chain must be named as such,
// not as "the network does not answer".
import { hexToNumber, type Hex } from 'viem';

/** `ok` carries the head block, so lists can follow new blocks with no read of their own. */
export type RpcHealth = { state: 'ok'; block: bigint } | { state: 'down' } | { state: 'wrong-chain'; chainId: number };

/** The two calls the probe makes; through a batching transport they travel as one request. */
export type ProbeRequest = {
  (args: { method: 'eth_chainId' }): Promise<Hex>;
  (args: { method: 'eth_blockNumber' }): Promise<Hex>;
};

/** How long the probe waits for its answer: a healthy node answers eth_chainId in milliseconds. */
export const PROBE_TIMEOUT_MS = 4_000;

/** Asks `eth_chainId` and `eth_blockNumber` through `request` (the app's own transport, so the asks join the page's
 * batch) and compares the chain id with the one the app expects. Never throws. */
export async function probeRpc(
  request: ProbeRequest,
  expectedChainId: number,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<RpcHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answers = Promise.all([request({ method: 'eth_chainId' }), request({ method: 'eth_blockNumber' })]);
    const answer = await Promise.race([answers, deadline]);
    if (answer === 'timeout') return { state: 'down' };
    const chainId = hexToNumber(answer[0]);
    return chainId === expectedChainId ? { state: 'ok', block: BigInt(answer[1]) } : { state: 'wrong-chain', chainId };
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
