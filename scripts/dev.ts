// `npm run dev`: the whole local stack in one command. anvil (its chain kept in .data/), contracts compiled
// and deployed when they changed, two IPFS host nodes (their stores in .data/host-node-N), demo data, the
// Next.js dev server, with every route compiled once before the app is said to be ready (the dev server compiles a
// route on its first request: without this a newcomer's first clicks wait tens of seconds each, with no hint).
// Ctrl-C, or any part dying, stops all. `npm run dev:reset` starts from an empty chain.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';
import { isPortTaken, startAnvil } from './lib/anvil';
import { appOrigins } from '../host-node/src/config';
import { appRoutes, warmRoutes } from './lib/devWarmup';
import { localHostNodes, startLocalHostNode } from './lib/hostNodes';
import { projectRoot } from './lib/paths';
import { spawnManaged, watchChildren, type ManagedChild } from './lib/processes';

const require = createRequire(import.meta.url);
const rpcPort = Number(process.env.ANVIL_PORT ?? 8545);
const appPort = Number(process.env.PORT ?? 3000);
const hostNodePorts = (process.env.HOST_NODE_PORTS ?? '5101,5102').split(',').map(Number);
const dataDir = join(projectRoot, '.data');

function fail(message: string): never {
  console.error(`dev: ${message}`);
  process.exit(1);
}

async function main() {
  if (process.argv.includes('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log('dev: starting from an empty chain (.data/ removed)');
  }
  for (const [port, what, variable] of [
    [rpcPort, 'the local chain (anvil)', 'ANVIL_PORT'],
    [appPort, 'the web app', 'PORT'],
    ...hostNodePorts.map((port, i) => [port, `host node ${i + 1}`, 'HOST_NODE_PORTS'] as const),
  ] as const) {
    if (await isPortTaken(port)) {
      fail(`port ${port} for ${what} is in use: stop what holds it (lsof -i :${port}) or set ${variable}=another port`);
    }
  }

  // Compiled in a child process: the deploy step below imports the ABI modules this step may rewrite.
  const compiled = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/compile-contracts.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) fail('the contracts do not compile (see above)');

  mkdirSync(dataDir, { recursive: true });
  const anvil = await startAnvil({ port: rpcPort, stateFile: join(dataDir, 'anvil-state.json') }).catch(
    (error: Error) => fail(`anvil did not start: ${error.message}`),
  );
  const anvilChild: ManagedChild = { name: 'anvil', child: anvil.child, stop: () => anvil.stop() };
  const children: ManagedChild[] = [anvilChild];
  const stopAll = async () => {
    await Promise.all(children.map((c) => c.stop()));
  };

  const nodes = localHostNodes(hostNodePorts, dataDir);
  try {
    const { deployAll } = await import('./lib/deploy');
    const { seedLocalChain } = await import('./lib/seed/index');
    const deployment = await deployAll({
      rpcUrl: anvil.rpcUrl,
      privateKey: anvilPrivateKeys[0],
      hostNodes: nodes.map((n) => ({ address: n.address, endpoint: n.endpoint, capacityMb: n.capacityMb })),
      log: console.log,
    });
    const fileSystem = deployment.contracts.CallistoFS!;
    for (const node of nodes) {
      children.push(
        await startLocalHostNode(node, {
          rpcUrl: anvil.rpcUrl,
          fileSystem,
          appOrigins: appOrigins(appPort),
          verbose: true,
        }),
      );
    }
    await seedLocalChain({
      rpcUrl: anvil.rpcUrl,
      contracts: deployment.contracts,
      hostNodeEndpoints: nodes.map((n) => n.endpoint),
      log: console.log,
    });
  } catch (error) {
    await stopAll();
    fail(`starting the local stack failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const nextBin = require.resolve('next/dist/bin/next');
  children.push(
    spawnManaged(
      'the Next.js dev server',
      process.execPath,
      [nextBin, 'dev', '--port', String(appPort), '--hostname', '127.0.0.1'],
      {
        cwd: projectRoot,
        env: { ...process.env, NEXT_PUBLIC_CHAIN: 'local', NEXT_PUBLIC_RPC_URL: anvil.rpcUrl },
      },
    ),
  );

  let stopping = false;
  const shutdown = async (code: number, message?: string) => {
    if (stopping) return;
    stopping = true;
    if (message) console.error(`\ndev: ${message}; stopping everything`);
    await stopAll();
    process.exit(code);
  };
  watchChildren(children, (message) => void shutdown(1, message));
  process.on('SIGINT', () => void shutdown(0, 'Ctrl-C'));
  process.on('SIGTERM', () => void shutdown(0, 'terminated'));

  // Compile every route now, so that the first visit of each answers in about a second.
  const localUrl = `http://127.0.0.1:${appPort}`;
  const routes = appRoutes(join(projectRoot, 'app'));
  console.log(
    `dev: compiling the app's ${routes.length} routes before it is ready (minutes on a first run; ` +
      'later runs reuse the cache in .next/)',
  );
  const warmStarted = Date.now();
  try {
    await waitForPort(appPort, 120_000);
  } catch (error) {
    await shutdown(1, error instanceof Error ? error.message : String(error));
    return;
  }
  let done = 0;
  const problems: string[] = [];
  await warmRoutes(localUrl, routes, {
    concurrency: 2,
    onResult: (result) => {
      done++;
      const what = result.error
        ? `did not answer (${result.error})`
        : result.status >= 400
          ? `answered ${result.status}`
          : `compiled in ${seconds(result.ms)}`;
      if (result.error || result.status >= 400) problems.push(result.route);
      console.log(`dev: route ${done}/${routes.length} ${result.route} ${what}`);
    },
  });
  if (problems.length > 0)
    console.error(`dev: ${problems.join(', ')} did not compile (see above); they compile again when visited`);

  console.log(`
Callisto Hub is ready: http://localhost:${appPort}  (every route compiled in ${seconds(Date.now() - warmStarted)})
  chain RPC  ${anvil.rpcUrl} (chain id 31337; state kept in .data/)
  host nodes ${nodes.map((n) => n.endpoint).join(', ')} (stores in .data/host-node-N)
Ctrl-C stops everything.
`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Resolves once something listens on 127.0.0.1:port (the dev server, a moment after it starts). */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortTaken(port))) {
    if (Date.now() > deadline) throw new Error(`the Next.js dev server did not listen on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await main();
