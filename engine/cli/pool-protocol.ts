/**
 * What the thread pool (pool.ts) and its workers (worker.ts) share: the task plan (which runs of which
 * job each task covers), the messages, and a compact form of a task's per-run metrics (the metric names
 * once and one Float64Array instead of an object per run; copied, not transferred: see worker.ts).
 * Imports nothing at run time, so a worker thread boots without loading anything it does not run.
 *
 * Invariants: the plan covers every run of every job exactly once, in run order; a task never spans
 * two jobs (so it needs one prepared scenario); unpacking gives back objects equal, key order included,
 * to the ones packed.
 */
import type { LentNetwork, NetworkSummary } from '../batch/simulate.js';
import type { Scenario } from '../scenario/schema.js';

/** The `workerData` a worker thread starts with: tells dist/cli/boot.cjs to run the worker bundle. */
export const WORKER_DATA = 'viralsim:worker';

/** Runs `start` … `end − 1` of job `job`. */
export interface TaskRange {
  readonly job: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Guided self-scheduling factor: a task takes 1/(factor · threads) of the runs still unplanned, so the
 * first tasks are large (few preparations, few messages) and the last ones a single run (threads
 * finish together).
 */
export const GUIDED_FACTOR = 2;

/**
 * Cuts the runs of every job (in job order, then run order) into tasks of decreasing size: each
 * takes ⌈left / (GUIDED_FACTOR · threads)⌉ runs of the `left` not yet planned, cut at the end of its
 * job. A sweep point is thus one task until the last few points, which are split so that every
 * thread stays busy to the end; `threads` only changes the cut, never a run's numbers.
 * O(tasks); about GUIDED_FACTOR · threads · ln(total runs) tasks plus one per job.
 */
export function planTasks(runsPerJob: readonly number[], threads: number): TaskRange[] {
  let left = runsPerJob.reduce((sum, runs) => sum + runs, 0);
  const share = GUIDED_FACTOR * Math.max(1, threads);
  const tasks: TaskRange[] = [];
  runsPerJob.forEach((runs, job) => {
    let start = 0;
    while (start < runs) {
      const end = Math.min(runs, start + Math.max(1, Math.ceil(left / share)));
      tasks.push({ job, start, end });
      left -= end - start;
      start = end;
    }
  });
  return tasks;
}

/**
 * Per-run metrics in compact form: `values[r · names.length + k]` is run r's metric `names[k]`, when
 * every run has the same metric names in the same order (the usual case); otherwise the objects.
 */
export type PackedMetrics =
  | { readonly names: readonly string[]; readonly values: Float64Array }
  | { readonly objects: Record<string, number>[] };

/** Whether `metrics` has exactly the keys `names`, in that order, all numbers. */
function hasLayout(metrics: Record<string, number>, names: readonly string[]): boolean {
  const keys = Object.keys(metrics);
  if (keys.length !== names.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const name = keys[k] as string;
    if (name !== names[k] || typeof metrics[name] !== 'number') return false;
  }
  return true;
}

/** Packs a task's per-run metrics (see {@link PackedMetrics}). O(runs · metrics); allocates the array. */
export function packMetrics(metricsPerRun: Record<string, number>[]): PackedMetrics {
  const first = metricsPerRun[0];
  const names = first === undefined ? [] : Object.keys(first);
  if (!metricsPerRun.every((metrics) => hasLayout(metrics, names))) return { objects: metricsPerRun };
  const width = names.length;
  const values = new Float64Array(metricsPerRun.length * width);
  metricsPerRun.forEach((metrics, r) => {
    for (let k = 0; k < width; k++) values[r * width + k] = metrics[names[k] as string] as number;
  });
  return { names, values };
}

/** The per-run metric objects a {@link PackedMetrics} holds, keys in their original order. O(runs · metrics). */
export function unpackMetrics(packed: PackedMetrics): Record<string, number>[] {
  if ('objects' in packed) return packed.objects;
  const { names, values } = packed;
  const width = names.length;
  const runs = width === 0 ? 0 : values.length / width;
  const out: Record<string, number>[] = new Array(runs);
  for (let r = 0; r < runs; r++) {
    const metrics: Record<string, number> = {};
    for (let k = 0; k < width; k++) metrics[names[k] as string] = values[r * width + k] as number;
    out[r] = metrics;
  }
  return out;
}

/** A task for a worker: runs `start` … `end − 1` of one scenario (prepared once per `key`). */
export interface TaskMessage {
  readonly type: 'task';
  /** The task's index in the plan. */
  readonly task: number;
  /**
   * Claim flags of every task, shared (SharedArrayBuffer): a worker runs task i only if it turns
   * `claims[i]` from 0 (waiting) to 1 (started); 2 means the pool took the task back.
   */
  readonly claims: Int32Array;
  /** Identifies the scenario, so a worker prepares it once for consecutive tasks. */
  readonly key: string;
  readonly scenario: Scenario;
  /** Folder that `file` network paths are relative to. */
  readonly folder: string;
  /** Names the scenario in messages. */
  readonly place: string;
  readonly start: number;
  readonly end: number;
  /**
   * The network this task's scenario uses, built by the pool's thread (copied into the worker), so
   * the worker does not build it again; sent at most once per worker and network.
   */
  readonly network?: LentNetwork;
}

/** How often (ms) a busy worker reports runs done, for the progress bar. */
export const PROGRESS_EVERY_MS = 100;

/** A message from a worker. `runs` counts runs finished since the worker last reported. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly runs: number }
  | {
      readonly type: 'done';
      readonly task: number;
      readonly runs: number;
      readonly network: NetworkSummary;
      readonly metrics: PackedMetrics;
    }
  | {
      readonly type: 'error';
      readonly task: number;
      readonly name: string;
      readonly message: string;
      readonly isUser: boolean;
    };
