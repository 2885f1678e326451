// The second phase of `npm run test:e2e`: the staking page against a chain that looks like Callisto mainnet
// (scripts/lib/mainnetStack.ts): chain id 820 from block 20,000,000, London rules, the cold staking contracts at their
// mainnet addresses with 1,000 stakers, no Multicall3, and a proxy in front that refuses eth_getLogs over 5,000
// blocks. The app is built for `callisto` with its RPC URL at the proxy, served as files, and driven by Playwright's
// `mainnet-like` project (e2e/mainnet.spec.ts and the staking part of the RPC budget).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { anvilAddress } from '../e2e/injectedWallet';
import { fillStakers, startMainnetLikeStack } from './lib/mainnetStack';
import { findFreePort } from './lib/anvil';
import { ensureChromium } from './lib/chromium';
import { projectRoot } from './lib/paths';
import { serveStatic } from './lib/staticServer';

const require = createRequire(import.meta.url);

/** The anvil account the specs connect as: staked in V1 and V2. */
export const MAINNET_VIEWER = 1;
/** 1,000 stakers in all: the viewer, 40 idle for over a year after their term, and 959 in term. */
export const MAINNET_STAKERS = { idle: 40, active: 959 };

async function main(): Promise<number> {
  // Before anything starts: a missing browser is said (or fixed) now, not after the build.
  if (!ensureChromium()) return 1;
  const started = Date.now();
  const stack = await startMainnetLikeStack();
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    await fillStakers(stack, { ...MAINNET_STAKERS, viewer: anvilAddress(MAINNET_VIEWER) });
    console.log(
      `e2e (mainnet-like): chain filled in ${((Date.now() - started) / 1000).toFixed(1)} s; building the app`,
    );
    const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        NEXT_PUBLIC_CHAIN: 'callisto',
        NEXT_PUBLIC_RPC_URL: stack.rpcUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    if (build.status !== 0) throw new Error(`next build failed with code ${build.status ?? build.signal}`);
    const appPort = await findFreePort();
    server = await serveStatic(join(projectRoot, 'out'), appPort);
    const baseUrl = `http://127.0.0.1:${appPort}`;
    console.log(`e2e (mainnet-like): app at ${baseUrl}, proxy at ${stack.rpcUrl}, chain at ${stack.anvilUrl}`);
    const playwright = spawn(
      process.execPath,
      [require.resolve('@playwright/test/cli'), 'test', ...process.argv.slice(2)],
      {
        cwd: projectRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          E2E_STACK: 'mainnet-like',
          E2E_BASE_URL: baseUrl,
          // The test wallet talks to the chain directly, as a wallet uses its own RPC; the app goes through the proxy.
          E2E_RPC_URL: stack.anvilUrl,
          E2E_APP_RPC_URL: stack.rpcUrl,
        },
      },
    );
    const code = await new Promise<number>((resolve) => playwright.once('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) console.error(`e2e (mainnet-like): playwright failed with code ${code}`);
    return code;
  } catch (error) {
    console.error(`e2e (mainnet-like): ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stack.stop();
  }
}

process.exitCode = await main();
