// Figure 8: the staking page's event history at Callisto's scale. The mainnet-like stack (scripts/lib/mainnetStack.ts:
// chain 820 from block 20,000,000, so V2's history from its BlockStartStaking, 7,600,000, spans over 12 million
// blocks; 1,000 stakers; the proxy refusing eth_getLogs over 5,000 blocks), the app built for `callisto` against the
// proxy, and /staking/ opened twice in one browser profile: a first visit with nothing cached, then a second visit
// that reads only the blocks mined since. Requests and bytes are counted at the proxy (what a public RPC would see),
// the time from navigation to the complete history (the inactive stakers listed and the account's V1 and V2 rows
// shown). Baseline of the second visit: the same load's main figures painted, i.e. the page with no history to read.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createPublicClient, http } from 'viem';
import { anvilAddress, openConnected } from '../../e2e/injectedWallet';
import { findFreePort } from '../lib/anvil';
import {
  fillStakers,
  MAINNET_LIKE_LOGS_RANGE,
  MAINNET_LIKE_START_BLOCK,
  startMainnetLikeStack,
  type MainnetLikeStack,
} from '../lib/mainnetStack';
import { projectRoot } from '../lib/paths';
import { serveStatic } from '../lib/staticServer';
import { summarize, type BenchRow } from './stats';

const require = createRequire(import.meta.url);

/** The account the bench connects as (staked in V1 and V2 by the fill). */
const VIEWER = 1;
const IDLE = 40;
const STAKERS = { idle: IDLE, active: 959 };
/** V2's first block on mainnet (BlockStartStaking), recorded in contracts-abi/deployments/820.json. */
const V2_START = 7_600_000n;
const SECOND_VISITS = 3;
export const SECOND_VISIT_TARGET = 1.2;

interface Visit {
  /** ms from navigation to the main figures (the position) painted. */
  figuresMs: number;
  /** ms from navigation to the complete history. */
  historyMs: number;
  httpRequests: number;
  logRequests: number;
  calls: number;
  ethCalls: number;
  bytes: number;
}

async function visit(page: Page, stack: MainnetLikeStack, timeoutMs: number): Promise<Visit> {
  stack.proxy.resetStats();
  const started = Date.now();
  await page.goto('/staking/');
  await page.getByTestId('my-stake').waitFor({ timeout: timeoutMs });
  const figuresMs = Date.now() - started;
  await page
    .waitForFunction(
      (idle) =>
        document.querySelectorAll('button[aria-label^="Return stake to owner: "]').length === idle &&
        [...document.querySelectorAll('td')].some((td) => td.textContent === 'Stake (V1)'),
      IDLE,
      { timeout: timeoutMs, polling: 100 },
    )
    .catch((error: unknown) => {
      throw new Error(`the history did not complete in ${timeoutMs} ms: ${String(error)}`);
    });
  const historyMs = Date.now() - started;
  const s = stack.proxy.stats();
  return {
    figuresMs,
    historyMs,
    httpRequests: s.httpRequests,
    logRequests: s.byMethod.eth_getLogs ?? 0,
    calls: s.calls,
    ethCalls: s.byMethod.eth_call ?? 0,
    bytes: s.bytesIn + s.bytesOut,
  };
}

function buildForCallisto(rpcUrl: string): void {
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_PUBLIC_CHAIN: 'callisto', NEXT_PUBLIC_RPC_URL: rpcUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed with code ${result.status ?? result.signal}`);
}

/** Figure 8. Leaves out/ holding the callisto build: run it after the figures that use the local one. */
export async function measureStakingHistory(browser: Browser, log: (line: string) => void): Promise<BenchRow[]> {
  log('bench: figure 8, the mainnet-like stack with 1,000 stakers behind a 5,000-block eth_getLogs limit');
  const stack = await startMainnetLikeStack();
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    await fillStakers(stack, { ...STAKERS, viewer: anvilAddress(VIEWER) });
    log('bench: building the app for callisto');
    buildForCallisto(stack.rpcUrl);
    const port = await findFreePort();
    server = await serveStatic(join(projectRoot, 'out'), port);
    const head = await createPublicClient({ transport: http(stack.anvilUrl) }).getBlockNumber();

    const context = await browser.newContext({
      baseURL: `http://127.0.0.1:${port}`,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await openConnected(page, stack.anvilUrl, '/', VIEWER, { chainId: 820, timeout: 60_000 });
    log('bench: first visit of /staking/ (nothing cached)');
    const first = await visit(page, stack, 1_800_000);
    const seconds: Visit[] = [];
    for (let i = 0; i < SECOND_VISITS; i++) seconds.push(await visit(page, stack, 120_000));
    await context.close();

    // The ranges the first visit had to read: V2 from its recorded start; V1 from wherever its start was found (an
    // RPC without old state, as this anvil, gives the first block it serves), both to the head.
    const v2Blocks = head - V2_START + 1n;
    const v1Blocks = head - BigInt(MAINNET_LIKE_START_BLOCK) + 1n;
    const minimumRequests = Number(
      (v2Blocks + BigInt(MAINNET_LIKE_LOGS_RANGE) - 1n) / BigInt(MAINNET_LIKE_LOGS_RANGE) +
        (v1Blocks + BigInt(MAINNET_LIKE_LOGS_RANGE) - 1n) / BigInt(MAINNET_LIKE_LOGS_RANGE),
    );
    const median = (pick: (v: Visit) => number) => summarize(seconds.map(pick));
    const secondHistory = median((v) => v.historyMs);
    const secondFigures = median((v) => v.figuresMs);
    const figure = '8 staking history, 1,000 stakers';
    const rows: BenchRow[] = [
      {
        figure,
        subject: 'first visit',
        metric: 'to the complete history',
        unit: 'ms',
        summary: summarize([first.historyMs]),
      },
      {
        figure,
        subject: 'first visit',
        metric: 'eth_getLogs requests',
        unit: 'count',
        summary: summarize([first.logRequests]),
        ratio: first.logRequests / minimumRequests,
        ratioTo: `to scanned range / ${MAINNET_LIKE_LOGS_RANGE.toLocaleString('en')} (${minimumRequests.toLocaleString('en')})`,
      },
      {
        figure,
        subject: 'first visit',
        metric: 'HTTP requests',
        unit: 'count',
        summary: summarize([first.httpRequests]),
      },
      {
        figure,
        subject: 'first visit',
        metric: 'eth_call',
        unit: 'count',
        summary: summarize([first.ethCalls]),
        note: 'not one a staker',
      },
      {
        figure,
        subject: 'first visit',
        metric: 'request + response bytes',
        unit: 'bytes',
        summary: summarize([first.bytes]),
      },
      { figure, subject: 'second visit', metric: 'figures painted (no history)', unit: 'ms', summary: secondFigures },
      {
        figure,
        subject: 'second visit',
        metric: 'to the complete history',
        unit: 'ms',
        summary: secondHistory,
        ratio: secondHistory && secondFigures ? secondHistory.median / secondFigures.median : undefined,
        ratioTo: `to the figures painted (target ≤ ${SECOND_VISIT_TARGET}x)`,
      },
      {
        figure,
        subject: 'second visit',
        metric: 'eth_getLogs requests',
        unit: 'count',
        summary: median((v) => v.logRequests),
      },
      {
        figure,
        subject: 'second visit',
        metric: 'HTTP requests',
        unit: 'count',
        summary: median((v) => v.httpRequests),
      },
      {
        figure,
        subject: 'second visit',
        metric: 'request + response bytes',
        unit: 'bytes',
        summary: median((v) => v.bytes),
      },
    ];
    log(
      `bench: figure 8: first visit ${first.historyMs} ms, ${first.logRequests} eth_getLogs (${minimumRequests} at least), ` +
        `${first.httpRequests} HTTP, ${first.bytes} bytes; second visit ${secondHistory?.median} ms to the history, ` +
        `${secondFigures?.median} ms to the figures, ${median((v) => v.logRequests)?.median} eth_getLogs`,
    );
    return rows;
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stack.stop();
  }
}
