// `npm run test:forge`: the forge invariant suites (contracts/test/invariant/), offline, with the project's
// solc-js (foundry.toml). A bounded budget by default, so `npm test` stays quick; more with
//   FORGE_INVARIANT_RUNS=1000 FORGE_INVARIANT_DEPTH=500 npm run test:forge
// Extra arguments go to `forge test` (e.g. `npm run test:forge -- --match-contract ColdStaking -vvv`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../lib/paths';

const require = createRequire(import.meta.url);

/** Sequences a suite runs, and calls a sequence, when the environment does not say. */
const DEFAULT_RUNS = 32;
const DEFAULT_DEPTH = 100;

/** The platform binary inside the npm package (not its node wrapper), as scripts/lib/anvil.ts does for anvil. */
function forgeBinaryPath(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/forge-${process.platform}-${arch}`;
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', 'forge');
  } catch {
    throw new Error(`forge: no binary for ${process.platform}-${process.arch} (package ${pkg} is not installed)`);
  }
}

function positiveInteger(name: string, fallback: number): string {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return String(fallback);
  if (!/^[1-9]\d*$/.test(raw)) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return raw;
}

const env = {
  ...process.env,
  FOUNDRY_INVARIANT_RUNS: positiveInteger('FORGE_INVARIANT_RUNS', DEFAULT_RUNS),
  FOUNDRY_INVARIANT_DEPTH: positiveInteger('FORGE_INVARIANT_DEPTH', DEFAULT_DEPTH),
};
console.log(`forge: invariant runs ${env.FOUNDRY_INVARIANT_RUNS}, depth ${env.FOUNDRY_INVARIANT_DEPTH}`);
const result = spawnSync(forgeBinaryPath(), ['test', ...process.argv.slice(2)], {
  cwd: projectRoot,
  env,
  stdio: 'inherit',
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
