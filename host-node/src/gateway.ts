// GET|HEAD /ipfs/{cid}[/path]: a trustless gateway (one raw block, or a CAR of the whole DAG depth first) and plain
// downloads with Range. Only content this node holds for an on-chain file is served; the rest is a 404, so the
// node never becomes free hosting for unregistered uploads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CarWriter } from '@ipld/car/writer';
import { exporter, type UnixFSEntry } from 'ipfs-unixfs-exporter';
import type { CID } from 'multiformats/cid';
import { depthFirstBlocks, fileBytes, parseCid, readBlock } from './dag';
import { HttpError, sendJson } from './http';
import type { ContentStore } from './store';

const IMMUTABLE = 'public, max-age=29030400, immutable';
const RAW = 'application/vnd.ipld.raw';
const CAR = 'application/vnd.ipld.car';

type Format = 'raw' | 'car' | 'file';

function formatOf(url: URL, accept: string | undefined): Format {
  const format = url.searchParams.get('format');
  if (format !== null) {
    if (format === 'raw' || format === 'car') return format;
    throw new HttpError(400, `Unsupported format "${format}": use raw or car, or leave it out for the file bytes.`);
  }
  if (accept?.includes(RAW)) return 'raw';
  if (accept?.includes(CAR)) return 'car';
  return 'file';
}

export type ByteRange = { start: number; end: number };

/**
 * A single `bytes=` range against a file of `size` bytes. undefined: no Range (or several ranges, which a server
 * may answer with the whole file). Throws 416 when unsatisfiable and 400 when malformed.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const unsatisfiable = () =>
    new HttpError(416, `The range ${header} is outside the file's ${size} bytes.`, {
      'Content-Range': `bytes */${size}`,
    });
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) {
    if (/^bytes=[\d\s,-]+$/.test(header.trim()) && header.includes(',')) return undefined;
    throw new HttpError(400, `The Range header "${header}" is malformed: expected bytes=start-end.`);
  }
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') {
    throw new HttpError(400, `The Range header "${header}" is malformed: expected bytes=start-end.`);
  }
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) {
    throw new HttpError(400, `The Range header "${header}" is malformed: the end is before the start.`);
  }
  if (start >= size) throw unsatisfiable();
  return { start, end };
}

/** Resolves when the response can take more, or is closed; a client that reads nothing for `idleMs` is cut off,
 * so a reader that stalls gives its share of the reads back. */
function drained(res: ServerResponse, idleMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(() => {
      res.destroy();
      done();
    }, idleMs);
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes chunks with backpressure; stops quietly when the client goes away or stops reading. */
async function pipeTo(res: ServerResponse, chunks: AsyncIterable<Uint8Array>, idleMs: number): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res, idleMs);
  }
}

async function resolve(store: ContentStore, root: CID, segments: string[], signal: AbortSignal): Promise<UnixFSEntry> {
  const path = [root.toString(), ...segments].join('/');
  try {
    return await exporter(path, store.blocks, { signal });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'NotFoundError' || name === 'BadPathError' || name === 'NoResolverError') {
      throw new HttpError(404, `No /${segments.join('/')} in ${root}.`);
    }
    throw error;
  }
}

export async function handleGateway(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: ContentStore,
  /** Whether this node serves `root`: never content nobody registered on chain. */
  servable: (root: CID) => Promise<boolean>,
  /** A client that reads nothing of the answer for this long is cut off. */
  idleTimeoutMs = 30_000,
): Promise<void> {
  const [, , cidText = '', ...rest] = url.pathname.split('/');
  const root = parseCid(decodeURIComponent(cidText));
  if (!root) throw new HttpError(400, `"${cidText}" is not a valid CID.`);
  let segments: string[];
  try {
    segments = rest.filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, 'The path is not valid URL encoding.');
  }
  if (!(await servable(root))) throw new HttpError(404, `This node does not hold ${root}.`);

  const format = formatOf(url, req.headers.accept);
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const entry = await resolve(store, root, segments, abort.signal);
  const target = entry.cid;
  const head = req.method === 'HEAD';
  // The path as requested (still URL-encoded): a header value must stay ASCII.
  const common = { 'Cache-Control': IMMUTABLE, 'X-Ipfs-Path': url.pathname, 'X-Content-Type-Options': 'nosniff' };

  const etag = `"${target}${format === 'file' ? '' : `.${format}`}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ...common, ETag: etag });
    res.end();
    return;
  }

  if (format === 'raw') {
    const bytes = await readBlock(store.blocks, target, abort.signal);
    res.writeHead(200, {
      ...common,
      ETag: etag,
      'Content-Type': RAW,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename="${target}.bin"`,
    });
    res.end(head ? undefined : bytes);
    return;
  }

  if (format === 'car') {
    res.writeHead(200, {
      ...common,
      ETag: etag,
      'Content-Type': `${CAR}; version=1; order=dfs; dups=n`,
      'Content-Disposition': `attachment; filename="${target}.car"`,
    });
    if (head) {
      res.end();
      return;
    }
    const { writer, out } = CarWriter.create([target]);
    const produce = (async () => {
      try {
        for await (const block of depthFirstBlocks(store.blocks, target, abort.signal)) await writer.put(block);
      } finally {
        await writer.close();
      }
    })();
    // Headers are sent: a failure can only cut the CAR short, which a verifying client detects.
    await Promise.all([produce, pipeTo(res, out, idleTimeoutMs)]).catch(() => res.destroy());
    res.end();
    return;
  }

  if (entry.type === 'directory') {
    const entries: Array<{ name: string; cid: string; size: string }> = [];
    for await (const child of entry.entries({ signal: abort.signal })) {
      entries.push({ name: child.name, cid: child.cid.toString(), size: child.size.toString() });
    }
    sendJson(res, 200, { cid: target.toString(), type: 'directory', entries }, { ...common, ETag: etag });
    return;
  }
  if (entry.type !== 'file' && entry.type !== 'raw' && entry.type !== 'identity') {
    throw new HttpError(400, `${target} is not a UnixFS file or directory.`);
  }

  const size = Number(entry.size);
  const range = parseRange(req.headers.range, size);
  const headers: Record<string, string> = {
    ...common,
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Content-Type': 'application/octet-stream',
  };
  if (range) {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['Content-Length'] = String(range.end - range.start + 1);
  } else {
    headers['Content-Length'] = String(size);
  }
  res.writeHead(range ? 206 : 200, headers);
  if (head) {
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range ? range.end + 1 : size;
  const content =
    entry.type === 'identity'
      ? entry.content({ offset: start, length: end - start })
      : fileBytes(store.blocks, target, start, end, abort.signal);
  await pipeTo(res, content, idleTimeoutMs).catch(() => res.destroy());
  res.end();
}
