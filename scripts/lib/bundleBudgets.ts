// First-load JS of each route of the static build, gzipped, and the per-route budgets it is checked against.
// Next 16 lists each route's first-load chunks in .next/diagnostics/route-bundle-stats.json (uncompressed
// bytes only); what a browser downloads from a compressing host is each chunk gzipped on its own, so that is
// what is summed here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './paths';

export const ROUTE_STATS_PATH = join('.next', 'diagnostics', 'route-bundle-stats.json');
export const BUDGETS_PATH = join('scripts', 'bundle-budgets.json');
/** Headroom over the measured size when budgets are (re)written: growth past it is a review decision. */
export const BUDGET_HEADROOM = 1.1;
/** Routes that exist only while the bench builds them, never in the product. */
export const BENCH_ONLY_ROUTES = new Set(['/bench-baseline']);

interface RouteStatsEntry {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

export interface RouteBundle {
  route: string;
  /** Sum of the first-load chunks, each gzipped on its own (level 9, as static hosts precompress). */
  gzipBytes: number;
  rawBytes: number;
  chunkCount: number;
}

export function readRouteBundles(root: string = projectRoot): RouteBundle[] {
  const statsPath = join(root, ROUTE_STATS_PATH);
  if (!existsSync(statsPath)) throw new Error(`${ROUTE_STATS_PATH} is missing: run \`next build\` first`);
  const entries = JSON.parse(readFileSync(statsPath, 'utf8')) as RouteStatsEntry[];
  const gzipCache = new Map<string, { gzip: number; raw: number }>();
  const sizeOf = (chunk: string) => {
    let size = gzipCache.get(chunk);
    if (!size) {
      const bytes = readFileSync(join(root, chunk));
      size = { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
      gzipCache.set(chunk, size);
    }
    return size;
  };
  return entries
    .map((entry) => {
      const sizes = entry.firstLoadChunkPaths.map(sizeOf);
      return {
        route: entry.route,
        gzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
        rawBytes: sizes.reduce((sum, s) => sum + s.raw, 0),
        chunkCount: sizes.length,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export type Budgets = Record<string, number>;

export function readBudgets(root: string = projectRoot): Budgets {
  const parsed = JSON.parse(readFileSync(join(root, BUDGETS_PATH), 'utf8')) as { routes?: Budgets };
  return parsed.routes ?? {};
}

/** Budgets at the headroom above `bundles`, rounded up to a KiB. */
export function budgetsFor(bundles: RouteBundle[]): Budgets {
  return Object.fromEntries(
    bundles
      .filter((b) => !BENCH_ONLY_ROUTES.has(b.route))
      .map((b) => [b.route, Math.ceil((b.gzipBytes * BUDGET_HEADROOM) / 1024) * 1024]),
  );
}

export function writeBudgets(budgets: Budgets, root: string = projectRoot): void {
  const body = {
    $comment:
      'Max first-load JS per route, bytes, each chunk gzipped. Checked by scripts/check-bundle-budgets.ts; rewrite with --write after a deliberate change.',
    routes: budgets,
  };
  writeFileSync(join(root, BUDGETS_PATH), JSON.stringify(body, null, 2) + '\n');
}

export interface BudgetRow extends RouteBundle {
  budget: number | undefined;
  problem: string | undefined;
}

export function checkBudgets(bundles: RouteBundle[], budgets: Budgets): BudgetRow[] {
  return bundles
    .filter((b) => !BENCH_ONLY_ROUTES.has(b.route))
    .map((b) => {
      const budget = budgets[b.route];
      const problem =
        budget === undefined
          ? 'no budget: add one to scripts/bundle-budgets.json'
          : b.gzipBytes > budget
            ? `over budget by ${formatKiB(b.gzipBytes - budget)}`
            : undefined;
      return { ...b, budget, problem };
    });
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
