#!/usr/bin/env node
// Bundles the command line (engine/cli) and the library entry points into dist/ with esbuild. Runs
// on `npm install` (the `prepare` script), so `npx viralsim` and `import … from 'viralsim'` load plain
// JavaScript: no TypeScript loader at start-up.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startupEnv } from './startup-env.mjs';

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
// The command line is two CommonJS bundles, each with its dependencies (zod, seedrandom, graphology…)
// inside: main.cjs (every command) and worker.cjs (a worker thread: the run pipeline only). Measured
// against code-split ES modules (`npm run bench sweep`):
// - the simulation runs about 2.5% faster: the engine's functions live in one function scope
//   instead of a module scope;
// - loading is synchronous, so a worker thread booting beside the main thread no longer delays the
//   main thread's own module loading (the ES module loader waited on its event loop);
// - the small commands started 6–14 ms later (the whole file is parsed), which the code cache below
//   more than wins back; a command's modules are still evaluated only when it runs (dynamic imports
//   become lazy initialisers), and the graph-file readers only when a scenario names a graph file.
// A third file, boot.cjs, starts each of the two from V8's code cache (engine/cli/boot.ts), which
// trainCodeCache makes once the bundles are built.
// Whitespace is dropped; names are kept, so a stack trace stays readable. The metafile records which
// source files each output holds and how they import each other (test/cli/bundle-imports.test.ts).
const cli = await build({
  ...common,
  format: 'cjs',
  packages: 'bundle',
  minifyWhitespace: true,
  minifySyntax: true,
  entryPoints: { main: 'engine/cli/main.ts', worker: 'engine/cli/worker.ts', boot: 'engine/cli/boot.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  // The sources are ES modules: `import.meta.url` (the worker's path) becomes this file's URL.
  banner: { js: "const __viralsimUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__viralsimUrl' },
  metafile: true,
});
writeFileSync('dist/cli/meta.json', JSON.stringify(cli.metafile));
trainCodeCache();
await build({
  ...common,
  entryPoints: { index: 'engine/index.ts', node: 'engine/cli/node-api.ts' },
  outdir: 'dist/lib',
  splitting: true,
  chunkNames: '[name]-[hash]',
});

/**
 * Makes the V8 code caches that dist/cli/boot.cjs starts the bundles from (see engine/cli/boot.ts):
 * tags each bundle with its SHA-1, then runs typical commands with VIRALSIM_CODE_CACHE=write, each
 * adding the functions it compiled: an independent-cascade sweep and a campaign run on the main
 * thread, then both again with every task on a worker thread. A failed training run leaves no cache
 * (the command line then compiles as usual) and is reported, but does not fail the build.
 */
function trainCodeCache() {
  const { BUILD_TAG, bundlePaths } = createRequire(import.meta.url)('../dist/cli/boot.cjs');
  const names = ['main', 'worker'];
  for (const name of names) {
    const { bundle } = bundlePaths(name);
    const hash = createHash('sha1').update(readFileSync(bundle)).digest('hex');
    appendFileSync(bundle, `\n${BUILD_TAG}${hash}\n`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'viralsim-code-cache-'));
  const scenario = join(folder, 'ic.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      version: 1,
      name: 'code cache training',
      seed: 1,
      runs: 8,
      horizon: 1000,
      network: { type: 'erdos-renyi', nodes: 2000, meanDegree: 6 },
      model: { type: 'independent-cascade', probability: 0.1 },
      seeding: { strategy: 'random', count: 10 },
    }),
  );
  const commands = [
    ['sweep', scenario, '--vary', 'model.probability=0.05:0.4:4', '--out', join(folder, 'sweep.ndjson')],
    ['run', 'scenarios/sticky-video.json', '--runs', '3', '--out', join(folder, 'run.json')],
  ];
  // Nothing in the environment may change what the training runs do or the cache V8 accepts later.
  const onOneThread = { ...startupEnv(), VIRALSIM_CODE_CACHE: 'write' };
  const onWorkers = { ...onOneThread, VIRALSIM_MAIN_THREAD_WORKS: '0', VIRALSIM_WORKER_DELAY_MS: '0' };
  try {
    for (const [threads, env] of [
      ['1', onOneThread],
      ['2', onWorkers],
    ]) {
      for (const command of commands) {
        const result = spawnSync(process.execPath, ['bin/viralsim.cjs', ...command, '--threads', threads], {
          encoding: 'utf8',
          env,
        });
        if (result.status !== 0) throw new Error(`viralsim ${command.join(' ')}: ${result.stderr}`);
      }
    }
  } catch (error) {
    for (const name of names) rmSync(bundlePaths(name).cache, { force: true });
    process.stderr.write(`build-cli: no code cache (a training run failed): ${error.message}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
