// Clients that misbehave on purpose, over real sockets: raw TCP connections that send part of a request and stall,
// and a plain HTTP client that can pick its source address (any 127.0.0.x reaches a node listening on 127.0.0.1,
// so one test machine plays many client addresses).
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export const BOUNDARY = 'callisto-hostile-boundary';

/** A multipart/form-data body as Kubo's clients send it: one `file` part an entry, the filename URL-encoded. */
export function multipartBody(entries: Array<{ path: string; bytes: Uint8Array }>, boundary = BOUNDARY): Buffer {
  const pieces: Buffer[] = [];
  for (const entry of entries) {
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(entry.path)}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(entry.bytes),
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

export interface RawConnection {
  socket: Socket;
  /** Everything the node sent so far. */
  received(): string;
  /** Resolves when the node (or the test) closed the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens a TCP connection to the node and writes `initial` (a request cut short), then sends nothing more. */
export async function openRaw(
  url: string,
  initial: string | Buffer,
  localAddress = '127.0.0.1',
): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), localAddress });
  socket.on('error', () => undefined);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  let isClosed = false;
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  if (initial.length > 0) socket.write(initial);
  return { socket, received: () => Buffer.concat(chunks).toString('latin1'), closed, isClosed: () => isClosed };
}

/** The head of an upload request whose body is `contentLength` bytes long (or claims to be). */
export function uploadHead(url: string, contentLength: number): string {
  const { host } = new URL(url);
  return (
    `POST /api/v0/add?cid-version=1 HTTP/1.1\r\nHost: ${host}\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${contentLength}\r\n\r\n`
  );
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
  ms: number;
}

/** One HTTP request on a fresh connection from `localAddress`; rejects after `timeoutMs` without an answer. */
export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer;
    localAddress?: string;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body ? { 'Content-Length': String(options.body.byteLength) } : {}),
        },
        localAddress: options.localAddress ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            bytes: Buffer.concat(chunks),
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${url} within ${options.timeoutMs ?? 5000} ms`));
    }, options.timeoutMs ?? 5000);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

/** An upload as a multipart body over `httpRequest`. */
export function uploadFrom(
  url: string,
  entries: Array<{ path: string; bytes: Uint8Array }>,
  localAddress = '127.0.0.1',
  timeoutMs = 5000,
): Promise<Answer> {
  return httpRequest(`${url}/api/v0/add?cid-version=1`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: multipartBody(entries),
    localAddress,
    timeoutMs,
  });
}
