/**
 * Worker threads for the pool (pool.ts), and starting them early: before a big `run` or `sweep` has
 * loaded its modules and validated its scenario, so that their boot (about 0.1 s: a thread, the run
 * pipeline, zod) overlaps the command's own start-up instead of delaying the first task.
 *
 * The decision is a cheap guess from the command line and the scenario's raw JSON (runs × sweep points
 * × network size; no validation). A wrong guess costs time only, never a different result: the pool
 * decides what every thread computes. Early workers are unref'd until the pool takes them, so they
 * never keep a failed command alive, and the pool stops the ones it does not use.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WORKER_DATA, type WorkerMessage } from './pool-protocol.js';

/** A worker thread and what it has said so far; the pool sets the callbacks when it takes it. */
export interface WorkerHandle {
  readonly worker: Worker;
  /** An error the worker raised before the pool listened. */
  failure: Error | null;
  /** Set when the pool stops the worker itself (its exit is then expected). */
  isRetired: boolean;
  onMessage: ((message: WorkerMessage) => void) | null;
  onError: ((error: Error) => void) | null;
  onExit: ((code: number) => void) | null;
}

/**
 * Estimated work (runs × (nodes + edges), all points of a sweep together) from which a run or sweep
 * starts its workers early: about half a second of one thread's work, below which a second thread
 * (its boot and JIT warm-up) does not pay off. The pool's `IMMEDIATE_WORK` is the same.
 */
export const EARLY_WORK = 2.5e7;

/**
 * Starts a worker (dist/cli/worker.cjs beside the command line's bundle, run by boot.cjs from its code
 * cache) and records its first messages.
 */
export function spawnWorker(): WorkerHandle {
  const worker = new Worker(new URL('./boot.cjs', import.meta.url), { workerData: WORKER_DATA });
  const handle: WorkerHandle = {
    worker,
    failure: null,
    isRetired: false,
    onMessage: null,
    onError: null,
    onExit: null,
  };
  worker.on('message', (message: WorkerMessage) => handle.onMessage?.(message));
  worker.on('error', (error: Error) => {
    handle.failure ??= error;
    handle.onError?.(error);
  });
  worker.on('exit', (code: number) => {
    if (!handle.isRetired)
      handle.failure ??= new Error(`a worker thread stopped unexpectedly (exit code ${code})`);
    handle.onExit?.(code);
  });
  return handle;
}

/** Stops a worker on purpose (its exit is not a failure). */
export function retireWorker(handle: WorkerHandle): void {
  handle.isRetired = true;
  void handle.worker.terminate();
}

const early: WorkerHandle[] = [];

/** Flags of `run` and `sweep` that take no value (every other flag takes the next word). */
const SWITCHES = new Set(['--resume', '--per-run', '--help', '-h']);

/** The flag values and the first positional of a command line, read loosely (no errors). */
function scanArgs(args: readonly string[]): { flags: Map<string, string[]>; file: string | undefined } {
  const flags = new Map<string, string[]>();
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--') {
      file ??= args[i + 1];
      break;
    }
    if (!word.startsWith('-') || word.length === 1) {
      file ??= word;
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals < 0 ? word : word.slice(0, equals);
    const value = equals >= 0 ? word.slice(equals + 1) : SWITCHES.has(word) ? 'true' : args[++i];
    if (value !== undefined) flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, file };
}

/** The number of values a `--vary` text gives: `start:stop:count` or a comma list (roughly). */
function varyCount(text: string): number {
  const values = text.slice(text.indexOf('=') + 1);
  const range = /^[^:,]+:[^:,]+:(\d+)$/.exec(values);
  return range === null ? values.split(',').length : Number(range[1]);
}

/** Nodes + edges of a raw network spec, roughly; 0 when unknown. */
function networkSize(network: Record<string, unknown>, folder: string): number {
  if (network['type'] === 'file' && typeof network['path'] === 'string') {
    return statSync(resolve(folder, network['path'])).size / 10;
  }
  const sizes = network['sizes'];
  const nodes =
    typeof network['nodes'] === 'number'
      ? network['nodes']
      : Array.isArray(sizes)
        ? sizes.reduce((sum: number, size) => sum + (typeof size === 'number' ? size : 0), 0)
        : 0;
  const degree = [network['meanDegree'], 2 * Number(network['m']), network['k'], network['following']].find(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
  return nodes * (1 + (degree ?? 4) / 2);
}

/**
 * The thread count and estimated work (runs × points × (nodes + edges)) of a `run` or `sweep`
 * command line, read loosely from the arguments and the scenario file's raw JSON; null when it cannot
 * tell (help, a missing or malformed file: the command itself reports those). Reads the file.
 */
export function estimateCommand(
  command: 'run' | 'sweep',
  args: readonly string[],
): { threads: number; runs: number; work: number } | null {
  const { flags, file } = scanArgs(args);
  if (file === undefined || flags.has('--help') || flags.has('-h')) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  const network = raw?.['network'];
  if (typeof network !== 'object' || network === null) return null;
  const threadsText = flags.get('--threads')?.[0];
  const threads = threadsText === undefined ? availableParallelism() : Number(threadsText);
  const runsText = flags.get('--runs')?.[0];
  const runsEach = runsText === undefined ? Number(raw['runs'] ?? 1) : Number(runsText);
  let points = 1;
  if (command === 'sweep') {
    for (const vary of flags.get('--vary') ?? []) points *= varyCount(vary);
    const shards = flags.get('--shards')?.[0] ?? flags.get('--shard')?.[0]?.split('/')[1];
    if (shards !== undefined) points = Math.ceil(points / Number(shards));
  }
  const runs = runsEach * points;
  let size = 0;
  try {
    size = networkSize(network as Record<string, unknown>, dirname(resolve(file)));
  } catch {
    return null;
  }
  const work = runs * size;
  return Number.isFinite(threads) && Number.isFinite(work) ? { threads, runs, work } : null;
}

/**
 * Starts the workers of a big `run` or `sweep` now (threads − 1 of them, unref'd until the pool takes
 * them) when {@link estimateCommand} puts it at {@link EARLY_WORK} or more. Never throws.
 */
export function startWorkersEarly(command: 'run' | 'sweep', args: readonly string[]): void {
  try {
    const estimate = estimateCommand(command, args);
    if (estimate === null || estimate.work < EARLY_WORK) return;
    const count = Math.min(estimate.threads, estimate.runs, 256) - 1;
    for (let w = 0; w < count; w++) {
      const handle = spawnWorker();
      handle.worker.unref();
      early.push(handle);
    }
  } catch {
    // Only a guess: the command reads and checks the file itself and reports any problem.
  }
}

/** Takes up to `count` early workers for the pool (ref'd again, so they keep the process alive). */
export function takeEarlyWorkers(count: number): WorkerHandle[] {
  const taken = early.splice(0, Math.max(0, count));
  for (const handle of taken) handle.worker.ref();
  return taken;
}

/** Stops the early workers nobody took. */
export function stopEarlyWorkers(): void {
  for (const handle of early.splice(0)) retireWorker(handle);
}
