// UnixFS import exactly as Kubo's `ipfs add --cid-version 1` builds it, shared by the browser (hashing a file
// before the deposit transaction) and the host node (storing the upload). Both sides must agree to the byte:
// the CID the browser registers on chain is the CID the host node checks, and anyone re-adding the same bytes
// with stock Kubo gets it too. No `node:` imports here: this module is bundled for the browser.
import { importer, type ImportCandidate, type ImporterOptions, type WritableStorage } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import type { CID } from 'multiformats/cid';

/** Kubo's default chunker, `size-262144`. */
export const KUBO_CHUNK_SIZE = 262_144;
/** Kubo's default `Import.UnixFSFileMaxLinks`: links per node of the balanced file DAG. */
export const KUBO_MAX_LINKS_PER_NODE = 174;
/** Kubo's default `Import.UnixFSHAMTDirectorySizeThreshold`: above it a directory becomes a HAMT shard. */
export const KUBO_HAMT_THRESHOLD_BYTES = 262_144;

/**
 * The importer settings of `ipfs add --cid-version 1` with Kubo's defaults: CIDv1, raw leaves (implied by CIDv1),
 * fixed 256 KiB chunks, a balanced DAG of at most 174 links a node, a one-chunk file reduced to its raw leaf, no
 * mtime or mode, directories sharded above 256 KiB of estimated link bytes with a fanout of 256.
 * Everything that changes a CID is spelled out rather than left to the library's defaults, which have changed
 * between releases (IPIP-499 profiles).
 */
export const KUBO_IMPORTER_OPTIONS = Object.freeze({
  cidVersion: 1,
  rawLeaves: true,
  reduceSingleLeafToSelf: true,
  chunker: fixedSize({ chunkSize: KUBO_CHUNK_SIZE }),
  layout: balanced({ maxChildrenPerNode: KUBO_MAX_LINKS_PER_NODE }),
  shardSplitThresholdBytes: KUBO_HAMT_THRESHOLD_BYTES,
  shardSplitStrategy: 'links-bytes',
  shardFanoutBits: 8,
  fieldOrder: 'links-first',
  wrapWithDirectory: false,
  // One file at a time: the importer collects this many entries before reading any of them, and a streamed
  // multipart upload cannot produce its second file before the first one has been read.
  fileImportConcurrency: 1,
} as const satisfies ImporterOptions);

/** A file to import. `content` may be a function so that nothing is read before its turn (a browser File). */
export interface ImportEntry {
  path: string;
  content: AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>);
}

/** An (empty) directory, as Kubo's multipart `application/x-directory` parts declare one. */
export interface ImportDirectory {
  path: string;
  directory: true;
}

export interface ImportedEntry {
  path: string;
  cid: string;
  /** Cumulative DAG size in bytes (Kubo's `Size` in its add answer), not the content size. */
  dagSize: bigint;
}

export interface ImportOptions {
  /** Called with the total content bytes read so far, across all entries. */
  onProgress?: (bytesHashed: number) => void;
  /** Called for each file and directory as the importer finishes it, the root last. */
  onEntry?: (entry: ImportedEntry) => void;
}

export interface ImportResult {
  /** The root: the file's CID for a single file, else the top folder's directory CID. */
  cid: string;
  /** Total content bytes: the size registered on chain. */
  size: bigint;
  entries: ImportedEntry[];
}

/** Thrown for entries that cannot form one file or one folder; the message is meant for the person uploading. */
export class ImportEntryError extends Error {
  override name = 'ImportEntryError';
}

/** Hashes without keeping anything: the browser only needs the CID. */
const discardingBlockstore: WritableStorage = {
  put: (cid: CID) => cid,
};

/** Computes the CID `ipfs add --cid-version 1` gives the entries, without storing blocks. */
export async function computeCid(
  entries: ImportEntry[],
  onProgress?: (bytesHashed: number) => void,
): Promise<{ cid: string; size: bigint }> {
  const { cid, size } = await importToBlockstore(discardingBlockstore, entries, { onProgress });
  return { cid, size };
}

/**
 * Imports entries into a blockstore with KUBO_IMPORTER_OPTIONS, reading each content stream once, in order,
 * never holding more than a few chunks in memory. `entries` may be produced lazily (a multipart stream).
 */
export async function importToBlockstore(
  blockstore: WritableStorage,
  entries: Iterable<ImportEntry | ImportDirectory> | AsyncIterable<ImportEntry | ImportDirectory>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  let total = 0n;
  let totalNumber = 0;
  let root: string | undefined;
  let rootIsFile = false;
  const seen = new Set<string>();

  const counted = (source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> =>
    (async function* () {
      for await (const chunk of source) {
        total += BigInt(chunk.byteLength);
        totalNumber += chunk.byteLength;
        options.onProgress?.(totalNumber);
        yield chunk;
      }
    })();

  async function* candidates(): AsyncGenerator<ImportCandidate> {
    for await (const entry of entries) {
      const segments = validatePath(entry.path);
      const top = segments[0] as string;
      if (root === undefined) {
        root = top;
        rootIsFile = segments.length === 1 && !('directory' in entry);
      } else if (rootIsFile) {
        throw new ImportEntryError('Only one file can be added without a folder; put several files in one folder.');
      } else if (top !== root) {
        throw new ImportEntryError(`All files must be inside one folder ("${root}"), but "${entry.path}" is not.`);
      }
      if (!rootIsFile && segments.length === 1 && !('directory' in entry)) {
        throw new ImportEntryError(`"${entry.path}" is a file with the same name as the folder.`);
      }
      const path = segments.join('/');
      if (seen.has(path)) throw new ImportEntryError(`"${path}" appears twice.`);
      seen.add(path);

      if ('directory' in entry) {
        yield { path };
      } else {
        const content = entry.content;
        // A generator does not run until iterated, so a function source is opened only on its turn.
        const lazy = (async function* () {
          yield* typeof content === 'function' ? content() : content;
        })();
        yield { path, content: counted(lazy) };
      }
    }
  }

  const imported: ImportedEntry[] = [];
  for await (const result of importer(candidates(), blockstore, KUBO_IMPORTER_OPTIONS)) {
    const entry = { path: result.path ?? '', cid: result.cid.toString(), dagSize: result.size };
    imported.push(entry);
    options.onEntry?.(entry);
  }
  if (root === undefined) throw new ImportEntryError('Nothing to add: no file was given.');

  const rootEntry = imported.find((entry) => entry.path === root);
  if (!rootEntry) throw new Error(`the importer produced no entry for "${root}"`);
  return { cid: rootEntry.cid, size: total, entries: imported };
}

/** Splits a relative path, refusing what could escape the folder or that no file system can name. */
export function validatePath(path: string): string[] {
  if (path.length === 0) throw new ImportEntryError('A file name is empty.');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new ImportEntryError(`"${path}" is not a valid relative path (empty, "." or ".." part).`);
    }
    if (segment.includes('\0')) throw new ImportEntryError(`"${path}" contains a NUL character.`);
  }
  return segments;
}
