// Warms the Next.js dev server before `npm run dev` says the app is ready. The dev server compiles a route the
// first time it is asked for it (tens of seconds a route on a small machine), so without this a newcomer's first
// click waits with no hint. Every route of `app/` is requested once, with the scripts, styles and icons its page
// links, so that what a browser asks for next is already compiled.
import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';

const PAGE_FILE = /^page\.(tsx|ts|jsx|js|mdx)$/;

/**
 * The URL path of every page under `appDir`, as the static export serves it (with a trailing slash), `/` first.
 * Route groups `(name)` add no segment; private folders `_name`, parallel slots `@name` and dynamic segments
 * `[id]` (which have no single URL to warm) are skipped.
 */
export function appRoutes(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && PAGE_FILE.test(e.name))) {
      routes.push(segments.length === 0 ? '/' : `/${segments.join('/')}/`);
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      if (name.startsWith('_') || name.startsWith('@') || name.startsWith('[') || name === 'node_modules') continue;
      const group = name.startsWith('(') && name.endsWith(')');
      walk(join(dir, name), group ? segments : [...segments, name]);
    }
  };
  walk(appDir, []);
  return [...new Set(routes)].sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
}

/** The same-origin assets a page's HTML asks the browser for: scripts, stylesheets, icons and the manifest. */
export function linkedAssets(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    const raw = match[1]!.replaceAll('&amp;', '&');
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      continue;
    }
    if (url.origin === origin && !/\.(woff2?|ttf|otf)$/.test(url.pathname)) found.add(url.href);
  }
  return [...found];
}

export interface WarmResult {
  route: string;
  /** HTTP status of the page itself; 0 when it did not answer. */
  status: number;
  /** Why the route did not answer, when it did not. */
  error?: string;
  /** Time until the page and every asset it links answered, in ms. */
  ms: number;
  assets: number;
}

/** GET over node:http, which (unlike fetch) sets no deadline of its own for the response headers: a first compile
 * answers only when it is done. */
function httpGet(url: string, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { signal, headers: { Accept: 'text/html,*/*' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Requests one route and everything its page links; resolves when all answered. `timeoutMs` is generous: a first
 * compile on a busy 2-core machine was seen to take over 5 minutes. */
export async function warmRoute(baseUrl: string, route: string, timeoutMs = 1_800_000): Promise<WarmResult> {
  const started = performance.now();
  const pageUrl = new URL(route, baseUrl).href;
  const signal = AbortSignal.timeout(timeoutMs);
  const page = await httpGet(pageUrl, signal);
  const assets = linkedAssets(page.body, pageUrl);
  await Promise.all(assets.map((asset) => httpGet(asset, signal)));
  return { route, status: page.status, ms: performance.now() - started, assets: assets.length };
}

/**
 * Warms every route, a few at a time (the dev server compiles them in parallel across the machine's cores).
 * `onResult` hears about each route as it answers; a route that fails does not stop the others.
 */
export async function warmRoutes(
  baseUrl: string,
  routes: readonly string[],
  options: { concurrency?: number; onResult?: (result: WarmResult) => void } = {},
): Promise<WarmResult[]> {
  const queue = [...routes];
  const results: WarmResult[] = [];
  const worker = async () => {
    for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
      const result = await warmRoute(baseUrl, route).catch((error: unknown): WarmResult => ({
        route,
        status: 0,
        ms: 0,
        assets: 0,
        error:
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      }));
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return results;
}
