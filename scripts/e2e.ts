// `npm run test:e2e`: the whole local stack as a user gets it, then Playwright against it. A fresh anvil on
// a free port, the contracts deployed, two IPFS host nodes with their stores in a temporary directory, the demo
// seed, the production static build served as plain files, and Chromium driving it through the real RainbowKit
// modal with an injected test wallet.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';
import { findFreePort, startAnvil } from './lib/anvil';
import { deployAll } from './lib/deploy';
import { localHostNodes, startLocalHostNode } from './lib/hostNodes';
import type { ManagedChild } from './lib/processes';
import { ensureChromium } from './lib/chromium';
import { projectRoot } from './lib/paths';
import { seedLocalChain } from './lib/seed/index';
import { serveStatic } from './lib/staticServer';

const require = createRequire(import.meta.url);

function run(label: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${label} failed with code ${result.status ?? result.signal}`);
}

async function main(): Promise<number> {
  // Before anything starts: a missing browser is said (or fixed) now, not after the build.
  if (!ensureChromium()) return 1;
  const anvil = await startAnvil({ port: await findFreePort() });
  const dataRoot = mkdtempSync(join(tmpdir(), 'callisto-e2e-'));
  const nodeProcesses: ManagedChild[] = [];
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    const nodes = localHostNodes([await findFreePort(), await findFreePort()], dataRoot);
    // Chosen first: the host nodes answer the app's origin only.
    const appPort = await findFreePort();
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const deployment = await deployAll({
      rpcUrl: anvil.rpcUrl,
      privateKey: anvilPrivateKeys[0],
      hostNodes: nodes.map((n) => ({ address: n.address, endpoint: n.endpoint, capacityMb: n.capacityMb })),
    });
    const fileSystem = deployment.contracts.CallistoFS!;
    for (const node of nodes) {
      nodeProcesses.push(
        await startLocalHostNode(node, { rpcUrl: anvil.rpcUrl, fileSystem, appOrigins: [baseUrl], pollMs: 200 }),
      );
    }
    await seedLocalChain({
      rpcUrl: anvil.rpcUrl,
      contracts: deployment.contracts,
      hostNodeEndpoints: nodes.map((n) => n.endpoint),
    });
    // Built for this run: the RPC URL of this anvil is baked into the static bundle.
    console.log('e2e: building the static app');
    run('next build', [require.resolve('next/dist/bin/next'), 'build'], {
      NEXT_PUBLIC_CHAIN: 'local',
      NEXT_PUBLIC_RPC_URL: anvil.rpcUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    });
    run('bundle budgets', [require.resolve('tsx/cli'), join('scripts', 'check-bundle-budgets.ts')], {});
    server = await serveStatic(join(projectRoot, 'out'), appPort);
    console.log(`e2e: app at ${baseUrl}, chain at ${anvil.rpcUrl}`);
    const extraArgs = process.argv.slice(2);
    // Asynchronously: the static server lives in this process and must keep answering meanwhile.
    const playwright = spawn(process.execPath, [require.resolve('@playwright/test/cli'), 'test', ...extraArgs], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_RPC_URL: anvil.rpcUrl,
        E2E_HOST_NODES: nodes.map((n) => n.endpoint).join(','),
      },
    });
    const code = await new Promise<number>((resolve) => playwright.once('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) console.error(`e2e: playwright failed with code ${code}`);
    return code;
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await Promise.all(nodeProcesses.map((node) => node.stop()));
    await anvil.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

process.exitCode = await main();
