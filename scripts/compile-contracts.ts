// `npm run contracts:build` writes contracts-abi/ from contracts/*.sol; `--check` only compares and fails
// when the committed files are not what the compiler produces now.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProjectContracts, renderAbiIndex, renderAbiModule, SolidityCompileError } from './lib/solidity';
import { projectRoot } from './lib/paths';

const contractsDir = join(projectRoot, 'contracts');
const abiDir = join(projectRoot, 'contracts-abi');
const checkOnly = process.argv.includes('--check');

function expectedFiles(): Map<string, string> {
  const contracts = compileProjectContracts(contractsDir);
  const files = new Map<string, string>();
  for (const c of contracts) files.set(`${c.name}.ts`, renderAbiModule(c));
  files.set('index.ts', renderAbiIndex(contracts));
  return files;
}

function generatedFilesOnDisk(): string[] {
  if (!existsSync(abiDir)) return [];
  return readdirSync(abiDir).filter((f) => f.endsWith('.ts'));
}

function main(): number {
  let expected: Map<string, string>;
  try {
    expected = expectedFiles();
  } catch (error) {
    if (error instanceof SolidityCompileError) {
      for (const d of error.diagnostics) console.error(`${d.severity}: ${d.text}`);
      console.error(`contracts: compilation failed with ${error.diagnostics.length} problem(s)`);
      return 1;
    }
    throw error;
  }

  const stale = generatedFilesOnDisk().filter((f) => !expected.has(f));
  const differing = [...expected].filter(([f, text]) => {
    const path = join(abiDir, f);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });

  if (checkOnly) {
    if (stale.length === 0 && differing.length === 0) {
      console.log(`contracts-abi: up to date (${expected.size - 1} contracts)`);
      return 0;
    }
    for (const [f] of differing) console.error(`contracts-abi/${f} differs from the compiler output`);
    for (const f of stale) console.error(`contracts-abi/${f} has no contract source any more`);
    console.error('Run `npm run contracts:build` and commit contracts-abi/.');
    return 1;
  }

  mkdirSync(abiDir, { recursive: true });
  for (const f of stale) rmSync(join(abiDir, f));
  for (const [f, text] of differing) writeFileSync(join(abiDir, f), text);
  console.log(
    `contracts-abi: ${expected.size - 1} contracts, ${differing.length} file(s) written, ${stale.length} removed`,
  );
  return 0;
}

process.exitCode = main();
