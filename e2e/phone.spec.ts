// Every route as a phone (390 x 844) and a desktop (1280 x 800) show it: the page is no wider than the screen (a
// table scrolls inside its own region or becomes cards, never the page), and axe finds no WCAG 2 A or AA violation.
// The routes are read from app/, so a new page is measured without anyone remembering to list it; the pages whose
// tables appear only with data or a wallet are opened with a seeded id and a connected seeded account, and wait
// for those tables before they are measured.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, openConnected, test } from './fixtures';

/** A seeded staker (with a staking history), auditor (reports on the audited requests, payouts) and file owner. */
const MEMBER = 3;
/** The seed's audit manager: the console's tables and a request's manager forms. */
const MANAGER = 2;

/** The routes of the static app: every folder of app/ with a page.tsx, as the export serves it (trailing slash).
 * Route groups `(name)` add no segment; private folders `_name` are no routes. */
function appRoutes(dir = 'app', prefix = '/'): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const routes = entries.some((e) => e.isFile() && /^page\.(tsx|ts|jsx|js)$/.test(e.name)) ? [prefix] : [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `${entry.name}/`;
    routes.push(...appRoutes(join(dir, entry.name), `${prefix}${segment}`));
  }
  return routes;
}

interface Visit {
  /** The route with its query, as opened. */
  path: string;
  account: number;
  /** What shows once the page's lists have loaded: the page is measured after these are visible. */
  ready: (page: Page) => Locator[];
}

/** Per route: the seeded id it needs and the lists to wait for. A route not listed is opened as is and measured once
 * its heading shows. */
const ROUTE_VISITS: Record<string, Omit<Visit, 'path'> & { query?: string }> = {
  '/': { account: MEMBER, ready: (p) => [p.getByTestId('overview-file-count')] },
  '/staking/': {
    account: MEMBER,
    // The history table: its export button appears with its first rows.
    ready: (p) => [p.getByTestId('my-stake'), p.getByRole('button', { name: 'Export CSV' })],
  },
  '/governance/': { account: MEMBER, ready: (p) => [p.getByTestId('proposal-item').first()] },
  // Proposal 1 is the seed's paid funding proposal, with two voters.
  '/governance/proposal/': { account: MEMBER, query: '?id=1', ready: (p) => [p.getByTestId('voter-row').first()] },
  '/audits/': { account: MEMBER, ready: (p) => [p.getByTestId('request-row').first()] },
  // Request 0 is the seed's audited ColdStaking, with two revealed reports.
  '/audits/request/': { account: MEMBER, query: '?id=0', ready: (p) => [p.getByTestId('report-row').first()] },
  '/audits/auditor/': { account: MEMBER, ready: (p) => [p.getByTestId('my-report-row').first()] },
  '/audits/manage/': {
    account: MANAGER,
    ready: (p) => [p.getByTestId('auditor-row').first(), p.getByTestId('nomination-row').first()],
  },
  '/audits/leaderboard/': { account: MEMBER, ready: (p) => [p.getByTestId('leaderboard-row').first()] },
  '/files/': { account: MEMBER, ready: (p) => [p.getByTestId('file-row').first()] },
  '/files/file/': { account: MEMBER, query: '?id=0', ready: (p) => [p.getByTestId('confirmer-row').first()] },
  '/nodes/': { account: MEMBER, ready: (p) => [p.getByTestId('node-row').first()] },
};

/** The routes that draw a chart for the seeded account (the position's reward, the treasury, the price curve): their
 * axis text must be readable at both widths, at least 12 CSS px as rendered (not as written in the SVG, which the
 * browser scales to the box). */
const CHART_ROUTES = new Set(['/staking/', '/governance/', '/nodes/']);
const MIN_CHART_TEXT_PX = 12;

/** Runs in the page: the smallest rendered size, in CSS px, of any chart's text (Infinity without a chart). */
function smallestChartTextPx(): number {
  let smallest = Infinity;
  for (const text of Array.from(document.querySelectorAll('figure svg[role="img"] text'))) {
    if (!(text instanceof SVGTextElement) || text.getBoundingClientRect().width === 0) continue;
    const matrix = text.getScreenCTM();
    if (!matrix) continue;
    // The scale from the text's own units to the screen's (a rotated label's scale is in b, not a).
    const px = Number.parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    smallest = Math.min(smallest, px);
  }
  return smallest;
}

/** Visits beyond one a route: a request in progress as its manager sees it (the sign and reveal forms). */
const EXTRA_VISITS: Visit[] = [
  { path: '/audits/request/?id=2', account: MANAGER, ready: (p) => [p.getByTestId('report-row').first()] },
];

function visits(): Visit[] {
  const fromApp = appRoutes().map((route): Visit => {
    const known = ROUTE_VISITS[route];
    return {
      path: `${route}${known?.query ?? ''}`,
      account: known?.account ?? MEMBER,
      ready: known?.ready ?? ((p) => [p.locator('main h1').first()]),
    };
  });
  return [...fromApp, ...EXTRA_VISITS];
}

interface WidthReport {
  viewport: number;
  document: number;
  /** Elements whose right edge is beyond the screen and which no box of their own scrolls or clips. */
  offenders: string[];
}

/** Runs in the page: the document's width against the screen's, and what sticks out. */
function measureWidth(): WidthReport {
  const viewport = document.documentElement.clientWidth;
  const clipsSideways = (element: Element) => getComputedStyle(element).overflowX !== 'visible';
  const offenders: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= viewport + 0.5) continue;
    // Inside a box that scrolls (or clips) and itself fits: that box's own business. A box clips only what it
    // contains: an absolutely positioned element (screen-reader-only text, say) escapes every box between it and
    // its positioned ancestor, and widens the page from inside a scrolling table unless that box is positioned.
    const position = (e: Element) => getComputedStyle(e).position;
    let escaping = position(element) === 'absolute' || position(element) === 'fixed';
    let ancestor = element.parentElement;
    let contained = false;
    while (ancestor && ancestor !== document.body) {
      if (escaping && position(ancestor) !== 'static') escaping = false;
      if (!escaping && clipsSideways(ancestor) && ancestor.getBoundingClientRect().right <= viewport + 0.5) {
        contained = true;
        break;
      }
      if (position(ancestor) === 'absolute' || position(ancestor) === 'fixed') escaping = true;
      ancestor = ancestor.parentElement;
    }
    if (contained) continue;
    const testId = element.getAttribute('data-testid');
    const classes = typeof element.className === 'string' ? element.className.split(/\s+/).slice(0, 4).join('.') : '';
    const text = (element.textContent ?? '').trim().slice(0, 40);
    offenders.push(
      `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${classes ? `.${classes}` : ''} right ${Math.round(rect.right)} px "${text}"`,
    );
  }
  return { viewport, document: document.documentElement.scrollWidth, offenders: offenders.slice(0, 8) };
}

async function checkEveryRoute(browser: Browser, baseURL: string, rpcUrl: string, width: number, height: number) {
  const byAccount = new Map<number, Visit[]>();
  for (const visit of visits()) byAccount.set(visit.account, [...(byAccount.get(visit.account) ?? []), visit]);
  const measured: string[] = [];
  for (const [account, list] of byAccount) {
    // One context an account, reused route to route: the wallet connects once and wagmi reconnects on each load.
    const context = await browser.newContext({ baseURL, viewport: { width, height } });
    const page = await context.newPage();
    try {
      await openConnected(page, rpcUrl, '/', account, { timeout: 60_000 });
      // Every section of the main navigation is on screen, none hidden off its edge.
      const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      expect.soft(await links.count(), 'main navigation links').toBeGreaterThanOrEqual(6);
      for (const link of await links.all()) {
        await expect.soft(link, 'a main navigation link is wholly on screen').toBeInViewport({ ratio: 1 });
      }
      for (const visit of list) {
        // The lists below are waited for; the load event adds nothing to that on a busy machine.
        await page.goto(visit.path, { waitUntil: 'domcontentloaded' });
        // Soft, as every check here: one page that fails to load still leaves the others measured in the same run.
        // A minute: on a loaded machine a page's first reads take tens of seconds.
        for (const ready of visit.ready(page)) {
          await expect.soft(ready, `${visit.path} loads its lists`).toBeVisible({ timeout: 60_000 });
        }
        if (CHART_ROUTES.has(visit.path)) {
          await expect
            .soft(page.locator('figure svg[role="img"]').first(), `${visit.path} draws its chart`)
            .toBeVisible({
              timeout: 60_000,
            });
          // Polled: the chart is drawn at a default width first and again once its box is measured.
          await expect.soft
            .poll(() => page.evaluate(smallestChartTextPx), {
              message: `${visit.path} at ${width} px: chart text is readable (CSS px)`,
              timeout: 10_000,
            })
            .toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX);
        }
        const report = await page.evaluate(measureWidth);
        measured.push(`${visit.path.padEnd(28)} ${report.document} px`);
        console.log(`phone spec: ${visit.path} at ${width} px: document ${report.document} px wide`);
        expect
          .soft(
            report.document,
            `${visit.path} at ${width} px is ${report.document} px wide: ${report.offenders.join('; ')}`,
          )
          .toBeLessThanOrEqual(report.viewport);
        expect.soft(report.offenders, `${visit.path} at ${width} px: elements beyond the screen`).toEqual([]);
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const violations = axe.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        expect.soft(violations, `${visit.path} at ${width} px: axe`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }
  console.log(`Document widths at ${width} x ${height}:\n  ${measured.join('\n  ')}`);
}

test.describe('every route fits the screen and passes axe', () => {
  test('at phone width, 390 x 844', async ({ browser, baseURL, rpcUrl }) => {
    // One load a route: quick on a quiet machine; the margin is for a loaded one (tens of seconds a page).
    test.setTimeout(900_000);
    await checkEveryRoute(browser, baseURL!, rpcUrl, 390, 844);
  });

  test('at desktop width, 1280 x 800', async ({ browser, baseURL, rpcUrl }) => {
    test.setTimeout(900_000);
    await checkEveryRoute(browser, baseURL!, rpcUrl, 1280, 800);
  });
});
