/**
 * The command line's V8 code cache (engine/cli/boot.ts; made by scripts/build-cli.mjs, run by the
 * global setup): the build leaves a cache for each bundle that V8 accepts, a command gives the same
 * output with it, without it, and with a stale, truncated or missing one, and a cache is never used
 * with a bundle other than the one it was made from. Each check runs in a fresh `node` (no test-runner
 * flags, which V8 would count against the cache).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, smallScenario, viralsim, writeScenario } from './cli-helpers.js';

const DIST = resolve('dist/cli');
const FILES = ['boot.cjs', 'main.cjs', 'worker.cjs', 'main.cjs.cache', 'worker.cjs.cache'];

/** Runs a CommonJS snippet in a fresh node and returns its stdout (throws on failure). */
function node(code: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, ['-e', code], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`node -e failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** The cache status of each bundle in `folder`, as boot.cjs there sees it. */
function statuses(folder: string, env: Record<string, string> = {}): Record<string, string> {
  const code = `const b = require(${JSON.stringify(join(folder, 'boot.cjs'))});
    console.log(JSON.stringify({ main: b.compileBundle('main').status, worker: b.compileBundle('worker').status }));`;
  return JSON.parse(node(code, env)) as Record<string, string>;
}

/** A copy of dist/cli in a scratch folder, with an entry that runs its main bundle as the bin does. */
function copyOfDist(): string {
  const folder = join(scratchFolder('code-cache'), 'cli');
  mkdirSync(folder);
  for (const file of FILES) copyFileSync(join(DIST, file), join(folder, file));
  writeFileSync(join(folder, 'entry.cjs'), "require('./boot.cjs').runBundle('main');\n");
  return folder;
}

/** A 2-thread sweep (every run on the worker thread) with the command line in `folder`. */
function sweep(folder: string, scenario: string, env: Record<string, string> = {}): string {
  const result = spawnSync(
    process.execPath,
    [
      join(folder, 'entry.cjs'),
      'sweep',
      scenario,
      '--vary',
      'model.probability=0.1,0.3',
      '--threads',
      '2',
      '--format',
      'csv',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, VIRALSIM_MAIN_THREAD_WORKS: '0', VIRALSIM_WORKER_DELAY_MS: '0', ...env },
    },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the code cache of the command line', () => {
  it('is built for both bundles, tagged with the bundle it belongs to, and V8 accepts it', () => {
    expect(statuses(DIST)).toEqual({ main: 'used', worker: 'used' });
    for (const name of ['main', 'worker']) {
      const bundle = readFileSync(join(DIST, `${name}.cjs`), 'utf8');
      const tag = /\/\/# viralsimBuild=([0-9a-f]{40})\n$/.exec(bundle);
      expect(tag, `${name}.cjs ends with its build tag`).not.toBeNull();
      expect(readFileSync(join(DIST, `${name}.cjs.cache`)).toString('latin1', 0, 41)).toBe(`${tag?.[1]}\n`);
    }
    // Training covered the commands that matter: the caches hold far more than the top-level code.
    expect(readFileSync(join(DIST, 'main.cjs.cache')).length).toBeGreaterThan(200_000);
    expect(readFileSync(join(DIST, 'worker.cjs.cache')).length).toBeGreaterThan(100_000);
  });

  it('VIRALSIM_CODE_CACHE=off skips it', () => {
    expect(statuses(DIST, { VIRALSIM_CODE_CACHE: 'off' })).toEqual({ main: 'off', worker: 'off' });
  });

  it('is ignored when stale, truncated or missing, and the output never changes', () => {
    const scenario = writeScenario(scratchFolder('code-cache-scenario'), 'small.json', smallScenario());
    const expected = viralsim([
      'sweep',
      scenario,
      '--vary',
      'model.probability=0.1,0.3',
      '--threads',
      '1',
      '--format',
      'csv',
    ]).stdout;
    expect(expected).toContain('model.probability');

    const folder = copyOfDist();
    expect(statuses(folder)).toEqual({ main: 'used', worker: 'used' });
    expect(sweep(folder, scenario)).toBe(expected);
    expect(sweep(folder, scenario, { VIRALSIM_CODE_CACHE: 'off' })).toBe(expected);

    // Stale: the bundle was rebuilt (another build tag) and the cache was not.
    const main = join(folder, 'main.cjs');
    const source = readFileSync(main, 'utf8');
    writeFileSync(main, source.replace(/viralsimBuild=[0-9a-f]{40}/, `viralsimBuild=${'0'.repeat(40)}`));
    // Truncated: the tag matches but V8's data is cut short (V8 checks its length and rejects it).
    const workerCache = join(folder, 'worker.cjs.cache');
    const data = readFileSync(workerCache);
    writeFileSync(workerCache, data.subarray(0, data.length >> 1));
    expect(statuses(folder)).toEqual({ main: 'stale', worker: 'rejected' });
    expect(sweep(folder, scenario)).toBe(expected);

    rmSync(join(folder, 'main.cjs.cache'));
    rmSync(workerCache);
    expect(statuses(folder)).toEqual({ main: 'missing', worker: 'missing' });
    expect(sweep(folder, scenario)).toBe(expected);
  });

  it('is not used by a node with other V8 flags, which still runs the command', () => {
    const code = `const b = require(${JSON.stringify(join(DIST, 'boot.cjs'))});
      console.log(b.compileBundle('main').status);`;
    const result = spawnSync(process.execPath, ['--max-inlined-bytecode-size=400', '-e', code], {
      encoding: 'utf8',
    });
    expect(result.stdout.trim()).toBe('rejected');
    const help = viralsim(['--help'], {}, ['--max-inlined-bytecode-size=400']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: viralsim');
  });
});
