#!/usr/bin/env node
// `npm run bench [filter]`: bundles each test/bench/*.bench.ts with esbuild and runs it in its own
// Node process (with --expose-gc, so memory figures are measured after a collection), one at a time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const filter = process.argv[2] ?? '';
const files = readdirSync('test/bench')
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();
await build({
  entryPoints: files.map((file) => `test/bench/${file}`),
  outdir: 'dist/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
let failures = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const out = `dist/bench/${file.replace(/\.ts$/, '.mjs')}`;
  const result = spawnSync('node', ['--expose-gc', out], { stdio: 'inherit' });
  if (result.status !== 0) failures++;
}
process.exit(failures > 0 ? 1 : 0);
