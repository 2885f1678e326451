#!/usr/bin/env node
// The Solidity compiler as forge sees it: the project's solc-js (npm `solc`, the same compiler
// `npm run contracts:build` uses) behind the two questions forge asks a `solc` binary. foundry.toml points
// `solc` here, so forge never downloads a compiler and compiles with exactly the project's version.
//   solc --version                 -> the version banner native solc prints
//   solc [paths...] --standard-json -> Standard JSON in on stdin, out on stdout
// Forge also passes --base-path, --include-path and --allow-paths: imports are resolved against the base path
// (forge sends every source's content anyway, so the callback is a fallback).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';

const require = createRequire(import.meta.url);
const solc = require('solc');
const args = process.argv.slice(2);

function optionValue(name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
} else if (args.includes('--standard-json')) {
  const input = readFileSync(0, 'utf8');
  const basePath = optionValue('--base-path') ?? process.cwd();
  const findImports = (path) => {
    try {
      return { contents: readFileSync(isAbsolute(path) ? path : join(basePath, path), 'utf8') };
    } catch {
      return { error: `File not found: ${path}` };
    }
  };
  process.stdout.write(solc.compile(input, { import: findImports }));
} else {
  process.stderr.write('scripts/forge/solc.mjs: only --version and --standard-json are supported\n');
  process.exitCode = 2;
}
