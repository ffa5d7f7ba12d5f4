#!/usr/bin/env node
// Bundles the command line (engine/cli) into dist/cli/*.mjs with esbuild. Runs on `npm install`
// (the `prepare` script), so `npx viralsim` starts plain JavaScript: no TypeScript loader at start-up.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const entries = ['engine/cli/main.ts', 'engine/cli/worker.ts'].filter((file) => existsSync(file));
await build({
  entryPoints: entries,
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
