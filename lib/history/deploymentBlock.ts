// Where a contract's history starts. Recorded blocks (contracts-abi/deployments/<chainId>.json) win; otherwise the
// first block with code at the address is found by binary search over eth_getCode at past blocks (about 25 calls
// for 20 million blocks), which needs an RPC that serves historical state; the answer is kept in the store. An RPC
// that refuses old state (a pruned node answers "missing trie node" or "header not found") makes it 0, the safe
// start: a later start could miss events, an earlier one only costs requests.
import type { Address } from 'viem';
import { recordedDeploymentBlock, type ContractName } from '../chain/deployments';
import { findDeploymentBlock } from './codeSearch';
import { earliestServedBlock } from './earliestBlock';
import type { HistoryClient } from './reader';
import { HistoryScanCancelled } from './rpcError';
import type { HistoryStore } from './types';

export { findDeploymentBlock };

const cacheName = (chainId: number, address: Address) => `deployment:${chainId}:${address.toLowerCase()}`;

/** The block to scan `name`'s events from: recorded, else cached, else searched (and cached) from the first block
 * the node serves, else that first block (0 on a node with the whole chain). */
export async function resolveStartBlock(
  client: HistoryClient,
  store: HistoryStore,
  chainId: number,
  name: ContractName,
  address: Address,
  signal?: AbortSignal,
): Promise<bigint> {
  const recorded = recordedDeploymentBlock(chainId, name);
  if (recorded !== undefined) return recorded;
  const cached = await store.readValue(cacheName(chainId, address)).catch(() => undefined);
  if (cached && /^\d+$/.test(cached)) return BigInt(cached);
  // No log predates the first block the node serves: the search and the fallback start there.
  const earliest = await earliestServedBlock(client, chainId);
  try {
    const head = BigInt(await client.request({ method: 'eth_blockNumber' }));
    const found = await findDeploymentBlock(client, address, head, signal, earliest);
    if (found === undefined) return earliest;
    await store.writeValue(cacheName(chainId, address), found.toString()).catch(() => undefined);
    return found;
  } catch (error) {
    if (error instanceof HistoryScanCancelled) throw error;
    return earliest;
  }
}
