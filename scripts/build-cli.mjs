#!/usr/bin/env node
// Bundles the command line (engine/cli) and the library entry points into dist/ with esbuild. Runs
// on `npm install` (the `prepare` script), so `npx viralsim` and `import … from 'viralsim'` load plain
// JavaScript: no TypeScript loader at start-up. Code splitting lets each command load only the
// modules it uses (`viralsim --help` loads neither zod nor graphology).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Start clean: code splitting names chunks by content hash, so old chunks would pile up.
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/lib', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  outExtension: { '.js': '.mjs' },
};
await build({
  ...common,
  entryPoints: ['engine/cli/main.ts', 'engine/cli/worker.ts'],
  outdir: 'dist/cli',
  splitting: true,
  chunkNames: '[name]-[hash]',
});
await build({
  ...common,
  entryPoints: { index: 'engine/index.ts', node: 'engine/cli/node-api.ts' },
  outdir: 'dist/lib',
  splitting: true,
  chunkNames: '[name]-[hash]',
});
