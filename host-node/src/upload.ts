// POST /api/v0/add: the part of Kubo's RPC API a browser needs to upload a file or a folder. The multipart body is
// parsed as it arrives (busboy) and each file part flows straight into the UnixFS importer, which writes blocks to
// the store: nothing holds a whole file in memory. The answer is Kubo's NDJSON, one line an entry, the root last.
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { CID } from 'multiformats/cid';
import type { Readable } from 'node:stream';
import {
  ImportEntryError,
  importToBlockstore,
  type ImportDirectory,
  type ImportEntry,
  type ImportResult,
} from '@callisto-hub/unixfs';
import { HttpError } from './http';
import { describeError, type Log } from './log';
import type { Metrics } from './metrics';
import type { Replicator } from './replicator';
import type { Staging } from './staging';
import type { ContentStore } from './store';

export interface UploadDeps {
  store: ContentStore;
  staging: Staging;
  replicator: Replicator;
  metrics: Metrics;
  maxUploadBytes: number;
  log: Log;
}

class TooLargeError extends Error {}
class ClientGoneError extends Error {}

/** Options Kubo's add takes that would change the CID: accepted only with the values this node always uses. */
const FIXED_OPTIONS: Record<string, { value: string; why: string }> = {
  'cid-version': { value: '1', why: 'this node builds CIDv1 only (cid-version=1)' },
  'raw-leaves': { value: 'true', why: 'this node always uses raw leaves' },
  chunker: { value: 'size-262144', why: 'this node always uses 256 KiB chunks (size-262144)' },
  hash: { value: 'sha2-256', why: 'this node hashes with sha2-256 only' },
  trickle: { value: 'false', why: 'this node builds balanced DAGs only' },
  'wrap-with-directory': { value: 'false', why: 'wrap-with-directory is not supported' },
  'only-hash': { value: 'false', why: 'only-hash is not supported: compute the CID in the client' },
  inline: { value: 'false', why: 'inline CIDs are not supported' },
};

function checkOptions(url: URL): void {
  for (const [name, { value, why }] of Object.entries(FIXED_OPTIONS)) {
    const given = url.searchParams.get(name);
    if (given !== null && given !== value && !(value === 'true' && given === '')) {
      throw new HttpError(400, `Unsupported option ${name}=${given}: ${why}.`);
    }
  }
}

function decodeName(raw: string): string {
  try {
    // Kubo's clients URL-encode each part's filename so that a folder path survives as one header value.
    return decodeURIComponent(raw);
  } catch {
    throw new ImportEntryError(`The file name "${raw}" is not valid URL encoding.`);
  }
}

interface Part {
  stream: Readable;
  info: busboy.FileInfo;
}

/** The multipart body as import entries, one file part at a time, in the order they arrive. */
function multipartEntries(req: IncomingMessage, maxBytes: number) {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, preservePath: true, limits: { parts: 100_000, fieldSize: 64 * 1024 } });
  } catch {
    throw new HttpError(400, 'The upload must be multipart/form-data with a boundary.');
  }
  const queue: Part[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  parser.on('file', (_name, stream, info) => {
    queue.push({ stream, info });
    notify();
  });
  parser.on('close', () => {
    ended = true;
    notify();
  });
  parser.on('error', (error) => {
    failure ??= new HttpError(400, `The multipart body is malformed: ${describeError(error)}.`);
    notify();
  });
  parser.on('partsLimit', () => {
    failure ??= new HttpError(413, 'The upload has more than 100,000 parts.');
    notify();
  });
  // A part being read when the client goes away would otherwise wait forever for its end.
  const reading = new Set<Readable>();
  req.on('close', () => {
    if (req.complete) return;
    failure ??= new ClientGoneError('the client went away mid-upload');
    for (const stream of reading) stream.destroy(failure);
    notify();
  });
  req.pipe(parser);

  let contentBytes = 0;
  async function* counted(stream: Readable): AsyncGenerator<Uint8Array> {
    reading.add(stream);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        contentBytes += chunk.byteLength;
        if (contentBytes > maxBytes) throw new TooLargeError();
        yield chunk;
      }
    } finally {
      reading.delete(stream);
    }
    // Never accept a part cut short by a failure as a whole file.
    if (failure) throw failure;
  }

  async function* entries(): AsyncGenerator<ImportEntry | ImportDirectory> {
    while (true) {
      if (failure) throw failure;
      const part = queue.shift();
      if (part) {
        const path = decodeName(part.info.filename ?? '');
        if (part.info.mimeType === 'application/x-directory') {
          part.stream.resume();
          yield { path, directory: true };
        } else {
          yield { path, content: counted(part.stream) };
        }
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  /** Stops parsing and discards the rest of the body, so the connection can carry the error answer. */
  function discard(): void {
    req.unpipe(parser);
    for (const part of queue) part.stream.resume();
    parser.removeAllListeners('file');
    parser.on('file', (_name, stream) => stream.resume());
    req.resume();
  }

  return { entries: entries(), discard };
}

export async function handleAdd(req: IncomingMessage, res: ServerResponse, url: URL, deps: UploadDeps): Promise<void> {
  checkOptions(url);
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Multipart framing adds a few hundred bytes a part on top of the content the limit counts.
  const allowance = Math.max(1024 * 1024, deps.maxUploadBytes / 100);
  if (Number.isFinite(declared) && declared > deps.maxUploadBytes + allowance) {
    req.resume();
    throw new HttpError(413, `The upload is larger than this node's limit of ${deps.maxUploadBytes} bytes.`);
  }

  const { entries, discard } = multipartEntries(req, deps.maxUploadBytes);
  let result: ImportResult;
  try {
    result = await deps.store.lock.shared(async () => {
      const imported = await importToBlockstore(deps.store.blocks, entries);
      // Still inside the lock: no garbage collection may run between the last block and the staged pin.
      await deps.staging.stage(CID.parse(imported.cid), imported.size);
      return imported;
    });
  } catch (error) {
    discard();
    // Whatever blocks were written belong to no pin now; the next collection removes them.
    deps.staging.requestGc();
    if (error instanceof TooLargeError) {
      throw new HttpError(413, `The upload is larger than this node's limit of ${deps.maxUploadBytes} bytes.`);
    }
    if (error instanceof ImportEntryError) {
      const message = /Nothing to add/.test(error.message)
        ? 'The upload has no file: send multipart/form-data parts named "file" with a filename.'
        : error.message;
      throw new HttpError(400, message);
    }
    if (error instanceof HttpError) throw error;
    if (error instanceof ClientGoneError) {
      deps.log(`an upload was interrupted: ${error.message}`);
      res.destroy();
      return;
    }
    throw error;
  }

  deps.metrics.uploadsTotal++;
  deps.log(`stored upload ${result.cid} (${result.size} bytes, ${result.entries.length} entries)`);
  deps.replicator.nudge(result.cid);

  // Kubo's add answer: a JSON object per line, Size being the cumulative DAG size as a string, the root last.
  const root = result.entries.find((e) => e.cid === result.cid && !e.path.includes('/'));
  const ordered = [...result.entries.filter((e) => e !== root), ...(root ? [root] : [])];
  const body = ordered.map((e) => JSON.stringify({ Name: e.path, Hash: e.cid, Size: e.dagSize.toString() })).join('\n');
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'X-Stream-Output': '1',
    'X-Chunked-Output': '1',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body) + 1),
  });
  res.end(`${body}\n`);
}
