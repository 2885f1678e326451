import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  HostNodeError,
  MAX_BUSY_RETRIES,
  MAX_RETRY_AFTER_SECONDS,
  addUrl,
  busyRetryWait,
  parseRetryAfter,
  buildAddForm,
  errorFromStatus,
  fetchHostNodeHealth,
  hostNodeUrl,
  maxUploadBytes,
  multipartFilename,
  onlineMap,
  orderEndpointsForUpload,
  parseAddResponse,
  parseHealth,
  worthTryingAnotherNode,
  type HostNodeHealth,
  type HostNodeHealthReport,
} from './hostNodeClient';

describe('endpoint URLs', () => {
  it('joins an endpoint with or without a trailing slash or a path prefix', () => {
    expect(addUrl('http://127.0.0.1:5001')).toBe('http://127.0.0.1:5001/api/v0/add?cid-version=1');
    expect(addUrl('https://node.example.org/')).toBe('https://node.example.org/api/v0/add?cid-version=1');
    expect(hostNodeUrl('https://example.org/node-1//', '/health')).toBe('https://example.org/node-1/health');
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.org', 'not a url', '']) {
      expect(() => hostNodeUrl(bad, '/health')).toThrow(HostNodeError);
    }
  });
});

describe('the multipart body', () => {
  it('names each part "file" with its path URL-encoded as Kubo does', async () => {
    const form = buildAddForm([
      { path: 'holiday/day 1/photo "1".jpg', file: new Blob(['abc']) },
      { path: 'holiday/notes\n.txt', file: new Blob(['xyz']) },
      { path: 'holiday/été.txt', file: new Blob(['é']) },
    ]);
    expect(form.getAll('file')).toHaveLength(3);
    const body = await new Response(form).text();
    expect(body).toContain('name="file"; filename="holiday%2Fday%201%2Fphoto%20%221%22.jpg"');
    expect(body).toContain('filename="holiday%2Fnotes%0A.txt"');
    expect(body).toContain('filename="holiday%2F%C3%A9t%C3%A9.txt"');
    expect(decodeURIComponent(multipartFilename('a/b c/ü.txt'))).toBe('a/b c/ü.txt');
  });
});

describe('parseAddResponse', () => {
  it('reads Kubo’s NDJSON, the root last', () => {
    const text = [
      '{"Name":"folder/a.txt","Hash":"bafkreia","Size":"3"}',
      '{"Name":"folder/b.txt","Hash":"bafkreib","Size":"4"}',
      '',
      '{"Name":"folder","Hash":"bafybeiroot","Size":"120"}',
      '',
    ].join('\n');
    const entries = parseAddResponse(text);
    expect(entries.map((e) => e.cid)).toEqual(['bafkreia', 'bafkreib', 'bafybeiroot']);
    expect(entries.at(-1)).toEqual({ name: 'folder', cid: 'bafybeiroot', size: '120' });
  });

  it('skips progress lines', () => {
    const entries = parseAddResponse('{"Name":"a","Bytes":262144}\n{"Name":"a","Hash":"bafkreia","Size":"5"}\n');
    expect(entries).toEqual([{ name: 'a', cid: 'bafkreia', size: '5' }]);
  });

  it('refuses an answer that is not NDJSON, is empty or carries an error', () => {
    const kind = (text: string) => {
      try {
        parseAddResponse(text, 'http://n');
        return 'parsed';
      } catch (error) {
        return error instanceof HostNodeError ? `${error.kind}: ${error.message}` : 'other';
      }
    };
    expect(kind('<html>oops</html>')).toMatch(/^bad-answer/);
    expect(kind('')).toMatch(/^bad-answer: The node answered with no entry/);
    expect(kind('{"Message":"disk full","Type":"error"}')).toBe('refused: disk full');
    expect(kind('{"error":"not allowed"}')).toBe('refused: not allowed');
  });
});

describe('errorFromStatus', () => {
  it('maps statuses to kinds and keeps the node’s own sentence', () => {
    const tooLarge = errorFromStatus(413, '{"error":"The upload is over the 1 GiB limit."}', 'http://n');
    expect(tooLarge.kind).toBe('too-large');
    expect(tooLarge.message).toBe('The upload is over the 1 GiB limit.');
    expect(errorFromStatus(503, '', 'http://n', 5)).toMatchObject({ kind: 'busy', status: 503, retryAfterSeconds: 5 });
    expect(errorFromStatus(429, '{"error":"Too many uploads from your address."}', 'http://n', 3).message).toBe(
      'Too many uploads from your address. It asks to try again in 3 s.',
    );
    expect(errorFromStatus(502, '', 'http://n').kind).toBe('offline');
    expect(errorFromStatus(500, '<html>', 'http://n')).toMatchObject({ kind: 'server-error', status: 500 });
    expect(errorFromStatus(400, '{"error":"Bad multipart body."}', 'http://n')).toMatchObject({
      kind: 'refused',
      message: 'Bad multipart body.',
    });
  });

  it('tries another node for everything but a cancel or a malformed request', () => {
    expect(worthTryingAnotherNode(new HostNodeError('offline', '', ''))).toBe(true);
    expect(worthTryingAnotherNode(new HostNodeError('too-large', '', ''))).toBe(true);
    expect(worthTryingAnotherNode(new HostNodeError('cid-mismatch', '', ''))).toBe(true);
    expect(worthTryingAnotherNode(new HostNodeError('server-error', '', ''))).toBe(true);
    expect(worthTryingAnotherNode(new HostNodeError('aborted', '', ''))).toBe(false);
    expect(worthTryingAnotherNode(new HostNodeError('refused', '', ''))).toBe(false);
  });
});

describe('orderEndpointsForUpload', () => {
  it('puts nodes known online first, unknown next, offline last, keeping the chain’s order within each', () => {
    const online = new Map([
      ['c', true],
      ['a', false],
    ]);
    expect(orderEndpointsForUpload(['a', 'b', 'c', 'd'], online)).toEqual(['c', 'b', 'd', 'a']);
    expect(orderEndpointsForUpload(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('parseHealth', () => {
  const good = {
    ok: true,
    node: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    chainId: 31337,
    block: 123,
    checkpoint: 120,
    pinned: 3,
    storedBytes: 4096,
    version: '0.1.0',
  };
  it('accepts the documented answer', () => {
    expect(parseHealth(good)).toEqual({ ...good, ok: undefined, maxUploadBytes: undefined });
    expect(parseHealth({ ...good, maxUploadBytes: 1024 })?.maxUploadBytes).toBe(1024);
  });
  it('refuses an answer that is not ok or lacks a field', () => {
    expect(parseHealth({ ...good, ok: false })).toBeUndefined();
    expect(parseHealth({ ...good, block: '123' })).toBeUndefined();
    expect(parseHealth({ ...good, node: undefined })).toBeUndefined();
    expect(parseHealth(null)).toBeUndefined();
    expect(parseHealth('ok')).toBeUndefined();
  });
});

describe('fetchHostNodeHealth against a real HTTP server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, node: '0x01', chainId: 31337, block: 10, checkpoint: 8 }));
      } else if (req.url === '/broken/health') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":"The store is unreadable."}');
      } else if (req.url === '/html/health') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html></html>');
      } else if (req.url === '/slow/health') {
        // Never answers: the client's timeout must end the wait.
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports an online node with its figures', async () => {
    const health = await fetchHostNodeHealth(`${base}/ok/`);
    expect(health.status).toBe('online');
    if (health.status === 'online') {
      expect(health.report).toMatchObject({ node: '0x01', block: 10, checkpoint: 8, pinned: 0 });
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports an error status, a non-JSON answer, a timeout and a refused connection as offline', async () => {
    expect(await fetchHostNodeHealth(`${base}/broken`)).toEqual({
      status: 'offline',
      reason: 'The node answered HTTP 500.',
    });
    expect(await fetchHostNodeHealth(`${base}/html`)).toMatchObject({ status: 'offline', reason: /not JSON/ });
    const started = Date.now();
    expect(await fetchHostNodeHealth(`${base}/slow`, { timeoutMs: 200 })).toEqual({
      status: 'offline',
      reason: 'No answer within 200 ms.',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    // Port 9 (discard) on loopback has no listener here: the connection is refused at once.
    expect(await fetchHostNodeHealth('http://127.0.0.1:9')).toMatchObject({ status: 'offline' });
    expect(await fetchHostNodeHealth('javascript:alert(1)')).toMatchObject({ status: 'offline' });
  });
});

describe('what the health checks tell the upload', () => {
  const report = (maxUpload?: number): HostNodeHealthReport => ({
    node: '0x01',
    chainId: 31337,
    block: 1,
    checkpoint: 1,
    pinned: 0,
    storedBytes: 0,
    version: '',
    maxUploadBytes: maxUpload,
  });
  const online = (maxUpload?: number): HostNodeHealth => ({
    status: 'online',
    report: report(maxUpload),
    latencyMs: 3,
  });
  const offline: HostNodeHealth = { status: 'offline', reason: 'down' };

  it('maps which nodes answered, leaving out those still being asked', () => {
    const health = new Map<string, HostNodeHealth | undefined>([
      ['a', online()],
      ['b', offline],
      ['c', undefined],
    ]);
    expect([...onlineMap(health)]).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('takes the largest limit of the online nodes, or none when one of them states none', () => {
    expect(
      maxUploadBytes(
        new Map([
          ['a', online(100)],
          ['b', online(300)],
          ['c', offline],
        ]),
      ),
    ).toBe(300n);
    expect(
      maxUploadBytes(
        new Map([
          ['a', online(100)],
          ['b', online()],
        ]),
      ),
    ).toBeUndefined();
    expect(maxUploadBytes(new Map([['c', offline]]))).toBeUndefined();
  });
});

describe('busy nodes', () => {
  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-29T23:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Sun, 29 Nov 2026 23:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 29 Nov 2026 22:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('asks a busy node again only a few times and only for a short wait', () => {
    const busy = (seconds?: number) => new HostNodeError('busy', '', 'http://n', 429, seconds);
    expect(busyRetryWait(busy(3), 0)).toBe(3);
    expect(busyRetryWait(busy(), 0)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(busyRetryWait(busy(3), MAX_BUSY_RETRIES)).toBeUndefined();
    expect(busyRetryWait(busy(MAX_RETRY_AFTER_SECONDS + 1), 0)).toBeUndefined();
    expect(busyRetryWait(new HostNodeError('offline', '', 'http://n'), 0)).toBeUndefined();
  });
});
