// A download the browser checks itself instead of trusting the node: it asks a host node's trustless gateway for
// the CAR of the whole DAG (`?format=car`), hashes every block and compares the hash with the block's CID, and only
// then rebuilds the file (or the folder's files) from those verified blocks with ipfs-unixfs-exporter, walking from
// the CID registered on chain. A block that does not hash to its CID, a block missing from the DAG, a CAR for
// another root or anything that is not UnixFS refuses the download: nothing unverified reaches the user. No React.
import { CarBlockIterator } from '@ipld/car/iterator';
import { exporter, type UnixFSDirectory, type UnixFSEntry } from 'ipfs-unixfs-exporter';
import { CID } from 'multiformats/cid';
import { equals as digestEquals } from 'multiformats/hashes/digest';
import { identity } from 'multiformats/hashes/identity';
import type { MultihashHasher } from 'multiformats/hashes/interface';
import { sha256, sha512 } from 'multiformats/hashes/sha2';
import { hostNodeUrl } from './hostNodeClient';

export type VerificationErrorKind =
  /** A block's bytes do not hash to its CID: the node sent altered data. */
  | 'hash-mismatch'
  /** The DAG needs a block the CAR did not carry. */
  | 'missing-block'
  /** The CAR is for another root than the CID asked for. */
  | 'wrong-root'
  /** A hash function or codec this check does not know: it cannot be verified, so it is not accepted. */
  | 'unsupported'
  /** The bytes are not a CAR, or the blocks are not a UnixFS DAG. */
  | 'malformed'
  /** The node does not hold this CID (404). */
  | 'not-found'
  /** No answer from the node. */
  | 'offline'
  /** Another HTTP error from the node. */
  | 'http'
  | 'aborted';

export class VerificationError extends Error {
  override readonly name = 'VerificationError';
  constructor(
    readonly kind: VerificationErrorKind,
    message: string,
    /** The block concerned, for hash-mismatch and missing-block. */
    readonly cid?: string,
  ) {
    super(message);
  }
}

const RAW_CODE = 0x55;
const DAG_PB_CODE = 0x70;

const hashers = new Map<number, MultihashHasher>([sha256, sha512].map((h) => [h.code, h]));

/** Whether `bytes` hash to the multihash inside `cid`, with the CID's own hash function. Throws `unsupported`
 * for a hash function this check does not implement rather than pass a block unchecked. */
export async function blockMatchesCid(cid: CID, bytes: Uint8Array): Promise<boolean> {
  const code = cid.multihash.code;
  if (code === identity.code) return digestEquals(identity.digest(bytes), cid.multihash);
  const hasher = hashers.get(code);
  if (!hasher) {
    throw new VerificationError(
      'unsupported',
      `Block ${cid.toString()} uses hash function 0x${code.toString(16)}, which this page cannot check.`,
      cid.toString(),
    );
  }
  return digestEquals(await hasher.digest(bytes), cid.multihash);
}

/** Blocks are kept by their multihash, as IPFS blockstores do: the hash names the bytes, the codec only says how
 * to read them, and a node may label a block with another codec than the link that points to it. */
function blockKey(cid: CID): string {
  let key = '';
  for (const byte of cid.multihash.bytes) key += byte.toString(16).padStart(2, '0');
  return key;
}

/**
 * The blocks of a DAG, each kept only after it was checked against its CID. It is the only store the exporter
 * reads from, so every byte of the rebuilt file comes from a verified block.
 */
export class VerifiedBlockstore {
  private readonly blocks = new Map<string, { cid: CID; bytes: Uint8Array }>();
  /** Bytes of all blocks accepted. */
  bytes = 0;

  get size(): number {
    return this.blocks.size;
  }

  /** Checks the block, then keeps it; a block that does not match its CID throws and is never kept. */
  async putVerified(cid: CID, bytes: Uint8Array): Promise<void> {
    if (cid.code !== RAW_CODE && cid.code !== DAG_PB_CODE) {
      throw new VerificationError(
        'unsupported',
        `Block ${cid.toString()} has codec 0x${cid.code.toString(16)}: a UnixFS file has only raw and dag-pb blocks.`,
        cid.toString(),
      );
    }
    if (!(await blockMatchesCid(cid, bytes))) {
      throw new VerificationError(
        'hash-mismatch',
        `Block ${cid.toString()} does not match its CID: the node sent altered data.`,
        cid.toString(),
      );
    }
    const key = blockKey(cid);
    if (!this.blocks.has(key)) {
      this.blocks.set(key, { cid, bytes });
      this.bytes += bytes.length;
    }
  }

  /** The exporter's read: a generator, as interface-blockstore 7 defines `get`. */
  *get(cid: CID): Generator<Uint8Array> {
    const bytes = this.blocks.get(blockKey(cid))?.bytes;
    if (!bytes) {
      throw new VerificationError(
        'missing-block',
        `The node did not send block ${cid.toString()}, which the file needs.`,
        cid.toString(),
      );
    }
    yield bytes;
  }

  /** Every verified block with the CID it arrived under, in arrival order (for re-exporting them as a CAR). */
  *entries(): Generator<{ cid: CID; bytes: Uint8Array }> {
    yield* this.blocks.values();
  }
}

/** Reads a CAR stream for `root`, verifying each block as it arrives. */
export async function readVerifiedCar(
  chunks: AsyncIterable<Uint8Array>,
  root: CID,
  onBlock?: (store: VerifiedBlockstore) => void,
): Promise<VerifiedBlockstore> {
  let blocks: CarBlockIterator;
  try {
    blocks = await CarBlockIterator.fromIterable(chunks);
  } catch (error) {
    throw asVerificationError(error, 'The answer is not a CAR file.');
  }
  const roots = await blocks.getRoots();
  if (roots.length > 0 && !roots.some((r) => blockKey(r) === blockKey(root))) {
    throw new VerificationError(
      'wrong-root',
      `The node sent the blocks of ${roots[0]!.toString()}, not of ${root.toString()}.`,
      roots[0]!.toString(),
    );
  }
  const store = new VerifiedBlockstore();
  try {
    for await (const block of blocks) {
      await store.putVerified(block.cid, block.bytes);
      onBlock?.(store);
    }
  } catch (error) {
    throw asVerificationError(error, 'The CAR file is truncated or malformed.');
  }
  return store;
}

/** One rebuilt file: its path inside the download (the name alone for a single file). */
export interface VerifiedFile {
  path: string;
  size: number;
  /** The content, built only from verified blocks; a Blob lets the browser keep a large file off the JS heap. */
  blob: Blob;
}

export interface VerifiedContent {
  cid: string;
  kind: 'file' | 'directory';
  files: VerifiedFile[];
  /** Content bytes of all files: what the chain records as the size. */
  totalBytes: number;
  /** Blocks checked against their CIDs. */
  blocks: number;
  /** The verified blocks themselves, only when asked for (`keepBlocks`): to pass the content on as a CAR without
   * fetching it again. Not kept otherwise, so a large download is not held in memory twice. */
  store?: VerifiedBlockstore;
}

function asVerificationError(error: unknown, fallback: string): VerificationError {
  if (error instanceof VerificationError) return error;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new VerificationError('malformed', `${fallback}${detail}`);
}

async function collectFile(entry: UnixFSEntry, path: string): Promise<VerifiedFile> {
  if (entry.type !== 'file' && entry.type !== 'raw' && entry.type !== 'identity') {
    throw new VerificationError('malformed', `“${path}” is neither a file nor a folder.`, entry.cid.toString());
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of entry.content()) {
    // A copy into a plain ArrayBuffer: Blob parts must not be views of a SharedArrayBuffer-typed buffer.
    parts.push(new Uint8Array(chunk));
    size += chunk.length;
  }
  return { path, size, blob: new Blob(parts) };
}

/** Rebuilds the content under `root` from the verified store: a file, or every file of a folder (depth first). */
export async function exportVerified(root: CID, store: VerifiedBlockstore, name = root.toString()) {
  const files: VerifiedFile[] = [];
  let kind: VerifiedContent['kind'] = 'file';
  try {
    const top = await exporter(root, store);
    if (top.type === 'directory') {
      kind = 'directory';
      const walk = async (dir: UnixFSDirectory, prefix: string): Promise<void> => {
        for await (const child of dir.entries()) {
          const entry = await exporter(child.cid, store);
          const path = `${prefix}/${child.name}`;
          if (entry.type === 'directory') await walk(entry, path);
          else files.push(await collectFile(entry, path));
        }
      };
      await walk(top, name);
    } else {
      files.push(await collectFile(top, name));
    }
  } catch (error) {
    throw asVerificationError(error, 'The blocks are not a UnixFS file or folder.');
  }
  const content: VerifiedContent = {
    cid: root.toString(),
    kind,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    blocks: store.size,
  };
  return content;
}

/** The chunks of a fetch body as an async iterable, read with a reader (Safari's ReadableStream is not async
 * iterable). */
export async function* readableChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function parseCid(text: string): CID {
  try {
    return CID.parse(text);
  } catch {
    throw new VerificationError('malformed', `“${text}” is not a CID.`);
  }
}

export interface DownloadProgress {
  /** CAR bytes received. */
  received: number;
  /** CAR bytes in all, when the node sent a Content-Length. */
  total: number | undefined;
  /** Blocks verified so far. */
  blocks: number;
}

export interface VerifiedDownloadOptions {
  /** The file's name for the download (the path's last part); the CID when not given. */
  name?: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Keep the verified blocks in the result (`store`), for re-export. */
  keepBlocks?: boolean;
}

/** Fetches `cid` as a CAR from one node and returns the content rebuilt from verified blocks. */
export async function downloadVerified(
  endpoint: string,
  cidText: string,
  options: VerifiedDownloadOptions = {},
): Promise<VerifiedContent> {
  const root = parseCid(cidText);
  let url: string;
  try {
    url = hostNodeUrl(endpoint, `/ipfs/${root.toString()}?format=car`);
  } catch (error) {
    throw new VerificationError('http', (error as Error).message);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/vnd.ipld.car' },
      signal: options.signal,
      cache: 'no-store',
    });
  } catch {
    if (options.signal?.aborted) throw new VerificationError('aborted', 'The download was cancelled.');
    throw new VerificationError('offline', 'The node does not answer.');
  }
  if (response.status === 404) throw new VerificationError('not-found', 'The node does not hold this file.');
  if (!response.ok || !response.body) {
    throw new VerificationError('http', `The node answered HTTP ${response.status}.`);
  }
  const lengthHeader = response.headers.get('content-length');
  const total = lengthHeader && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  let received = 0;
  const body = response.body;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of readableChunks(body)) {
      received += chunk.length;
      yield chunk;
    }
  }
  let store: VerifiedBlockstore;
  try {
    store = await readVerifiedCar(counted(), root, (s) => options.onProgress?.({ received, total, blocks: s.size }));
  } catch (error) {
    if (options.signal?.aborted) throw new VerificationError('aborted', 'The download was cancelled.');
    throw error;
  }
  const content = await exportVerified(root, store, options.name ?? root.toString());
  return options.keepBlocks ? { ...content, store } : content;
}

export interface NodeDownloadFailure {
  endpoint: string;
  error: VerificationError;
}

export interface MultiNodeDownload {
  endpoint: string;
  content: VerifiedContent;
  /** Nodes tried first that failed or sent data that did not verify (refused). */
  failed: NodeDownloadFailure[];
}

export class NoVerifiedCopyError extends Error {
  override readonly name = 'NoVerifiedCopyError';
  constructor(readonly failures: NodeDownloadFailure[]) {
    super(
      failures.length === 0
        ? 'No host node to download from.'
        : `No node sent a copy that verifies. ${failures.map((f) => `${f.endpoint}: ${f.error.message}`).join(' ')}`,
    );
  }
}

/** Tries the nodes in turn until one sends content that verifies; a node whose data does not verify is refused
 * and reported, never used. A cancel stops at once. */
export async function downloadVerifiedFromNodes(
  endpoints: readonly string[],
  cid: string,
  options: VerifiedDownloadOptions & { onNodeFailed?: (failure: NodeDownloadFailure) => void } = {},
): Promise<MultiNodeDownload> {
  // A CID that does not parse fails the same way on every node.
  parseCid(cid);
  const failed: NodeDownloadFailure[] = [];
  for (const endpoint of endpoints) {
    try {
      const content = await downloadVerified(endpoint, cid, options);
      return { endpoint, content, failed };
    } catch (error) {
      const verification = asVerificationError(error, 'The download failed.');
      if (verification.kind === 'aborted') throw verification;
      const failure = { endpoint, error: verification };
      failed.push(failure);
      options.onNodeFailed?.(failure);
    }
  }
  throw new NoVerifiedCopyError(failed);
}
