// The first block the node serves. A node started from a snapshot or at a high block number (anvil --number, a
// chain restarted from a state dump) has no blocks, state or logs before it, so no history can start earlier: every
// scan and the deployment-block search are bounded by it. A real archive or full node answers 0 (its genesis), so
// on mainnet nothing changes. Asked once per client and chain; a failure counts as 0 (the safe bound) and is asked
// again next time.
import type { HistoryClient } from './reader';

const asked = new WeakMap<HistoryClient, Map<number, Promise<bigint>>>();

async function askEarliest(client: HistoryClient): Promise<bigint> {
  const block = (await client.request({ method: 'eth_getBlockByNumber', params: ['earliest', false] })) as {
    number?: string | null;
  } | null;
  return block?.number ? BigInt(block.number) : 0n;
}

/** The number of the earliest block `client` serves on `chainId` (0 on a node with the whole chain). */
export function earliestServedBlock(client: HistoryClient, chainId: number): Promise<bigint> {
  let byChain = asked.get(client);
  if (!byChain) asked.set(client, (byChain = new Map()));
  const known = byChain.get(chainId);
  if (known) return known;
  const pending = askEarliest(client).catch(() => {
    byChain.delete(chainId);
    return 0n;
  });
  byChain.set(chainId, pending);
  return pending;
}
