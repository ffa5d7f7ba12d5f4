/**
 * Start-up of the command line's two bundles (dist/cli/main.cjs, every command; dist/cli/worker.cjs,
 * a worker thread) from V8's code cache: bytecode for the functions a typical command runs, made at
 * build time (scripts/build-cli.mjs), so a thread skips most parsing and bytecode compilation.
 * Measured: the 20 × 100 sweep of `npm run bench sweep` takes about 25 ms less on one thread and on
 * two (1.32 s and 0.80 s instead of 1.35 s and 0.81 s), `--help` 67–69 ms instead of 75–77 and
 * `inspect '{"type":"karate"}'` 88–91 ms instead of 102–107 (with `VIRALSIM_CODE_CACHE=off`).
 *
 * A cache is used only with the bundle it was made from: the build appends the bundle's SHA-1 to the
 * bundle as a last comment line and writes it at the head of the cache file, and V8 itself rejects
 * a cache made by another Node version or with other V8 flags. A missing, stale or rejected cache
 * costs the compile it would have saved, never a different result. `VIRALSIM_CODE_CACHE=off` skips
 * the cache; `=write` (the build's training runs) writes it: at exit on the main thread, and as
 * each task reaches a worker thread, with what the tasks before it compiled (the pool stops its
 * workers without an exit event, so training gives each worker several tasks).
 *
 * bin/viralsim.cjs calls {@link runBundle}('main'); the pool starts each worker thread on this file
 * with {@link WORKER_DATA}, which runs worker.cjs.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { WORKER_DATA } from './pool-protocol.js';

/** The bundles beside this file. */
export type BundleName = 'main' | 'worker';

/** What became of a bundle's code cache: used, or why not. */
export type CacheStatus = 'used' | 'off' | 'missing' | 'stale' | 'rejected';

/** The last line of a bundle: its build's SHA-1 (hex), which its cache file starts with. */
export const BUILD_TAG = '//# viralsimBuild=';

/** Length of the SHA-1 (hex) at the head of a cache file, followed by a newline. */
const HASH_LENGTH = 40;

/** The folder of the bundles (this file's, once built to dist/cli/boot.cjs). */
function bundleFolder(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/** The path of a bundle and of its code cache. */
export function bundlePaths(name: BundleName, folder = bundleFolder()): { bundle: string; cache: string } {
  const bundle = join(folder, `${name}.cjs`);
  return { bundle, cache: `${bundle}.cache` };
}

/** The build hash a bundle ends with, or null. */
function buildHash(source: string): string | null {
  const at = source.lastIndexOf(BUILD_TAG);
  if (at < 0) return null;
  const hash = source.slice(at + BUILD_TAG.length).trim();
  return hash.length === HASH_LENGTH ? hash : null;
}

/** The V8 cache data for a bundle of build `hash`, and whether it can be used. */
function readCache(hash: string | null, path: string): { data: Buffer | undefined; status: CacheStatus } {
  if (process.env['VIRALSIM_CODE_CACHE'] === 'off') return { data: undefined, status: 'off' };
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return { data: undefined, status: 'missing' };
  }
  if (hash === null || file.toString('latin1', 0, HASH_LENGTH) !== hash)
    return { data: undefined, status: 'stale' };
  return { data: file.subarray(HASH_LENGTH + 1), status: 'used' };
}

/** Writes a script's code cache for a bundle (to a temporary file, then renamed). */
function writeCache(script: Script, hash: string | null, path: string): void {
  if (hash === null) return;
  const temporary = `${path}.${process.pid}.${isMainThread ? 0 : 1}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${hash}\n`, 'latin1'), script.createCachedData()]));
  renameSync(temporary, path);
}

/**
 * Compiles a bundle (with its code cache when there is a usable one) without running it. Tests use
 * it to check that the built caches are accepted.
 */
export function compileBundle(
  name: BundleName,
  folder = bundleFolder(),
): { script: Script; hash: string | null; paths: { bundle: string; cache: string }; status: CacheStatus } {
  const paths = bundlePaths(name, folder);
  const source = readFileSync(paths.bundle, 'utf8');
  const hash = buildHash(source);
  const { data, status } = readCache(hash, paths.cache);
  // Node's own CommonJS wrapper, so the bundle runs exactly as `require` would run it.
  const script = new Script(wrap(source), {
    filename: paths.bundle,
    ...(data === undefined ? {} : { cachedData: data }),
  });
  return {
    script,
    hash,
    paths,
    status: status === 'used' && script.cachedDataRejected === true ? 'rejected' : status,
  };
}

type ModuleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

/** Runs a bundle as a CommonJS module (as `require` would), from its code cache when it can. */
export function runBundle(name: BundleName): CacheStatus {
  const { script, hash, paths, status } = compileBundle(name);
  if (process.env['VIRALSIM_CODE_CACHE'] === 'write') {
    const write = () => writeCache(script, hash, paths.cache);
    if (isMainThread) process.on('exit', write);
    // Before each task: the worker's own listener (added later) runs the task after this one.
    else parentPort?.on('message', write);
  }
  const wrapped = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  wrapped.call(
    module.exports,
    module.exports,
    createRequire(paths.bundle),
    module,
    paths.bundle,
    dirname(paths.bundle),
  );
  return status;
}

// As a worker thread's entry (see WORKER_DATA), run the worker bundle.
if (!isMainThread && workerData === WORKER_DATA) runBundle('worker');
