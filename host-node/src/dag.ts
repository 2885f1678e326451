// Walks UnixFS DAGs in the local store: is a DAG complete, how many content bytes does it hold (the size the
// contract records), its blocks in depth-first order (CAR), and the walk Helia's pins take through it.
// Only what `ipfs add --cid-version 1` produces is accepted: sha2-256 CIDs of raw or dag-pb blocks.
import * as dagPb from '@ipld/dag-pb';
import type { GraphNode, GraphWalkerFactory, WalkOptions } from 'helia';
import { UnixFS } from 'ipfs-unixfs';
import type { BlockDecoder } from 'multiformats';
import { createUnsafe } from 'multiformats/block';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

export interface BlockReader {
  get(cid: CID, options?: { signal?: AbortSignal }): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  has(cid: CID): Promise<boolean>;
  /** Bytes of a stored block, or undefined when it is not stored. */
  size(cid: CID): Promise<number | undefined>;
}

/** A deeper DAG is not something the importer makes; refusing it bounds the walk. */
const MAX_DEPTH = 256;

export class UnsupportedDagError extends Error {
  override name = 'UnsupportedDagError';
}

/** The multihash as text: the blockstore's own key, shared by CIDs that differ only in version. */
export function blockKey(cid: CID): string {
  return cid.multihash.bytes.join(',');
}

export function checkSupported(cid: CID): void {
  if (cid.multihash.code !== sha256.code) {
    throw new UnsupportedDagError(`${cid} is not hashed with sha2-256`);
  }
  if (cid.code !== raw.code && cid.code !== dagPb.code) {
    throw new UnsupportedDagError(`${cid} is neither a raw nor a dag-pb block`);
  }
}

export async function readBlock(blocks: Pick<BlockReader, 'get'>, cid: CID, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of blocks.get(cid, { signal })) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** True when `bytes` hash to `cid`: what every block received from elsewhere must pass. */
export async function blockMatches(cid: CID, bytes: Uint8Array): Promise<boolean> {
  if (cid.multihash.code !== sha256.code) return false;
  const digest = (await sha256.digest(bytes)).digest;
  const expected = cid.multihash.digest;
  if (digest.byteLength !== expected.byteLength) return false;
  for (let i = 0; i < digest.byteLength; i++) if (digest[i] !== expected[i]) return false;
  return true;
}

export interface DecodedNode {
  links: CID[];
  /** Content bytes held inline by this node (UnixFS file data), 0 for directories. */
  inlineBytes: number;
}

export function decodeNode(cid: CID, bytes: Uint8Array): DecodedNode {
  let node: dagPb.PBNode;
  let unixfs: UnixFS;
  try {
    node = dagPb.decode(bytes);
    unixfs = UnixFS.unmarshal(node.Data ?? new Uint8Array());
  } catch (error) {
    throw new UnsupportedDagError(`${cid} is not a UnixFS node: ${(error as Error).message}`);
  }
  if (unixfs.type === 'symlink' || unixfs.type === 'metadata') {
    throw new UnsupportedDagError(`${cid} is a UnixFS ${unixfs.type}, which uploads never contain`);
  }
  const inline = unixfs.type === 'file' || unixfs.type === 'raw' ? (unixfs.data?.byteLength ?? 0) : 0;
  return { links: node.Links.map((link) => link.Hash), inlineBytes: inline };
}

export interface DagInspection {
  complete: boolean;
  /** Some blocks the DAG needs that are not stored (at most `maxMissing`); their children are unknown yet. */
  missing: CID[];
  /** Content bytes, every occurrence of a shared block counted: the size `ipfs add` reports. */
  contentBytes: bigint;
  /** Bytes of the distinct stored blocks. */
  storedBytes: bigint;
  blocks: number;
}

/**
 * Inspects the DAG under `root` as far as it is stored. Throws UnsupportedDagError for DAGs no upload makes.
 * Each distinct block is read once (a file of zeros repeats one leaf thousands of times).
 */
export async function inspectDag(
  blocks: BlockReader,
  root: CID,
  options: { signal?: AbortSignal; maxMissing?: number } = {},
): Promise<DagInspection> {
  const maxMissing = options.maxMissing ?? 1000;
  const contentOf = new Map<string, bigint>();
  const missing = new Map<string, CID>();
  let storedBytes = 0n;

  const visit = async (cid: CID, depth: number): Promise<bigint> => {
    options.signal?.throwIfAborted();
    checkSupported(cid);
    if (depth > MAX_DEPTH) throw new UnsupportedDagError(`${root} is deeper than ${MAX_DEPTH} levels`);
    const key = blockKey(cid) + ':' + cid.code;
    const known = contentOf.get(key);
    if (known !== undefined) return known;

    let content = 0n;
    if (cid.code === raw.code) {
      const size = await blocks.size(cid);
      if (size === undefined) {
        if (missing.size < maxMissing) missing.set(key, cid);
      } else {
        storedBytes += BigInt(size);
        content = BigInt(size);
      }
    } else if (!(await blocks.has(cid))) {
      if (missing.size < maxMissing) missing.set(key, cid);
    } else {
      const bytes = await readBlock(blocks, cid, options.signal);
      storedBytes += BigInt(bytes.byteLength);
      const node = decodeNode(cid, bytes);
      content = BigInt(node.inlineBytes);
      for (const link of node.links) content += await visit(link, depth + 1);
    }
    contentOf.set(key, content);
    return content;
  };

  const contentBytes = await visit(root, 0);
  return {
    complete: missing.size === 0,
    missing: [...missing.values()],
    contentBytes,
    storedBytes,
    blocks: contentOf.size,
  };
}

/** The DAG's blocks depth first, each distinct block once: the order of a trustless gateway's CAR (dups=n). */
export async function* depthFirstBlocks(
  blocks: BlockReader,
  root: CID,
  signal?: AbortSignal,
): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
  const seen = new Set<string>();
  const stack: CID[] = [root];
  while (stack.length > 0) {
    signal?.throwIfAborted();
    const cid = stack.pop() as CID;
    const key = blockKey(cid) + ':' + cid.code;
    if (seen.has(key)) continue;
    seen.add(key);
    checkSupported(cid);
    const bytes = await readBlock(blocks, cid, signal);
    yield { cid, bytes };
    if (cid.code === dagPb.code) {
      const { links } = decodeNode(cid, bytes);
      for (let i = links.length - 1; i >= 0; i--) stack.push(links[i] as CID);
    }
  }
}

/**
 * The walker `helia.pins.add` and `helia.pins.rm` use here instead of Helia's default. Two reasons:
 * - Helia's walker reads blocks as fast as the disk gives them, into a queue the pin code drains one datastore write
 *   at a time: pinning a 4,000-block file would hold most of its gigabyte in memory. This one reads a block only when
 *   the pin code asks for the next, so one block is in memory at a time.
 * - Helia's walker yields a block once per link to it. The pin code counts a pinned root once per block when adding
 *   but decrements once per occurrence when removing, so a file with repeated chunks (zeros) leaves blocks counted
 *   below zero, which Helia reads as pinned forever. Each distinct block (by multihash, as Helia counts them) is
 *   yielded once here.
 */
export function pinWalker(): GraphWalkerFactory {
  return (components) => ({
    async *walk<T>(root: CID, options: WalkOptions<T> = {}): AsyncGenerator<GraphNode<T>> {
      const maxDepth = options.depth ?? Infinity;
      // Helia counts pins by multihash; the links to follow depend on the codec too (the same bytes may be linked
      // as a raw leaf and as a node).
      const yielded = new Set<string>();
      const expanded = new Set<string>();
      const stack: Array<{ cid: CID; depth: number; path: CID[] }> = [{ cid: root, depth: 0, path: [root] }];
      while (stack.length > 0) {
        options.signal?.throwIfAborted();
        const { cid, depth, path } = stack.pop() as { cid: CID; depth: number; path: CID[] };
        const key = blockKey(cid);
        if (expanded.has(`${key}:${cid.code}`)) continue;
        expanded.add(`${key}:${cid.code}`);
        if (depth > MAX_DEPTH) throw new UnsupportedDagError(`${root} is deeper than ${MAX_DEPTH} levels`);
        const bytes = await readBlock(components.blockstore, cid, options.signal);
        const codec: BlockDecoder<number, T> = await components.getCodec(cid.code);
        const block = createUnsafe({ cid: cid as CID<T, number, number, 0 | 1>, bytes, codec });
        if (depth < maxDepth) {
          const children: CID[] = [];
          for (const [, child] of block.links()) {
            if (options.includeChild?.(child, block) !== false) children.push(child);
          }
          for (let i = children.length - 1; i >= 0; i--) {
            const child = children[i] as CID;
            stack.push({ cid: child, depth: depth + 1, path: [...path, child] });
          }
        }
        if (!yielded.has(key)) {
          yielded.add(key);
          yield { block, depth, path };
        }
      }
    },
  });
}

export function parseCid(text: string): CID | undefined {
  try {
    return CID.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The bytes [start, end) of a UnixFS file, one block at a time and only as fast as the caller reads: a client
 * downloading slowly holds at most one leaf in memory. (ipfs-unixfs-exporter's content() reads ahead without
 * bound, which for a large file and a slow client means the whole file in memory.)
 */
export async function* fileBytes(
  blocks: BlockReader,
  root: CID,
  start: number,
  end: number,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  function* slice(data: Uint8Array, at: number): Generator<Uint8Array> {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, data.byteLength);
    if (to > from) yield data.subarray(from, to);
  }

  async function* visit(cid: CID, at: number, depth: number): AsyncGenerator<Uint8Array> {
    checkSupported(cid);
    if (depth > MAX_DEPTH) throw new UnsupportedDagError(`${root} is deeper than ${MAX_DEPTH} levels`);
    const bytes = await readBlock(blocks, cid, signal);
    if (cid.code === raw.code) {
      yield* slice(bytes, at);
      return;
    }
    const node = dagPb.decode(bytes);
    const unixfs = UnixFS.unmarshal(node.Data ?? new Uint8Array());
    if (unixfs.type !== 'file' && unixfs.type !== 'raw') throw new UnsupportedDagError(`${cid} is not a file`);
    let position = at;
    if (unixfs.data && unixfs.data.byteLength > 0) {
      yield* slice(unixfs.data, position);
      position += unixfs.data.byteLength;
    }
    for (let i = 0; i < node.Links.length && position < end; i++) {
      const size = Number(unixfs.blockSizes[i] ?? 0n);
      if (position + size > start) yield* visit((node.Links[i] as dagPb.PBLink).Hash, position, depth + 1);
      position += size;
    }
  }

  if (end > start) yield* visit(root, 0, 0);
}
