// The local stack's two IPFS host nodes: their keys, ports, data directories, and the child processes that run
// them. `npm run dev`, the e2e runner and the bench start them the same way an operator would: `npm run
// host-node` with its settings in the environment.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { bytesToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_MNEMONIC } from '../../lib/chain/anvilAccounts';
import { projectRoot } from './paths';
import { spawnManaged, type ManagedChild } from './processes';

/** How `npm run host-node` starts it: one process (tsx as an import hook, not a launcher, so signals and the memory
 * of the server are this pid's), with a small young generation, which keeps a streamed upload's peak memory low. */
export const HOST_NODE_NODE_ARGS = ['--max-semi-space-size=2', '--import', 'tsx'];

/** Capacity each local node offers: 2 GiB, so the demo price sits near the floor and a 1 GiB bench upload fits. */
export const LOCAL_NODE_CAPACITY_MB = 2_048n;

export interface LocalHostNode {
  /** 1 or 2, for names and logs. */
  index: number;
  address: Address;
  privateKey: Hex;
  port: number;
  endpoint: string;
  dataDir: string;
  capacityMb: bigint;
}

/** Host node keys come from anvil's mnemonic past the ten accounts anvil funds (indexes 10 and 11), so no demo
 * role shares a key with a node; the deploy step funds them for gas. */
export function localHostNodes(ports: readonly number[], dataRoot: string): LocalHostNode[] {
  return ports.map((port, i) => {
    const account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 10 + i });
    const privateKey = bytesToHex(account.getHdKey().privateKey!);
    return {
      index: i + 1,
      address: account.address,
      privateKey,
      port,
      endpoint: `http://127.0.0.1:${port}`,
      dataDir: join(dataRoot, `host-node-${i + 1}`),
      capacityMb: LOCAL_NODE_CAPACITY_MB,
    };
  });
}

export interface HostNodeRunOptions {
  rpcUrl: string;
  fileSystem: Address;
  /** Origins the web app is served from: the only ones whose pages may call the node (CORS). */
  appOrigins: readonly string[];
  /** Seconds unregistered uploads are kept before removal. */
  graceSeconds?: number;
  pollMs?: number;
  /** Inherit the node's log lines (dev) or keep quiet (tests, bench). */
  verbose?: boolean;
}

/** Starts one host node as a child process and resolves once its /health answers. */
export async function startLocalHostNode(node: LocalHostNode, options: HostNodeRunOptions): Promise<ManagedChild> {
  const managed = spawnManaged(
    `host node ${node.index}`,
    process.execPath,
    [...HOST_NODE_NODE_ARGS, join('host-node', 'src', 'main.ts')],
    {
      cwd: projectRoot,
      stdio: options.verbose ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        HOST_NODE_PRIVATE_KEY: node.privateKey,
        HOST_NODE_RPC_URL: options.rpcUrl,
        HOST_NODE_FILE_SYSTEM_ADDRESS: options.fileSystem,
        HOST_NODE_HOST: '127.0.0.1',
        HOST_NODE_PORT: String(node.port),
        HOST_NODE_DATA_DIR: node.dataDir,
        HOST_NODE_CORS_ORIGINS: options.appOrigins.join(','),
        HOST_NODE_GRACE_SECONDS: String(options.graceSeconds ?? 600),
        HOST_NODE_POLL_MS: String(options.pollMs ?? 500),
      },
    },
  );
  // Two nodes write to one terminal: each line says which node it comes from.
  const prefix = `[host node ${node.index}] `;
  if (managed.child.stdout) prefixLines(managed.child.stdout, prefix, process.stdout);
  if (managed.child.stderr) prefixLines(managed.child.stderr, prefix, process.stderr);
  // Generous: tsx compiles the node at its start, which takes long on a loaded machine.
  await waitForHealth(node.endpoint, managed, 90_000);
  return managed;
}

function prefixLines(from: Readable, prefix: string, to: Writable): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${prefix}${line}\n`));
}

async function waitForHealth(endpoint: string, managed: ManagedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null) {
      throw new Error(`${managed.name} exited with code ${managed.child.exitCode} before answering`);
    }
    try {
      const response = await fetch(`${endpoint}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await managed.stop();
  throw new Error(`${managed.name} did not answer at ${endpoint}/health within ${timeoutMs} ms`);
}
