// Each failure is caused for real: a port nobody listens on, a server that never answers, a node that refuses,
// a contract on anvil that reverts, an address with no code.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, zeroAddress, type Address } from 'viem';
import { callistoFSAbi, callistoFSBytecode } from '../../contracts-abi/CallistoFS';
import { callistoLocal } from '../../lib/chain/chains';
import { findFreePort } from '../../scripts/lib/anvil';
import { startTestChain, type TestChain } from '../../contracts/test/harness';
import { describeReadError } from './describeReadError';

const readFileOn = (url: string, address: Address = zeroAddress, timeout = 2_000) =>
  createPublicClient({ chain: callistoLocal, transport: http(url, { retryCount: 0, timeout }) }).readContract({
    address,
    abi: callistoFSAbi,
    functionName: 'file',
    args: [7n],
  });

async function failureOf(read: Promise<unknown>): Promise<unknown> {
  try {
    await read;
  } catch (error) {
    return error;
  }
  throw new Error('the read succeeded');
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('describeReadError', () => {
  let chain: TestChain;
  const servers: Server[] = [];
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
    for (const server of servers) server.close();
  });

  it('says the network does not answer when nothing listens at the RPC URL', async () => {
    const port = await findFreePort();
    const error = await failureOf(readFileOn(`http://127.0.0.1:${port}`));
    expect(describeReadError(error)).toBe('the network does not answer');
  });

  it('says the network took too long when the RPC never answers', async () => {
    const { server, url } = await listen(() => {
      /* never answers */
    });
    servers.push(server);
    const error = await failureOf(readFileOn(url, zeroAddress, 200));
    expect(describeReadError(error)).toBe('the network took too long to answer');
  });

  it("gives the node's own words when it refuses the request", async () => {
    const { server, url } = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const { id } = JSON.parse(body) as { id: number };
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32000, message: 'header not found' } }));
      });
    });
    servers.push(server);
    const error = await failureOf(readFileOn(url));
    expect(describeReadError(error)).toBe('the network refused the request: header not found');
  });

  it('names the HTTP status when the server answers with an error page', async () => {
    const { server, url } = await listen((_request, response) => {
      response.statusCode = 503;
      response.end('<html>Service Unavailable</html>');
    });
    servers.push(server);
    const error = await failureOf(readFileOn(url));
    expect(describeReadError(error)).toBe("the network's server answered with an error (HTTP 503)");
  });

  it("gives the contract's reason when the read reverts", async () => {
    const fs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      chain.accounts[0]!.address,
      10n ** 18n,
      10n ** 15n,
    ]);
    const error = await failureOf(readFileOn(chain.rpcUrl, fs));
    expect(describeReadError(error)).toBe('the contract refused the read: CallistoFS: no such file');
  });

  it('says no contract answers when the address has no code on this network', async () => {
    const error = await failureOf(readFileOn(chain.rpcUrl, '0x000000000000000000000000000000000000dEaD'));
    expect(describeReadError(error)).toBe(
      'no contract answers at its address on this network (check the network in the settings)',
    );
  });

  it('never shows a developer message several lines long', () => {
    expect(describeReadError(new Error('boom\n  at stack'))).toBe('something went wrong while reading it');
    expect(describeReadError('a string')).toBe('something went wrong while reading it');
  });
});
