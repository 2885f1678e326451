// POST /api/v0/add: the part of Kubo's RPC API a browser needs to upload a file or a folder. The multipart body is
// first received into the staging directory (spool.ts), holding no lock; only then is it imported into the store
// under the write lock, from local disk, so garbage collection and replication never wait on a client. The answer is
// Kubo's NDJSON, one line an entry, the root last. Each client may send a few uploads at a time, everyone together a
// few more; their unregistered bytes are capped per client and in total (staging.ts).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CID } from 'multiformats/cid';
import {
  ImportEntryError,
  importToBlockstore,
  KUBO_CHUNK_SIZE,
  type ImportDirectory,
  type ImportEntry,
  type ImportResult,
} from '@callisto-hub/unixfs';
import type { HostNodeLimits } from './config';
import { HttpError } from './http';
import { clientOf, type ShareCounter } from './limits';
import type { Log } from './log';
import type { Metrics } from './metrics';
import { Semaphore, type Replicator } from './replicator';
import { BodyStalledError, ClientGoneError, spooledContent, spoolMultipart, type SpooledUpload } from './spool';
import type { Staging } from './staging';
import type { ContentStore } from './store';

export interface UploadDeps {
  store: ContentStore;
  staging: Staging;
  replicator: Replicator;
  metrics: Metrics;
  maxUploadBytes: number;
  limits: HostNodeLimits;
  /** Uploads being received, per client and in total. */
  uploads: ShareCounter;
  /** Where bodies are received before they are imported (emptied at start). */
  stagingDir: string;
  log: Log;
}

/** Imports at once: each is local disk and CPU work, and two cores gain nothing from more. */
const imports = new Semaphore(2);

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

/** The spooled parts as import entries, each file's content read from the spool file on its turn. */
async function* spooledEntries(
  spooled: SpooledUpload,
  handle: Awaited<ReturnType<typeof open>>,
): AsyncGenerator<ImportEntry | ImportDirectory> {
  for (const entry of spooled.entries) {
    const path = decodeName(entry.rawPath);
    if (entry.directory) yield { path, directory: true };
    else yield { path, content: () => spooledContent(handle, entry.offset, entry.length, KUBO_CHUNK_SIZE) };
  }
}

export async function handleAdd(req: IncomingMessage, res: ServerResponse, url: URL, deps: UploadDeps): Promise<void> {
  const startedAt = Date.now();
  checkOptions(url);
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Multipart framing adds a few hundred bytes a part on top of the content the limit counts.
  const allowance = Math.max(1024 * 1024, deps.maxUploadBytes / 100);
  if (Number.isFinite(declared) && declared > deps.maxUploadBytes + allowance) {
    throw new HttpError(413, `The upload is larger than this node's limit of ${deps.maxUploadBytes} bytes.`);
  }
  const client = clientOf(req, deps.limits.trustedProxies);
  const releaseSlot = deps.uploads.acquire(client);
  const file = join(deps.stagingDir, `${startedAt}-${randomBytes(8).toString('hex')}.body`);
  let reserved = 0;
  let result: ImportResult;
  try {
    let spooled: SpooledUpload;
    try {
      spooled = await spoolMultipart(req, {
        file,
        maxBytes: deps.maxUploadBytes,
        maxEntries: deps.limits.maxUploadEntries,
        idleTimeoutMs: deps.limits.idleTimeoutMs,
        startedAt,
        requestTimeoutMs: deps.limits.requestTimeoutMs,
        reserve(bytes) {
          deps.staging.reserve(client, bytes);
          reserved += bytes;
        },
      });
    } catch (error) {
      if (error instanceof BodyStalledError) {
        deps.log(`dropped an upload from ${client}: ${error.message}`);
        throw new HttpError(408, `The upload stalled: ${error.message}.`, { Connection: 'close' });
      }
      if (error instanceof ClientGoneError) {
        deps.log(`an upload from ${client} was interrupted: ${error.message}`);
        res.destroy();
        return;
      }
      throw error;
    }
    // The whole body is on local disk: importing it takes the write lock only for disk and CPU time.
    result = await imports.run(async () => {
      const handle = await open(spooled.file, 'r');
      try {
        return await deps.store.lock.shared(async () => {
          const imported = await importToBlockstore(deps.store.blocks, spooledEntries(spooled, handle));
          // Still inside the lock: no garbage collection may run between the last block and the staged pin.
          await deps.staging.stage(CID.parse(imported.cid), imported.size, client);
          return imported;
        });
      } catch (error) {
        // Whatever blocks were written belong to no pin now; the next collection removes them.
        deps.staging.requestGc();
        if (error instanceof ImportEntryError) {
          const message = /Nothing to add/.test(error.message)
            ? 'The upload has no file: send multipart/form-data parts named "file" with a filename.'
            : error.message;
          throw new HttpError(400, message);
        }
        throw error;
      } finally {
        await handle.close();
      }
    });
  } finally {
    await rm(file, { force: true });
    deps.staging.unreserve(client, reserved);
    releaseSlot();
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
