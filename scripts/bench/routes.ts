// The routes measured by the bench and the RPC budget spec, and what "the page's main figures are painted"
// means on each: a route-specific element, the connected account's balance, and no loading placeholder left.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { NAME_SHIM } from '../../e2e/injectedWallet';

export interface BenchRoute {
  /** What the browser opens, query string included. */
  path: string;
  /** The exported file that must exist in out/ for the route to be measured. */
  file: string;
  /** An element present only once the route's main figures are on screen. */
  ready: string;
}

export const BASELINE_ROUTE: BenchRoute = {
  path: '/bench-baseline/',
  file: 'bench-baseline/index.html',
  ready: '[data-testid="account-balance"]',
};

const ALL_ROUTES: BenchRoute[] = [
  { path: '/', file: 'index.html', ready: 'main h1' },
  { path: '/staking/', file: 'staking/index.html', ready: '[data-testid="my-stake"]' },
  { path: '/governance/', file: 'governance/index.html', ready: '[data-testid="proposal-item"]' },
  { path: '/governance/new/', file: 'governance/new/index.html', ready: '[data-testid="proposal-deposit"]' },
  {
    path: '/governance/proposal/?id=0',
    file: 'governance/proposal/index.html',
    ready: '[data-testid="proposal-state"]',
  },
  { path: '/audits/', file: 'audits/index.html', ready: 'main h1' },
  { path: '/audits/request/?id=0', file: 'audits/request/index.html', ready: '[data-testid="request-state"]' },
  { path: '/audits/new/', file: 'audits/new/index.html', ready: 'main h1' },
  { path: '/audits/leaderboard/', file: 'audits/leaderboard/index.html', ready: 'main h1' },
  { path: '/audits/manage/', file: 'audits/manage/index.html', ready: 'main h1' },
  { path: '/audits/auditor/', file: 'audits/auditor/index.html', ready: 'main h1' },
  { path: '/files/', file: 'files/index.html', ready: '[data-testid="file-row"]' },
  { path: '/files/file/?id=0', file: 'files/file/index.html', ready: '[data-testid="file-status"]' },
  { path: '/nodes/', file: 'nodes/index.html', ready: '[data-testid="node-row"]' },
];

/** The product routes present in this static export (audits only once they have landed). */
export function routesInBuild(outDir: string): BenchRoute[] {
  return ALL_ROUTES.filter((r) => existsSync(join(outDir, r.file)));
}

/** In the page: true once `selector` is on screen, the account balance is read and nothing shows as loading. */
function mainFiguresPainted(selector: string): boolean {
  const visible = (el: Element | null) => !!el && (el as HTMLElement).getClientRects().length > 0;
  if (!visible(document.querySelector(selector))) return false;
  const balance = document.querySelector('[data-testid="account-balance"]');
  if (!balance || !/\d/.test(balance.textContent ?? '')) return false;
  if (document.querySelector('[aria-label="loading"]')) return false;
  for (const el of document.querySelectorAll('[role="status"], [data-testid]')) {
    const text = (el.textContent ?? '').trim();
    if (text === '…' || /^Loading/.test(text)) return false;
  }
  return true;
}

export interface PaintResult {
  /** ms from navigation start to the first frame with the main figures painted. */
  paintedMs: number;
  /** JSON-RPC HTTP requests to the chain from navigation until that paint and a quiet period after it. */
  rpcRequests: number;
  /** The JSON-RPC methods of each of those requests (a batch lists several), to say what a page spent. */
  rpcMethods: string[][];
}

/** The methods of one JSON-RPC POST body (a single call or a batch). */
function methodsOf(body: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    return calls.map((c) =>
      typeof c === 'object' && c !== null && 'method' in c ? String((c as { method: unknown }).method) : '?',
    );
  } catch {
    return ['?'];
  }
}

export const QUIET_MS = 400;

/** esbuild (tsx) wraps named inner functions in `__name(...)`; serialised into a page, they need it defined. */

/** Opens `route` in `page` and waits for its main figures, counting the POSTs to the RPC origin meanwhile. The
 * quiet period lets the requests of the paint itself (a balance, a last page) finish and be counted. */
export async function openAndCountRpc(
  page: Page,
  rpcUrl: string,
  route: BenchRoute,
  timeoutMs = 60_000,
): Promise<PaintResult> {
  const rpcOrigin = new URL(rpcUrl).origin;
  let count = 0;
  const rpcMethods: string[][] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const isRpc = (r: Request) => r.method() === 'POST' && r.url().startsWith(rpcOrigin);
  const onRequest = (r: Request) => {
    if (!isRpc(r)) return;
    count++;
    rpcMethods.push(methodsOf(r.postData()));
    inFlight++;
    lastActivity = Date.now();
  };
  const onDone = (r: Request) => {
    if (!isRpc(r)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    await page.goto(route.path);
    const handle = await page.waitForFunction(
      (selector) => {
        const painted = (window as unknown as { __benchPainted?: (s: string) => boolean }).__benchPainted!;
        return painted(selector) ? performance.now() : false;
      },
      route.ready,
      { polling: 'raf', timeout: timeoutMs },
    );
    const paintedMs = (await handle.jsonValue()) as number;
    // Requests already on the wire for this paint, plus any issued within the quiet period.
    const deadline = Date.now() + 10_000;
    while ((inFlight > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < deadline) {
      await page.waitForTimeout(50);
    }
    return { paintedMs, rpcRequests: count, rpcMethods };
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
}

/** Makes `mainFiguresPainted` available in every document of `page` (call once, before navigating). */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(`window.__benchPainted = ${mainFiguresPainted.toString()};`);
}
