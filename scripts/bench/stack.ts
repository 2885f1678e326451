// The bench's local stack, from the same pieces as the e2e runner: a fresh anvil on a free port, the contracts
// deployed, two host nodes with their stores in a temporary directory, the demo seed, the static build (with the
// baseline page beside the product's routes) served as files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address } from 'viem';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { findFreePort, startAnvil, type AnvilProcess } from '../lib/anvil';
import { deployAll } from '../lib/deploy';
import { localHostNodes, startLocalHostNode, type LocalHostNode } from '../lib/hostNodes';
import type { ManagedChild } from '../lib/processes';
import { projectRoot } from '../lib/paths';
import { seedLocalChain } from '../lib/seed/index';
import { serveStatic } from '../lib/staticServer';

const require = createRequire(import.meta.url);

export const OUT_DIR = join(projectRoot, 'out');
const BASELINE_DIR = join(projectRoot, 'app', 'bench-baseline');
const BASELINE_PAGE = `// Created by \`npm run bench\` for the length of its build, then deleted: never part of the product.
// The app's own shell (providers, header, connect button) from the root layout, and nothing else.
export default function BenchBaselinePage() {
  return null;
}
`;

export interface BenchStack {
  rpcUrl: string;
  baseUrl: string;
  contracts: Record<string, Address>;
  /** The running host nodes and the pid of each one's process. */
  hostNodes: { node: LocalHostNode; pid: number }[];
  /** A temporary directory removed at stop(): host node stores and the bench's test files. */
  workDir: string;
  buildSeconds: number;
  stop(): Promise<void>;
}

/** Removes the exported baseline route from out/, so that out/ holds the product's routes only. */
function removeBaselineExport(): void {
  if (!existsSync(OUT_DIR)) return;
  for (const name of readdirSync(OUT_DIR)) {
    if (name === 'bench-baseline' || name.startsWith('bench-baseline.')) {
      rmSync(join(OUT_DIR, name), { recursive: true, force: true });
    }
  }
}

function buildWithBaseline(rpcUrl: string): void {
  if (existsSync(BASELINE_DIR)) throw new Error(`${BASELINE_DIR} already exists: remove it (a bench left it?)`);
  const cleanUp = () => rmSync(BASELINE_DIR, { recursive: true, force: true });
  // Ctrl-C during the build must not leave a route in the app either.
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  mkdirSync(BASELINE_DIR);
  try {
    writeFileSync(join(BASELINE_DIR, 'page.tsx'), BASELINE_PAGE);
    const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_PUBLIC_CHAIN: 'local', NEXT_PUBLIC_RPC_URL: rpcUrl, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error(`next build failed with code ${result.status ?? result.signal}`);
  } finally {
    cleanUp();
    process.off('SIGINT', onSignal);
  }
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const anvil: AnvilProcess = await startAnvil({ port: await findFreePort() });
  const workDir = mkdtempSync(join(tmpdir(), 'callisto-bench-'));
  const processes: ManagedChild[] = [];
  let server: Server | undefined;
  const stop = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await Promise.all(processes.map((p) => p.stop()));
    await anvil.stop();
    rmSync(workDir, { recursive: true, force: true });
    removeBaselineExport();
  };
  try {
    const nodes = localHostNodes([await findFreePort(), await findFreePort()], workDir);
    // Chosen first: the host nodes answer the app's origin only.
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const deployment = await deployAll({
      rpcUrl: anvil.rpcUrl,
      privateKey: anvilPrivateKeys[0],
      hostNodes: nodes.map((n) => ({ address: n.address, endpoint: n.endpoint, capacityMb: n.capacityMb })),
    });
    const hostNodes: BenchStack['hostNodes'] = [];
    for (const node of nodes) {
      const managed = await startLocalHostNode(node, {
        rpcUrl: anvil.rpcUrl,
        fileSystem: deployment.contracts.CallistoFS!,
        appOrigins: [baseUrl],
        pollMs: 100,
      });
      processes.push(managed);
      hostNodes.push({ node, pid: managed.child.pid! });
    }
    log('bench: seeding the demo data');
    await seedLocalChain({
      rpcUrl: anvil.rpcUrl,
      contracts: deployment.contracts,
      hostNodeEndpoints: nodes.map((n) => n.endpoint),
    });
    log('bench: building the static app with the baseline page');
    const started = Date.now();
    buildWithBaseline(anvil.rpcUrl);
    const buildSeconds = (Date.now() - started) / 1000;
    server = await serveStatic(OUT_DIR, port);
    return {
      rpcUrl: anvil.rpcUrl,
      baseUrl,
      contracts: deployment.contracts,
      hostNodes,
      workDir,
      buildSeconds,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
