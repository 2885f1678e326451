// Figure 7: gas of every user operation of every contract, from scripts/gas.ts (run as a child: it keeps its
// suites to itself), written to contracts/gas-snapshot.txt so that a change in gas shows in review.
// `npm run gas:snapshot` runs this file alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../lib/paths';

const require = createRequire(import.meta.url);
export const GAS_SNAPSHOT_PATH = join(projectRoot, 'contracts', 'gas-snapshot.txt');

export interface GasRow {
  contract: string;
  operation: string;
  gas: number;
}

/** Parses scripts/gas.ts's table: columns separated by two or more spaces, the gas with thousands commas. */
export function parseGasTable(text: string): GasRow[] {
  const rows: GasRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== 3 || !/^[\d,]+$/.test(cells[2]!)) continue;
    rows.push({ contract: cells[0]!, operation: cells[1]!, gas: Number(cells[2]!.replace(/,/g, '')) });
  }
  return rows;
}

export function measureGas(): GasRow[] {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), join('scripts', 'gas.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`scripts/gas.ts failed (${result.status}): ${result.stderr.trim()}`);
  const rows = parseGasTable(result.stdout);
  if (rows.length === 0) throw new Error('scripts/gas.ts printed no gas rows');
  return rows;
}

/** One line an operation, `contract | operation | gas`, in the order scripts/gas.ts runs them. */
export function formatSnapshot(rows: GasRow[]): string {
  const width = Math.max(...rows.map((r) => `${r.contract} | ${r.operation}`.length));
  return (
    '# Gas used per operation, measured by scripts/gas.ts on anvil under London. Regenerate: npm run gas:snapshot\n' +
    rows.map((r) => `${`${r.contract} | ${r.operation}`.padEnd(width)} | ${r.gas}`).join('\n') +
    '\n'
  );
}

export function readSnapshot(path = GAS_SNAPSHOT_PATH): GasRow[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length === 3)
    .map(([contract, operation, gas]) => ({ contract: contract!, operation: operation!, gas: Number(gas) }));
}

export function writeSnapshot(rows: GasRow[], path = GAS_SNAPSHOT_PATH): void {
  writeFileSync(path, formatSnapshot(rows));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const previous = readSnapshot();
  const rows = measureGas();
  writeSnapshot(rows);
  const before = new Map(previous.map((r) => [`${r.contract} | ${r.operation}`, r.gas]));
  const changed = rows.filter((r) => before.get(`${r.contract} | ${r.operation}`) !== r.gas);
  console.log(`gas snapshot: ${rows.length} operations written to contracts/gas-snapshot.txt`);
  for (const r of changed) {
    const was = before.get(`${r.contract} | ${r.operation}`);
    console.log(`  ${r.contract} | ${r.operation}: ${was === undefined ? 'new' : was} -> ${r.gas}`);
  }
}
