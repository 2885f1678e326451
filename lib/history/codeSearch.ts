// The first block at which a contract has code, by binary search over eth_getCode at past blocks. Kept apart from
// deploymentBlock.ts (which reads the deployments JSON) so Node scripts can import it without JSON imports.
import { toHex, type Address } from 'viem';
import type { HistoryClient } from './reader';
import { HistoryScanCancelled } from './rpcError';

async function hasCodeAt(client: HistoryClient, address: Address, block: bigint): Promise<boolean> {
  const code = await client.request({ method: 'eth_getCode', params: [address, toHex(block)] });
  return typeof code === 'string' && code !== '0x' && code !== '0x0';
}

/** The first block at which `address` has code, by binary search in [earliest, head] (`earliest`: the first block
 * the node serves, 0 by default; code already there gives `earliest`); undefined when it has none at the head;
 * throws when the RPC refuses historical state. Assumes code, once there, stays (a contract that self-destructed
 * and came back would be found at a later life). */
export async function findDeploymentBlock(
  client: HistoryClient,
  address: Address,
  head: bigint,
  signal?: AbortSignal,
  earliest = 0n,
): Promise<bigint | undefined> {
  if (!(await hasCodeAt(client, address, head))) return undefined;
  let low = earliest < head ? earliest : head;
  let high = head;
  while (low < high) {
    if (signal?.aborted) throw new HistoryScanCancelled();
    const middle = (low + high) / 2n;
    if (await hasCodeAt(client, address, middle)) high = middle;
    else low = middle + 1n;
  }
  return low;
}
