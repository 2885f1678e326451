// `npm run bench`: the performance figures of the issue on a local stack this command starts and stops itself.
//  1. first-load JS (gzip) per route beside a baseline page (the app's shell alone), built in the same run
//  2. page load in headless Chromium (LCP, load event, main figures painted, JS bytes), normal and 4x slower CPU
//  3. JSON-RPC requests until the first complete paint, with 10 and with 1,000 proposals, audit requests and files
//  4. CID throughput of 256 MiB in Node and in Chromium, as a ratio to plain SHA-256 in the same runtime
//  5. a 1 GiB upload from Chromium to a host node: throughput, peak memory of the node and of the tab
//  6. replication of 100 MiB to the second host node after FileUpload, as a ratio to a loopback HTTP copy
//  7. gas per user operation, written to contracts/gas-snapshot.txt
//  8. the staking page's event history on the mainnet-like stack (12 million blocks, 1,000 stakers, a 5,000-block
//     eth_getLogs limit): first and second visit (scripts/bench/stakingHistory.ts). BENCH_ONLY=8 runs it alone.
//  9. a gateway read's p99 latency while 50 stalled clients hold connections to the host node, as a ratio to the p99
//     with none (scripts/bench/stalledClients.ts). BENCH_ONLY=9 runs it alone.
// Prints a table and writes bench-results/bench-<timestamp>.json. Timings are printed, never asserted: the
// deterministic figures have their budgets in `npm test` (scripts/check-bundle-budgets.ts, e2e/rpc-budget.spec.ts).
// BENCH_LOADS (default 5) sets the measured loads a route and speed, after one warm-up; BENCH_UPLOAD_MIB (default
// 1024) the size of figure 5's upload.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { readRouteBundles } from '../lib/bundleBudgets';
import { projectRoot } from '../lib/paths';
import { measureGas, readSnapshot, writeSnapshot } from './gasSnapshot';
import { anvilPrivateKeys } from '../../lib/chain/anvilAccounts';
import { measureFileStorage } from './fileStorage';
import { fillAuditRequests, fillFiles, fillProposals, waitUntilConfirmed } from './manyItems';
import { anvilAddress } from '../../e2e/injectedWallet';
import { BENCH_ACCOUNT, launchBrowser, measureRoute, openBenchPage, type LoadSample } from './pageLoad';
import { BASELINE_ROUTE, routesInBuild, type BenchRoute } from './routes';
import { formatRows, summarize, type BenchRow, type Unit } from './stats';
import { OUT_DIR, startBenchStack } from './stack';
import { measureStakingHistory } from './stakingHistory';
import { measureStalledClients, stalledClientsAlone } from './stalledClients';

const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 5));
const LOADS_AT_1000 = Math.max(1, Math.min(LOADS, 3));
const CPU_RATES = [1, 4];
const FEW_ITEMS = 10;
const MANY_ITEMS = 1_000;
const BUNDLE_TARGET = 1.15;
const LOAD_GROWTH_TARGET = 1.2;

const log = (line: string) => console.log(line);

function ratio(value: number | undefined, base: number | undefined): number | undefined {
  return value === undefined || !base ? undefined : value / base;
}

function gasRows(): { rows: BenchRow[]; raw: unknown } {
  log('bench: measuring gas (scripts/gas.ts)');
  const previous = new Map(readSnapshot().map((r) => [`${r.contract} | ${r.operation}`, r.gas]));
  const measured = measureGas();
  writeSnapshot(measured);
  const rows = measured.map((r): BenchRow => {
    const was = previous.get(`${r.contract} | ${r.operation}`);
    return {
      figure: '7 gas',
      subject: r.contract,
      metric: r.operation,
      unit: 'gas',
      summary: summarize([r.gas]),
      ratio: ratio(r.gas, was),
      ratioTo: was === undefined ? 'new in contracts/gas-snapshot.txt' : 'to the committed snapshot',
    };
  });
  return { rows, raw: measured };
}

function bundleRows(routes: BenchRoute[]): { rows: BenchRow[]; raw: unknown } {
  const bundles = readRouteBundles();
  const baseline = bundles.find((b) => b.route === '/bench-baseline');
  if (!baseline) throw new Error('the baseline page is missing from route-bundle-stats.json');
  const product = bundles.filter((b) => b !== baseline && b.route !== '/_not-found');
  const exported = new Set(routes.map((r) => r.file.replace(/\/?index\.html$/, '').replace(/^/, '/')));
  const rows: BenchRow[] = [baseline, ...product].map((b) => ({
    figure: '1 first-load JS',
    subject: b === baseline ? 'baseline (shell only)' : b.route,
    metric: 'gzip',
    unit: 'bytes',
    summary: summarize([b.gzipBytes]),
    ratio: b === baseline ? undefined : ratio(b.gzipBytes, baseline.gzipBytes),
    ratioTo: b === baseline ? undefined : 'to baseline',
    note: b === baseline || exported.has(b.route) ? undefined : 'not in out/',
  }));
  const heaviest = product.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const heaviestRatio = heaviest.gzipBytes / baseline.gzipBytes;
  rows.push({
    figure: '1 first-load JS',
    subject: `heaviest: ${heaviest.route}`,
    metric: 'gzip',
    unit: 'bytes',
    summary: summarize([heaviest.gzipBytes]),
    ratio: heaviestRatio,
    ratioTo: 'to baseline',
    note: `target ≤ ${BUNDLE_TARGET}x: ${heaviestRatio <= BUNDLE_TARGET ? 'met' : 'MISSED'}`,
  });
  return { rows, raw: bundles };
}

const LOAD_METRICS: { key: keyof LoadSample; metric: string; unit: Unit }[] = [
  { key: 'lcpMs', metric: 'LCP', unit: 'ms' },
  { key: 'loadMs', metric: 'load event', unit: 'ms' },
  { key: 'paintedMs', metric: 'figures painted', unit: 'ms' },
  { key: 'jsBytes', metric: 'JS bytes (uncompressed)', unit: 'bytes' },
];

function loadRows(cpuRate: number, samples: Map<string, LoadSample[]>): BenchRow[] {
  const base = samples.get(BASELINE_ROUTE.path)!;
  const rows: BenchRow[] = [];
  for (const [path, list] of samples) {
    for (const { key, metric, unit } of LOAD_METRICS) {
      const summary = summarize(list.map((s) => s[key]));
      const baseline = summarize(base.map((s) => s[key]));
      rows.push({
        figure: `2 page load, CPU ${cpuRate}x`,
        subject: path === BASELINE_ROUTE.path ? 'baseline (shell only)' : path,
        metric,
        unit,
        summary,
        ratio: path === BASELINE_ROUTE.path ? undefined : ratio(summary?.median, baseline?.median),
        ratioTo: path === BASELINE_ROUTE.path ? undefined : 'to baseline',
        note: list.length === 0 ? 'did not paint its figures in time' : undefined,
      });
    }
  }
  return rows;
}

function rpcRows(few: Map<string, LoadSample[]>, many: Map<string, LoadSample[]>, itemsLabel: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [path, list] of many) {
    const fewList = few.get(path)!;
    const fewRpc = summarize(fewList.map((s) => s.rpcRequests));
    const manyRpc = summarize(list.map((s) => s.rpcRequests));
    const fewPaint = summarize(fewList.map((s) => s.paintedMs));
    const manyPaint = summarize(list.map((s) => s.paintedMs));
    const paintRatio = ratio(manyPaint?.median, fewPaint?.median);
    rows.push(
      {
        figure: '3 RPC round trips',
        subject: path,
        metric: `requests, ${FEW_ITEMS} ${itemsLabel}`,
        unit: 'count',
        summary: fewRpc,
      },
      {
        figure: '3 RPC round trips',
        subject: path,
        metric: `requests, ${MANY_ITEMS} ${itemsLabel}`,
        unit: 'count',
        summary: manyRpc,
        ratio: ratio(manyRpc?.median, fewRpc?.median),
        ratioTo: `to ${FEW_ITEMS}; target 1.00x`,
      },
      {
        figure: '3 RPC round trips',
        subject: path,
        metric: `figures painted, ${MANY_ITEMS}`,
        unit: 'ms',
        summary: manyPaint,
        ratio: paintRatio,
        ratioTo: `to ${FEW_ITEMS}`,
        note:
          paintRatio === undefined
            ? undefined
            : `target ≤ ${LOAD_GROWTH_TARGET}x: ${paintRatio <= LOAD_GROWTH_TARGET ? 'met' : 'MISSED'}`,
      },
    );
  }
  return rows;
}

/** Figure 8 on its own browser, after the local stack is gone (it rebuilds out/ for callisto). */
async function stakingHistoryRows(): Promise<BenchRow[]> {
  const browser = await launchBrowser();
  try {
    return await measureStakingHistory(browser, log);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const rows: BenchRow[] = [];
  const raw: Record<string, unknown> = {};

  if (process.env.BENCH_ONLY === '8') {
    rows.push(...(await stakingHistoryRows()));
    console.log(formatRows(rows));
    return 0;
  }
  if (process.env.BENCH_ONLY === '9') {
    rows.push(...(await stalledClientsAlone(log)));
    console.log(formatRows(rows));
    return 0;
  }

  const gas = gasRows();
  raw.gas = gas.raw;

  const stack = await startBenchStack(log);
  try {
    log(`bench: built in ${stack.buildSeconds.toFixed(0)} s; app at ${stack.baseUrl}, chain at ${stack.rpcUrl}`);
    const routes = routesInBuild(OUT_DIR);
    const bundles = bundleRows(routes);
    rows.push(...bundles.rows);
    raw.bundles = bundles.raw;

    const governance = stack.contracts.TreasuryGovernance!;
    const registry = stack.contracts.AuditRegistry!;
    const fileSystem = stack.contracts.CallistoFS!;
    const itemsLabel = 'proposals, audit requests and files';
    const fill = async (items: number) => {
      await fillProposals(stack.rpcUrl, governance, items);
      await fillAuditRequests(stack.rpcUrl, registry, items);
      const viewerKey = anvilPrivateKeys[BENCH_ACCOUNT];
      await fillFiles(stack.rpcUrl, fileSystem, viewerKey, stack.hostNodes[0]!.node.endpoint, items);
      // Measured once the host nodes have replicated and confirmed them: until then they load the CPU.
      await waitUntilConfirmed(stack.rpcUrl, fileSystem, anvilAddress(BENCH_ACCOUNT), stack.hostNodes.length);
    };
    await fill(FEW_ITEMS);

    const browser = await launchBrowser();
    try {
      const atFew = new Map<number, Map<string, LoadSample[]>>();
      for (const cpuRate of CPU_RATES) {
        log(`bench: page loads at CPU ${cpuRate}x (${LOADS} after a warm-up, ${routes.length + 1} pages)`);
        const page = await openBenchPage(browser, stack.baseUrl, stack.rpcUrl, cpuRate);
        const samples = new Map<string, LoadSample[]>();
        for (const route of [BASELINE_ROUTE, ...routes]) {
          samples.set(route.path, await measureRoute(page, stack.rpcUrl, route, LOADS));
        }
        await page.context().close();
        atFew.set(cpuRate, samples);
        rows.push(...loadRows(cpuRate, samples));
      }

      // File storage before the chain is filled: the host nodes then hold the demo files, as a node in service
      // holds some, and nothing else runs on the two cores meanwhile.
      const fileStorageRows = await measureFileStorage({
        browser,
        rpcUrl: stack.rpcUrl,
        fileSystem,
        nodes: stack.hostNodes,
        workDir: stack.workDir,
        log,
      });
      const stalledClientRows = await measureStalledClients({
        rpcUrl: stack.rpcUrl,
        fileSystem,
        node: stack.hostNodes[0]!.node,
        log,
      });
      log(`bench: filling the chain to ${MANY_ITEMS} ${itemsLabel}`);
      await fill(MANY_ITEMS);
      const page = await openBenchPage(browser, stack.baseUrl, stack.rpcUrl, 1);
      const many = new Map<string, LoadSample[]>();
      for (const route of routes) many.set(route.path, await measureRoute(page, stack.rpcUrl, route, LOADS_AT_1000));
      await page.context().close();
      const few = new Map([...atFew.get(1)!].filter(([path]) => path !== BASELINE_ROUTE.path));
      rows.push(...rpcRows(few, many, itemsLabel), ...fileStorageRows, ...stalledClientRows);
      raw.pageLoads = Object.fromEntries([...atFew].map(([rate, s]) => [`cpu${rate}x`, Object.fromEntries(s)]));
      raw.atManyItems = Object.fromEntries(many);
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }

  rows.push(...(await stakingHistoryRows()));
  rows.push(...gas.rows);

  const seconds = (Date.now() - started) / 1000;
  console.log('');
  console.log(
    `Callisto Hub bench: ${LOADS} loads a page after a warm-up (${LOADS_AT_1000} at ${MANY_ITEMS} items), ` +
      `${cpus().length} CPUs, ${seconds.toFixed(0)} s`,
  );
  console.log(formatRows(rows));

  const dir = join(projectRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
  const settings = { loads: LOADS, loadsAtManyItems: LOADS_AT_1000, cpuRates: CPU_RATES, FEW_ITEMS, MANY_ITEMS };
  writeFileSync(
    file,
    JSON.stringify({ startedAt: new Date(started).toISOString(), seconds, settings, rows, raw }, null, 2),
  );
  console.log(`\nbench: wrote ${file.slice(projectRoot.length + 1)}; gas snapshot in contracts/gas-snapshot.txt`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
