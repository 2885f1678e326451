// The dates of the blocks a history shows, kept in the history store with the logs, so a second visit reads no
// block it has already dated. Without it every visit asked for the full block of each row (eth_getBlockByNumber,
// up to a thousand transaction hashes each on a busy chain) to show one number. A timestamp is kept only for a
// block below the re-read window of the scan (REORG_DEPTH under the head), where a reorganisation is not expected.
import { toHex } from 'viem';
import type { HistoryClient } from './reader';
import type { HistoryStore } from './types';

const keyOf = (chainId: number, block: bigint) => `blocktime:${chainId}:${block}`;

interface RawBlockTime {
  number?: string | null;
  timestamp?: string | null;
}

/**
 * The timestamps of `blocks` (those the RPC fails to give are left out): from the store where known, the rest asked
 * together (one JSON-RPC batch) and stored when at least `stableDepth` blocks under `head`.
 */
export async function blockTimestamps(
  client: HistoryClient,
  store: HistoryStore,
  chainId: number,
  blocks: readonly bigint[],
  head: bigint,
  stableDepth: bigint,
): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  const cached = await Promise.all(blocks.map((b) => store.readValue(keyOf(chainId, b)).catch(() => undefined)));
  const missing: bigint[] = [];
  blocks.forEach((b, i) => {
    const value = cached[i];
    if (value && /^\d+$/.test(value)) times.set(b, BigInt(value));
    else missing.push(b);
  });
  const fetched = await Promise.allSettled(
    missing.map(
      (b) =>
        client.request({ method: 'eth_getBlockByNumber', params: [toHex(b), false] }) as Promise<RawBlockTime | null>,
    ),
  );
  const writes: Promise<unknown>[] = [];
  fetched.forEach((result, i) => {
    const b = missing[i]!;
    if (result.status !== 'fulfilled' || !result.value?.timestamp) return;
    const timestamp = BigInt(result.value.timestamp);
    times.set(b, timestamp);
    if (b + stableDepth <= head)
      writes.push(store.writeValue(keyOf(chainId, b), timestamp.toString()).catch(() => undefined));
  });
  await Promise.all(writes);
  return times;
}
