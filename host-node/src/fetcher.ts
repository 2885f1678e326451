// Fetches a DAG from other host nodes over the trustless gateway protocol: first the whole DAG as a CAR, then any
// block still missing one by one (`?format=raw`). Nothing is trusted: a block is stored only when its bytes hash to
// its CID and its CID is linked from a block already accepted (starting at the root asked for), so a peer can
// neither corrupt the DAG nor fill the store with blocks of its own choosing.
import { CarBlockIterator } from '@ipld/car/iterator';
import * as dagPb from '@ipld/dag-pb';
import type { CID } from 'multiformats/cid';
import { blockKey, blockMatches, checkSupported, decodeNode, inspectDag } from './dag';
import { describeError, type Log } from './log';
import type { BlockStorage } from './store';

/** The largest block accepted from a peer, as trustless gateway clients commonly cap it. */
export const MAX_BLOCK_BYTES = 2 * 1024 * 1024;

export interface FetchOptions {
  signal: AbortSignal;
  /** Bytes accepted from one peer for this DAG before giving up on it. */
  maxBytes: bigint;
  /** A response that sends nothing for this long is abandoned. */
  idleTimeoutMs: number;
  log: Log;
}

/**
 * A peer answered 404: it does not hold the block (yet). While a file replicates this is the normal race (the
 * node that took the upload may still be importing it, or the peer asked is itself waiting for it), so it is retried
 * without being reported as a failure.
 */
export class NotHeldByPeerError extends Error {
  constructor() {
    super('not held there yet (answered 404)');
    this.name = 'NotHeldByPeerError';
  }
}

const key = (cid: CID): string => `${blockKey(cid)}:${cid.code}`;

/** Reads a fetch body as an async iterable, aborting when it stalls. */
async function* bodyChunks(response: Response, idle: AbortController, idleTimeoutMs: number) {
  if (!response.body) return;
  const reader = response.body.getReader();
  let timer = setTimeout(() => idle.abort(new Error('the peer stopped sending')), idleTimeoutMs);
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new Error('the peer stopped sending')), idleTimeoutMs);
      yield value;
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

async function request(
  url: string,
  accept: string,
  options: FetchOptions,
): Promise<{ response: Response; idle: AbortController }> {
  const idle = new AbortController();
  const timer = setTimeout(() => idle.abort(new Error('the peer did not answer')), options.idleTimeoutMs);
  try {
    const response = await fetch(url, {
      headers: { Accept: accept },
      signal: AbortSignal.any([options.signal, idle.signal]),
    });
    if (!response.ok) {
      await response.body?.cancel();
      if (response.status === 404) throw new NotHeldByPeerError();
      throw new Error(`answered ${response.status}`);
    }
    return { response, idle };
  } finally {
    clearTimeout(timer);
  }
}

/** Stores the verified blocks of the CAR a peer sends for `root`. */
async function fetchCar(endpoint: string, root: CID, blocks: BlockStorage, options: FetchOptions): Promise<void> {
  const url = `${endpoint}/ipfs/${root}?format=car&dag-scope=all`;
  const { response, idle } = await request(url, 'application/vnd.ipld.car', options);
  const wanted = new Set([key(root)]);
  let received = 0n;
  const car = await CarBlockIterator.fromIterable(bodyChunks(response, idle, options.idleTimeoutMs));
  for await (const { cid, bytes } of car) {
    received += BigInt(bytes.byteLength);
    if (received > options.maxBytes) throw new Error(`sent more than ${options.maxBytes} bytes`);
    if (!wanted.has(key(cid))) continue;
    checkSupported(cid);
    if (bytes.byteLength > MAX_BLOCK_BYTES) throw new Error(`sent a block of ${bytes.byteLength} bytes`);
    if (!(await blockMatches(cid, bytes))) throw new Error(`sent bytes that do not hash to ${cid}`);
    await blocks.put(cid, bytes, { signal: options.signal });
    if (cid.code === dagPb.code) for (const link of decodeNode(cid, bytes).links) wanted.add(key(link));
  }
}

/** One block, `?format=raw`, verified. */
async function fetchBlock(endpoint: string, cid: CID, blocks: BlockStorage, options: FetchOptions): Promise<void> {
  checkSupported(cid);
  const { response, idle } = await request(`${endpoint}/ipfs/${cid}?format=raw`, 'application/vnd.ipld.raw', options);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of bodyChunks(response, idle, options.idleTimeoutMs)) {
    length += chunk.byteLength;
    if (length > MAX_BLOCK_BYTES) throw new Error(`sent more than ${MAX_BLOCK_BYTES} bytes for one block`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (!(await blockMatches(cid, bytes))) throw new Error(`sent bytes that do not hash to ${cid}`);
  await blocks.put(cid, bytes, { signal: options.signal });
}

export interface FetchResult {
  /** The peer that completed the DAG; undefined when no peer had all of it (yet). */
  from?: string;
  /** Blocks stored, whether or not the DAG was completed. */
  stored: number;
  /** Peers that answered that they do not hold the DAG's root yet (a race, not a failure: see NotHeldByPeerError). */
  notHeldBy: number;
}

/** Completes the DAG under `root` in `blocks` from the first peer that can. */
export async function fetchDag(
  root: CID,
  endpoints: readonly string[],
  blocks: BlockStorage,
  options: FetchOptions,
): Promise<FetchResult> {
  let stored = 0;
  let notHeldBy = 0;
  const counting: BlockStorage = {
    get: (cid, o) => blocks.get(cid, o),
    has: (cid) => blocks.has(cid),
    size: (cid) => blocks.size(cid),
    put: async (cid, bytes, o) => {
      stored++;
      return blocks.put(cid, bytes, o);
    },
  };
  for (const endpoint of endpoints) {
    options.signal.throwIfAborted();
    try {
      await fetchCar(endpoint, root, counting, options);
    } catch (error) {
      if (options.signal.aborted) throw error;
      // Not there yet is counted for the caller's one note; only real failures are logged, one line each.
      if (error instanceof NotHeldByPeerError) notHeldBy++;
      else options.log(`fetching ${root} as a CAR from ${endpoint} failed: ${describeError(error)}`);
    }
    // A CAR cut short (or a peer missing some blocks) may leave gaps: ask for them one by one, level by level.
    for (let round = 0; round < 64; round++) {
      const inspection = await inspectDag(blocks, root, { signal: options.signal, maxMissing: 64 });
      if (inspection.complete) return { from: endpoint, stored, notHeldBy };
      try {
        for (const cid of inspection.missing) await fetchBlock(endpoint, cid, counting, options);
      } catch (error) {
        if (options.signal.aborted) throw error;
        break;
      }
    }
  }
  return { stored, notHeldBy };
}
