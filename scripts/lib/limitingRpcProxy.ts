// A JSON-RPC proxy that behaves like a public Callisto RPC in one respect: it refuses eth_getLogs over more than
// `maxLogsRange` blocks with a JSON-RPC error (code -32000 as geth-style nodes answer, the reason in the message), and forwards
// everything else to the node behind it (anvil). It counts what passes, so tests can assert how many requests a
// page or a scan made. Tests only: it binds 127.0.0.1 and allows any origin (the app calls it from a browser).
//
// Use (unit tests, the mainnet-like e2e stack, the bench):
//   const proxy = await startLimitingRpcProxy({ upstream: anvil.rpcUrl, maxLogsRange: 5_000 });
//   ... point the client or the app (NEXT_PUBLIC_RPC_URL) at proxy.url ...
//   proxy.stats()          // { httpRequests, calls, byMethod: { eth_getLogs: 12, ... }, refusedLogs, bytesIn, bytesOut }
//   proxy.resetStats()     // before the part you measure
//   proxy.setMaxLogsRange(10_000) / proxy.setLogsDelayMs(50)
//   await proxy.stop()
// A batch (a JSON array) is answered item by item: refused items get their error, the rest go upstream as one batch.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LimitingRpcProxyOptions {
  /** The node to forward to, e.g. anvil's http://127.0.0.1:8545. */
  upstream: string;
  /** eth_getLogs spans above this many blocks (toBlock - fromBlock + 1) are refused. Default 5,000. */
  maxLogsRange?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The refusal's message; the default names the limit, as many public RPCs do. */
  refusalMessage?: (requested: bigint, limit: number) => string;
  /** The refusal's JSON-RPC error code. Default -32000 (viem shows it as "Missing or invalid parameters."). */
  refusalCode?: number;
  /** Delay added before each eth_getLogs answer (ms), to make scans slow enough to watch or cancel. Default 0. */
  logsDelayMs?: number;
}

export interface LimitingRpcProxyStats {
  /** HTTP POSTs received (a batch is one). */
  httpRequests: number;
  /** JSON-RPC calls received (each item of a batch counts). */
  calls: number;
  byMethod: Record<string, number>;
  /** eth_getLogs calls refused for their span. */
  refusedLogs: number;
  /** Request and response body bytes. */
  bytesIn: number;
  bytesOut: number;
}

export interface LimitingRpcProxy {
  url: string;
  port: number;
  stats(): LimitingRpcProxyStats;
  resetStats(): void;
  setMaxLogsRange(blocks: number): void;
  setLogsDelayMs(ms: number): void;
  stop(): Promise<void>;
}

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

const defaultRefusal = (requested: bigint, limit: number) =>
  `eth_getLogs is limited to a range of ${limit} blocks; ${requested} requested`;

function emptyStats(): LimitingRpcProxyStats {
  return { httpRequests: 0, calls: 0, byMethod: {}, refusedLogs: 0, bytesIn: 0, bytesOut: 0 };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLimitingRpcProxy(options: LimitingRpcProxyOptions): Promise<LimitingRpcProxy> {
  let maxLogsRange = options.maxLogsRange ?? 5_000;
  let logsDelayMs = options.logsDelayMs ?? 0;
  const refusal = options.refusalMessage ?? defaultRefusal;
  let stats = emptyStats();

  const upstream = async (body: unknown): Promise<unknown> => {
    const response = await fetch(options.upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  };

  let headCache: { block: bigint; at: number } | undefined;
  const head = async (): Promise<bigint> => {
    if (headCache && Date.now() - headCache.at < 50) return headCache.block;
    const answer = (await upstream({ jsonrpc: '2.0', id: 0, method: 'eth_blockNumber', params: [] })) as {
      result: string;
    };
    headCache = { block: BigInt(answer.result), at: Date.now() };
    return headCache.block;
  };

  const blockOf = async (tag: unknown, fallback: 'latest'): Promise<bigint> => {
    const value = tag ?? fallback;
    if (typeof value === 'string' && /^0x[0-9a-f]+$/i.test(value)) return BigInt(value);
    if (value === 'earliest') return 0n;
    return head();
  };

  /** The refusal for a call, or undefined to forward it. */
  const check = async (call: JsonRpcRequest): Promise<JsonRpcResponse | undefined> => {
    if (call.method !== 'eth_getLogs') return undefined;
    const filter = (Array.isArray(call.params) ? call.params[0] : undefined) as
      { fromBlock?: unknown; toBlock?: unknown; blockHash?: unknown } | undefined;
    if (!filter || filter.blockHash) return undefined;
    const from = await blockOf(filter.fromBlock, 'latest');
    const to = await blockOf(filter.toBlock, 'latest');
    const span = to >= from ? to - from + 1n : 0n;
    if (span <= BigInt(maxLogsRange)) return undefined;
    stats.refusedLogs++;
    return {
      jsonrpc: '2.0',
      id: call.id ?? null,
      error: { code: options.refusalCode ?? -32000, message: refusal(span, maxLogsRange) },
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', 'content-type');
    response.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { 'content-type': 'text/plain' }).end('POST JSON-RPC here\n');
      return;
    }
    const text = await readBody(request);
    stats.httpRequests++;
    stats.bytesIn += Buffer.byteLength(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      const body = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const batch = Array.isArray(parsed);
    const calls = (batch ? parsed : [parsed]) as JsonRpcRequest[];
    for (const call of calls) {
      stats.calls++;
      const method = typeof call.method === 'string' ? call.method : '(none)';
      stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    }
    const answers: (JsonRpcResponse | undefined)[] = await Promise.all(calls.map(check));
    const forward = calls.filter((_, i) => answers[i] === undefined);
    if (forward.length > 0) {
      const forwarded = (await upstream(forward)) as JsonRpcResponse[];
      // A node may answer a batch in any order: match the answers by id.
      const byId = new Map(forwarded.map((a) => [JSON.stringify(a.id), a]));
      calls.forEach((call, i) => {
        answers[i] ??= byId.get(JSON.stringify(call.id ?? null));
      });
    }
    if (logsDelayMs > 0 && calls.some((c) => c.method === 'eth_getLogs')) {
      await new Promise((r) => setTimeout(r, logsDelayMs));
    }
    const body = JSON.stringify(batch ? answers : answers[0]);
    stats.bytesOut += Buffer.byteLength(body);
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response
          .writeHead(502, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: String(error) } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = emptyStats();
    },
    setMaxLogsRange: (blocks) => {
      maxLogsRange = blocks;
    },
    setLogsDelayMs: (ms) => {
      logsDelayMs = ms;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
