// The upload's retry against a real local HTTP server (the browser's XMLHttpRequest as happy-dom runs it): a node
// that answers 429 or 503 with Retry-After is asked again after the wait it asked for, shown in the progress, and
// a node that stays busy, or asks for too long a wait, is left for the next node.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllHostNodesFailedError, MAX_BUSY_RETRIES, uploadToHostNodes, type UploadProgress } from './hostNodeClient';

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const entries = [{ path: 'hello.txt', file: new Blob(['hello']) }];

let server: Server;
let base: string;
/** Requests each path received. */
const seen = new Map<string, number>();

function answer(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '').split('?')[0]!.replace('/api/v0/add', '');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.writeHead(204).end();
    return;
  }
  // Uploads only: a preflight is not an attempt.
  const count = (seen.get(path) ?? 0) + 1;
  seen.set(path, count);
  req.resume();
  req.on('end', () => {
    const busy = (status: number, seconds: number) => {
      res.writeHead(status, { 'content-type': 'application/json', 'Retry-After': String(seconds) });
      res.end('{"error":"Too many uploads at once: try again shortly."}');
    };
    // Busy once, then takes the upload.
    if (path === '/busy-once' && count === 1) return busy(429, 1);
    // Always busy.
    if (path === '/always-busy') return busy(503, 1);
    // Asks for an hour.
    if (path === '/busy-for-an-hour') return busy(503, 3600);
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(`${JSON.stringify({ Name: 'hello.txt', Hash: CID, Size: '5' })}\n`);
  });
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('uploading to a busy host node', () => {
  it('waits the Retry-After a 429 asks for, says so in the progress, and asks the same node again', async () => {
    const progress: UploadProgress[] = [];
    const started = Date.now();
    const result = await uploadToHostNodes([`${base}/busy-once`, `${base}/other`], entries, {
      expectedCid: CID,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ endpoint: `${base}/busy-once`, failed: [] });
    expect(seen.get('/busy-once')).toBe(2);
    expect(seen.get('/other')).toBeUndefined();
    expect(progress.filter((p) => p.waitingSeconds !== undefined)).toEqual([
      { endpoint: `${base}/busy-once`, loaded: 0, total: undefined, waitingSeconds: 1 },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('moves on to the next node after a bounded number of retries, or at once for a long wait', async () => {
    const failures: string[] = [];
    const result = await uploadToHostNodes(
      [`${base}/busy-for-an-hour`, `${base}/always-busy`, `${base}/fine`],
      entries,
      { expectedCid: CID, onNodeFailed: (attempt) => failures.push(`${attempt.endpoint} ${attempt.error.kind}`) },
    );
    expect(result.endpoint).toBe(`${base}/fine`);
    expect(seen.get('/busy-for-an-hour')).toBe(1);
    expect(seen.get('/always-busy')).toBe(1 + MAX_BUSY_RETRIES);
    expect(failures).toEqual([`${base}/busy-for-an-hour busy`, `${base}/always-busy busy`]);
    expect(result.failed[0]!.error.message).toBe(
      'Too many uploads at once: try again shortly. It asks to try again in 3600 s.',
    );
  }, 15_000);

  it('stops waiting at once when the upload is cancelled', async () => {
    const controller = new AbortController();
    const pending = uploadToHostNodes([`${base}/always-busy`], entries, {
      signal: controller.signal,
      onProgress: (p) => p.waitingSeconds !== undefined && controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await expect(uploadToHostNodes([], entries)).rejects.toBeInstanceOf(AllHostNodesFailedError);
  });
});
