// Starts anvil from the npm package @foundry-rs/anvil, on 127.0.0.1 only, and stops it with its owner.
// Used by `npm run dev`, the e2e runner and the contract test harness.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

/** The platform binary inside the registry package: spawning it directly (not through the package's
 * node wrapper) means a kill reaches anvil itself and never leaves an orphan behind. */
export function anvilBinaryPath(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', 'anvil');
  } catch {
    throw new Error(`anvil: no binary for ${process.platform}-${process.arch} (package ${pkg} is not installed)`);
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

export interface AnvilOptions {
  port: number;
  chainId?: number;
  /** Seconds a block; undefined mines one block a transaction. */
  blockTime?: number;
  /** A file anvil loads at start and writes on exit, so a restart keeps the chain. */
  stateFile?: string;
  /** Print anvil's own log lines (the dev stack shows them; tests keep quiet). */
  verbose?: boolean;
  /** The EVM rules (`--hardfork`), e.g. `london` as on Callisto mainnet; anvil's newest by default. */
  hardfork?: string;
  /** The number of the genesis block (`--number`), to look like a chain with a long history. */
  startBlock?: number;
}

export interface AnvilProcess {
  rpcUrl: string;
  child: ChildProcess;
  /** Resolves when anvil has exited (after stop() or by itself). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`anvil did not answer at ${rpcUrl} within ${timeoutMs} ms`);
}

export async function startAnvil(options: AnvilOptions): Promise<AnvilProcess> {
  const args = ['--host', '127.0.0.1', '--port', String(options.port), '--chain-id', String(options.chainId ?? 31337)];
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime));
  if (options.hardfork) args.push('--hardfork', options.hardfork);
  if (options.startBlock !== undefined) args.push('--number', String(options.startBlock));
  // Written on exit and every 30 s, so even a killed dev stack keeps most of its chain.
  if (options.stateFile) args.push('--state', options.stateFile, '--state-interval', '30');
  if (!options.verbose) args.push('--silent');

  const child = spawn(anvilBinaryPath(), args, { stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (options.verbose) process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitForRpc(rpcUrl, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    const detail = stderr.trim().split('\n').pop();
    throw new Error(`${(error as Error).message}${detail ? `: ${detail}` : ''}`);
  }
  return {
    rpcUrl,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT lets anvil write its --state file before it exits.
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
