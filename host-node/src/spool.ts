// Receives an upload's multipart body into one file in the node's staging directory before anything is imported,
// so that nothing the node shares (the store's write lock, which garbage collection and replication also take)
// waits on a client's socket: a client that stalls holds only its own file, its own share of the upload slots and
// its own bytes of the staged-bytes caps, until a timeout drops it. The file holds every part's content back to back;
// the entries say where each one starts.
import type { IncomingMessage } from 'node:http';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpError } from './http';
import { describeError } from './log';

export interface SpooledEntry {
  /** The part's filename, still URL-encoded as Kubo's clients send it. */
  rawPath: string;
  directory: boolean;
  /** Where the content starts in the spool file, and its length. */
  offset: number;
  length: number;
}

export interface SpooledUpload {
  file: string;
  entries: SpooledEntry[];
  contentBytes: number;
}

/** The client went away or stopped sending: nobody is left to answer, or the answer is a 408. */
export class BodyStalledError extends Error {
  override name = 'BodyStalledError';
}
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

export interface SpoolOptions {
  /** The spool file to create (it must not exist). */
  file: string;
  /** Content bytes the upload may carry. */
  maxBytes: number;
  /** Parts (files and folders) the upload may carry. */
  maxEntries: number;
  /** Nothing received for this long drops the upload. */
  idleTimeoutMs: number;
  /** When the request arrived (ms since the epoch), and how long receiving all of it may take. */
  startedAt: number;
  requestTimeoutMs: number;
  /** Counts bytes about to be written against the staged-bytes caps; throws an HttpError to refuse them. */
  reserve(bytes: number): void;
}

const tooLarge = (max: number) => new HttpError(413, `The upload is larger than this node's limit of ${max} bytes.`);

/**
 * Writes the body's file parts to `options.file` as they arrive, with backpressure (a slow disk slows the client,
 * never memory). Resolves once the whole body is on disk; rejects with an HttpError for a refusal (the caller
 * answers it), BodyStalledError for a timeout, ClientGoneError when the client left. On any failure the spool file
 * is removed before the promise settles.
 */
export async function spoolMultipart(req: IncomingMessage, options: SpoolOptions): Promise<SpooledUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      preservePath: true,
      limits: { parts: options.maxEntries + 1000, fields: 1000, fieldSize: 64 * 1024 },
    });
  } catch {
    throw new HttpError(400, 'The upload must be multipart/form-data with a boundary.');
  }
  const handle = await open(options.file, 'wx');
  const entries: SpooledEntry[] = [];
  const parts = new Set<Readable>();
  let position = 0;
  let contentBytes = 0;
  let failure: Error | undefined;
  let writing: Promise<void> = Promise.resolve();

  return new Promise<SpooledUpload>((resolve, reject) => {
    let idleTimer: NodeJS.Timeout | undefined;
    const totalTimer = setTimeout(
      () =>
        fail(
          new HttpError(
            408,
            `The upload took longer than this node's limit of ${options.requestTimeoutMs / 1000} s for one request.`,
          ),
        ),
      Math.max(0, options.startedAt + options.requestTimeoutMs - Date.now()),
    );
    const armIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(
        () => fail(new BodyStalledError(`nothing arrived for ${options.idleTimeoutMs} ms`)),
        options.idleTimeoutMs,
      );
    };
    const stopTimers = () => {
      clearTimeout(idleTimer);
      clearTimeout(totalTimer);
    };

    function fail(error: Error): void {
      if (failure) return;
      failure = error;
      stopTimers();
      req.unpipe(parser);
      req.off('data', armIdle);
      // Without an error: the writer's loop ends on the premature close, and nobody else listens to a part.
      for (const part of parts) part.destroy();
      parts.clear();
      // The writes in flight settle (a destroyed part ends its loop), then the file goes.
      void writing
        .catch(() => undefined)
        .then(() => handle.close())
        .catch(() => undefined)
        .then(() => rm(options.file, { force: true }))
        .then(
          () => reject(error),
          () => reject(error),
        );
    }

    parser.on('file', (_name, stream, info) => {
      if (failure) {
        stream.resume();
        return;
      }
      if (entries.length >= options.maxEntries) {
        stream.resume();
        fail(
          new HttpError(
            413,
            `The upload has more than ${options.maxEntries} files and folders, this node's limit for one upload: ` +
              'split it into several uploads.',
          ),
        );
        return;
      }
      const entry: SpooledEntry = {
        rawPath: info.filename ?? '',
        directory: info.mimeType === 'application/x-directory',
        offset: 0,
        length: 0,
      };
      entries.push(entry);
      if (entry.directory) {
        stream.resume();
        return;
      }
      parts.add(stream);
      // busboy fails a part that a truncated body cuts off; the loop below, or fail(), reports it.
      stream.on('error', () => undefined);
      // Parts arrive one after another; each is written once the one before it is on disk.
      writing = writing.then(async () => {
        entry.offset = position;
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            if (failure) return;
            contentBytes += chunk.byteLength;
            if (contentBytes > options.maxBytes) throw tooLarge(options.maxBytes);
            options.reserve(chunk.byteLength);
            await handle.write(chunk, 0, chunk.byteLength, position);
            position += chunk.byteLength;
            entry.length += chunk.byteLength;
          }
        } finally {
          parts.delete(stream);
        }
      });
      writing.catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    });
    parser.on('field', () => undefined);
    parser.on('partsLimit', () => fail(new HttpError(413, 'The upload has too many parts.')));
    parser.on('fieldsLimit', () => fail(new HttpError(413, 'The upload has too many form fields.')));
    parser.on('error', (error: unknown) =>
      fail(new HttpError(400, `The multipart body is malformed: ${describeError(error)}.`)),
    );
    parser.on('close', () => {
      void writing.then(
        async () => {
          if (failure) return;
          stopTimers();
          req.off('data', armIdle);
          try {
            await handle.close();
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          resolve({ file: options.file, entries, contentBytes });
        },
        () => undefined,
      );
    });
    req.on('close', () => {
      if (!req.complete) fail(new ClientGoneError('the client went away mid-upload'));
    });
    req.on('error', () => fail(new ClientGoneError('the connection failed mid-upload')));
    req.on('data', armIdle);
    armIdle();
    req.pipe(parser);
  });
}

/** Reads `length` bytes from `offset` of an open spool file, a fresh buffer per chunk (the importer keeps them). */
export async function* spooledContent(
  handle: FileHandle,
  offset: number,
  length: number,
  chunkSize: number,
): AsyncGenerator<Uint8Array> {
  let at = offset;
  const end = offset + length;
  while (at < end) {
    const size = Math.min(chunkSize, end - at);
    const buffer = Buffer.allocUnsafeSlow(size);
    const { bytesRead } = await handle.read(buffer, 0, size, at);
    if (bytesRead === 0) throw new Error('the spool file is shorter than the upload');
    at += bytesRead;
    yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
  }
}
