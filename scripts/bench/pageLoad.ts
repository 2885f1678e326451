// Figures 2 and 3 in the browser: page loads in headless Chromium with the wallet connected, at normal speed or
// with the CPU slowed down through CDP, and the JSON-RPC requests each page makes until its first complete paint.
import { chromium, type Browser, type Page } from '@playwright/test';
import { installPaintProbe, openAndCountRpc, type BenchRoute } from './routes';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { NAME_SHIM, openConnected } from '../../e2e/injectedWallet';

/** A seeded staker (2,000 CLO), so the staking page shows a position: realistic data, read only. */
export const BENCH_ACCOUNT = 3;

export interface LoadSample {
  /** Largest contentful paint, ms from navigation start. */
  lcpMs: number;
  /** The load event's end, ms from navigation start. */
  loadMs: number;
  /** The main figures painted (see routes.ts), ms from navigation start. */
  paintedMs: number;
  /** JS bodies downloaded, as served (the bench's static server does not compress). */
  jsBytes: number;
  rpcRequests: number;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

function observeLcp() {
  const w = window as unknown as { __benchLcp?: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__benchLcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** A page in its own context with the wallet connected and the probes installed, at `cpuRate`x CPU slowdown. */
export async function openBenchPage(browser: Browser, baseUrl: string, rpcUrl: string, cpuRate: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(observeLcp);
  await installPaintProbe(page);
  await openConnected(page, rpcUrl, '/', BENCH_ACCOUNT, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return page;
}

export async function loadOnce(page: Page, rpcUrl: string, route: BenchRoute, timeoutMs = 60_000): Promise<LoadSample> {
  const { paintedMs, rpcRequests } = await openAndCountRpc(page, rpcUrl, route, timeoutMs);
  const metrics = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name),
    );
    return {
      lcpMs: (window as unknown as { __benchLcp?: number }).__benchLcp ?? NaN,
      loadMs: nav ? nav.loadEventEnd : NaN,
      jsBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
    };
  });
  return { ...metrics, paintedMs, rpcRequests };
}

/** One warm-up load, then `loads` measured ones. */
export async function measureRoute(
  page: Page,
  rpcUrl: string,
  route: BenchRoute,
  loads: number,
): Promise<LoadSample[]> {
  await loadOnce(page, rpcUrl, route);
  const samples: LoadSample[] = [];
  for (let i = 0; i < loads; i++) samples.push(await loadOnce(page, rpcUrl, route));
  return samples;
}
