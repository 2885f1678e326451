// Compiles the project's Solidity sources with the pinned solc-js and renders the typed ABI modules.
// Shared by `npm run contracts:build`, the freshness check and the contract test harness, so that every
// consumer sees byte-for-byte the same compiler output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import solc from 'solc';

/** The EVM the contracts target: London, the newest fork Callisto mainnet runs (Berlin from block 13,200,001,
 * London from 13,249,990, nothing later). Nothing newer (PUSH0, MCOPY) is emitted, which keeps them deployable
 * there, and gas is measured under the same rules (`npm run gas`). */
export const EVM_VERSION = 'london';
export const OPTIMIZER_RUNS = 200;

export interface CompiledContract {
  name: string;
  /** Source path relative to the contracts folder, with forward slashes. */
  source: string;
  abi: readonly unknown[];
  /** Creation bytecode, 0x-prefixed; '0x' for interfaces and abstract contracts. */
  bytecode: `0x${string}`;
}

export interface CompileDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** "file:line:column: message", the form editors and terminals link. */
  text: string;
}

export class SolidityCompileError extends Error {
  constructor(readonly diagnostics: CompileDiagnostic[]) {
    super(diagnostics.map((d) => `${d.severity}: ${d.text}`).join('\n'));
    this.name = 'SolidityCompileError';
  }
}

interface SolcError {
  severity: 'error' | 'warning' | 'info';
  message: string;
  formattedMessage?: string;
  sourceLocation?: { file: string; start: number; end: number };
}

interface SolcOutput {
  errors?: SolcError[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

function listSolidityFiles(dir: string, root: string, skip: (rel: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const rel = relative(root, full).split(sep).join('/');
    if (skip(rel)) continue;
    if (statSync(full).isDirectory()) files.push(...listSolidityFiles(full, root, skip));
    else if (entry.endsWith('.sol')) files.push(rel);
  }
  return files;
}

function lineAndColumn(content: string, offset: number): string {
  const before = content.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/**
 * Compiles the given sources (paths relative to `root`). Imports resolve relative to `root`. Any error or
 * warning throws: a warning in a contract that holds other people's money is a bug until shown otherwise.
 */
export function compileSolidity(root: string, files: string[]): CompiledContract[] {
  const contents = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries([...contents].map(([f, content]) => [f, { content }])),
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
      // No metadata hash: it embeds absolute-path-independent but comment-sensitive hashes that would make
      // bytecode churn on whitespace edits and differ from a verifier's expectations.
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const findImports = (path: string) => {
    try {
      const content = readFileSync(join(root, path), 'utf8');
      contents.set(path, content);
      return { contents: content };
    } catch {
      return { error: `File not found: ${path}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports })) as SolcOutput;

  const diagnostics: CompileDiagnostic[] = (output.errors ?? []).map((e) => {
    const loc = e.sourceLocation;
    const where =
      loc && contents.has(loc.file)
        ? `contracts/${loc.file}:${lineAndColumn(contents.get(loc.file)!, loc.start)}`
        : 'solc';
    return { severity: e.severity, text: `${where}: ${e.message}` };
  });
  const blocking = diagnostics.filter((d) => d.severity !== 'info');
  if (blocking.length > 0) throw new SolidityCompileError(blocking);

  const compiled: CompiledContract[] = [];
  for (const [source, contracts] of Object.entries(output.contracts ?? {})) {
    for (const [name, artifact] of Object.entries(contracts)) {
      compiled.push({ name, source, abi: artifact.abi, bytecode: `0x${artifact.evm.bytecode.object}` });
    }
  }
  return compiled.sort((a, b) => a.name.localeCompare(b.name));
}

/** The project's contracts: every `.sol` under contracts/ except the test-only ones in contracts/test/. */
export function compileProjectContracts(contractsDir: string): CompiledContract[] {
  const files = listSolidityFiles(contractsDir, contractsDir, (rel) => rel === 'test' || rel.startsWith('test/'));
  // One contract a file, named as the file: that contract is what the file publishes. Files in subfolders
  // (contracts/interfaces/: the views one contract needs of another) are compiled along but not published: the
  // app talks to the contracts themselves, whose full ABIs are already there.
  return compileSolidity(contractsDir, files).filter((c) => c.source === `${c.name}.sol`);
}

/** Test-only contracts (attackers, helpers) under contracts/test/, compiled together with their imports. The forge
 * invariant suites (contracts/test/invariant/) are forge's alone: they need its cheatcodes and publish nothing. */
export function compileTestContracts(contractsDir: string): CompiledContract[] {
  const files = listSolidityFiles(
    contractsDir,
    contractsDir,
    (rel) => !(rel === 'test' || rel.startsWith('test/')) || rel === 'test/invariant',
  );
  return compileSolidity(contractsDir, files);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The TypeScript module committed under contracts-abi/ for one contract. */
export function renderAbiModule(contract: CompiledContract): string {
  const id = lowerFirst(contract.name);
  const lines = [
    `// Generated by \`npm run contracts:build\` from contracts/${contract.source}. Do not edit.`,
    `// solc ${solc.version()}, evm ${EVM_VERSION}, optimizer runs ${OPTIMIZER_RUNS}.`,
    '',
    `export const ${id}Abi = ${JSON.stringify(contract.abi, null, 2)} as const;`,
  ];
  if (contract.bytecode !== '0x') {
    lines.push('', `export const ${id}Bytecode = '${contract.bytecode}' as const;`);
  }
  return lines.join('\n') + '\n';
}

export function renderAbiIndex(contracts: CompiledContract[]): string {
  const lines = ['// Generated by `npm run contracts:build`. Do not edit.', ''];
  for (const c of contracts) lines.push(`export * from './${c.name}';`);
  return lines.join('\n') + '\n';
}
