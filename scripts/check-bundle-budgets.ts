// `npx tsx scripts/check-bundle-budgets.ts` after `next build`: each route's first-load JS (gzip) against its
// budget in scripts/bundle-budgets.json. Exits 1 naming every route over its budget or without one.
// `--write` sets every budget to the measured size plus 10% instead (for a deliberate change, reviewed).
import {
  budgetsFor,
  checkBudgets,
  formatKiB,
  formatTable,
  readBudgets,
  readRouteBundles,
  writeBudgets,
} from './lib/bundleBudgets';

function main(): number {
  const bundles = readRouteBundles();
  if (process.argv.includes('--write')) {
    writeBudgets(budgetsFor(bundles));
    console.log('bundle budgets: written to scripts/bundle-budgets.json');
  }
  const rows = checkBudgets(bundles, readBudgets());
  console.log('First-load JS per route (each chunk gzipped):');
  console.log(
    formatTable(
      ['route', 'gzip', 'budget', 'use', 'status'],
      rows.map((r) => [
        r.route,
        formatKiB(r.gzipBytes),
        r.budget === undefined ? '—' : formatKiB(r.budget),
        r.budget === undefined ? '—' : `${Math.round((r.gzipBytes / r.budget) * 100)}%`,
        r.problem ?? 'ok',
      ]),
    ),
  );
  const failures = rows.filter((r) => r.problem);
  if (failures.length === 0) return 0;
  for (const f of failures) console.error(`bundle budget: ${f.route}: ${f.problem}`);
  return 1;
}

process.exitCode = main();
