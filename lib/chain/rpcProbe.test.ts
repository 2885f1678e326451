// The probe against real local HTTP servers: one that accepts and never answers, one of another chain, one that
// refuses connections, and a real anvil-like answer of the right chain.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeRpc, rpcHealthMessage, type ProbeRequest } from './rpcProbe';

const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Answers eth_chainId (alone or in a batch) with `chainId`. */
const chainServer = (chainId: number) =>
  serve((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { id: number; method?: string } | { id: number; method?: string }[];
      const answer = (r: { id: number; method?: string }) => ({
        jsonrpc: '2.0',
        id: r.id,
        result: r.method === 'eth_blockNumber' ? '0x2a' : `0x${chainId.toString(16)}`,
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(Array.isArray(parsed) ? parsed.map(answer) : answer(parsed)));
    });
  });

const requestOf = (url: string) => {
  const client = createPublicClient({ transport: http(url, { retryCount: 0, batch: { wait: 16 } }) });
  return client.request as ProbeRequest;
};

let hanging: string;
let mainnet: string;
let callisto: string;
let refused: string;

beforeAll(async () => {
  hanging = await serve(() => {
    // Accepts the connection and the request, never answers.
  });
  mainnet = await chainServer(1);
  callisto = await chainServer(820);
  const closed = await serve(() => undefined);
  refused = closed;
  await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
});

afterAll(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

describe('probeRpc', () => {
  it('says ok for an RPC of the expected chain, with its head block', async () => {
    expect(await probeRpc(requestOf(callisto), 820)).toEqual({ state: 'ok', block: 42n });
  });

  it('says down within its deadline when the RPC accepts and never answers', async () => {
    const started = Date.now();
    expect(await probeRpc(requestOf(hanging), 820, 500)).toEqual({ state: 'down' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says down when the connection is refused', async () => {
    expect(await probeRpc(requestOf(refused), 820, 2_000)).toEqual({ state: 'down' });
  });

  it('names the chain an RPC of another network serves', async () => {
    const health = await probeRpc(requestOf(mainnet), 820);
    expect(health).toEqual({ state: 'wrong-chain', chainId: 1 });
    expect(rpcHealthMessage(health, mainnet, 820)).toMatch(
      /^This RPC \(http:\/\/127\.0\.0\.1:\d+\/\) serves chain 1, the app expects 820\./,
    );
  });

  it('has nothing to say about a healthy RPC', () => {
    expect(rpcHealthMessage({ state: 'ok', block: 1n }, callisto, 820)).toBeUndefined();
    expect(rpcHealthMessage({ state: 'down' }, callisto, 820)).toMatch(/^Cannot reach the network at/);
  });
});
