/**
 * Shared machinery of the generation models (independent cascade, linear threshold, threshold): two
 * states (inactive, active), seeds active in generation 0, and breadth-first growth one generation
 * at a time.
 *
 * Layout: `order` (Int32Array, n) lists active people in activation order; generation g occupies
 * `order[start_g .. start_{g+1})`, so the frontier needs no copying or swapping between generations.
 * The series (unless the run keeps none) has one row per generation (time = generation index); the
 * trace has one `active` event per activation, at time = generation, from channel `seed` or `peer`.
 */
import type { Network } from '../network/network.js';
import {
  appendSeriesRow,
  createForest,
  createSeriesBuilder,
  distinctSeeds,
  finishSeries,
  type SeriesBuilder,
} from '../simulation/series.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { CascadeForest, RunResult, TimeSeries, Trace } from '../simulation/types.js';
import type { ModelRunOptions } from './run-options.js';
import {
  claimRunWorkspace,
  GENERATION_STATES,
  type RunWorkspace,
  releaseRunWorkspace,
} from './run-workspace.js';

export { GENERATION_STATES } from './run-workspace.js';
/** Trace kinds of the generation models: entering `active`. */
export const GENERATION_KINDS = ['active'] as const;
/** Trace channels of the generation models. */
export const GENERATION_CHANNELS = ['seed', 'peer'] as const;

/** The growing state of a generation run. */
export interface GenerationRun {
  /** 0 inactive, 1 active (Uint8Array, n). */
  state: Uint8Array;
  forest: CascadeForest;
  /** Active people in activation order (Int32Array, n). */
  order: Int32Array;
  /** Number of active people (entries used in `order`). */
  activeCount: number;
  /** Start of the current generation in `order`. */
  frontierStart: number;
  /** Index of the current generation. */
  generation: number;
  /** The series being recorded, or null when the run keeps none. */
  series: SeriesBuilder | null;
  trace: Trace | null;
  seeds: Int32Array;
  /** The workspace whose arrays the run fills, or null (fresh arrays). */
  workspace: RunWorkspace | null;
}

/** The series of a run that keeps none: no rows (shared, frozen). */
const NO_SERIES: TimeSeries = Object.freeze({
  time: new Float64Array(0),
  columns: Object.freeze(
    Object.fromEntries([...GENERATION_STATES, 'newActivations'].map((name) => [name, new Float64Array(0)])),
  ),
});

/**
 * Activates the seeds (generation 0) and records the first series row (unless
 * `options.shouldKeepSeries` is false: then the run records no series). O(n + k); with
 * `options.workspace` (see run-workspace.ts) it fills the workspace's arrays instead: O(previous
 * reach + k), no n-sized allocation.
 */
export function startGenerations(
  network: Network,
  seeds: Int32Array,
  options: Pick<ModelRunOptions, 'shouldTrace' | 'workspace' | 'shouldKeepSeries'>,
): GenerationRun {
  const { shouldTrace, workspace } = options;
  const n = network.nodeCount;
  const reused = workspace !== undefined && claimRunWorkspace(workspace, n) ? workspace : null;
  const run: GenerationRun = {
    state: reused === null ? new Uint8Array(n) : reused.state,
    forest: reused === null ? createForest(n) : reused.forest,
    order: reused === null ? new Int32Array(n) : reused.order,
    activeCount: 0,
    frontierStart: 0,
    generation: 0,
    series:
      options.shouldKeepSeries === false
        ? null
        : reused === null
          ? createSeriesBuilder(GENERATION_STATES)
          : reused.series,
    trace: shouldTrace ? createTrace(GENERATION_KINDS, GENERATION_CHANNELS) : null,
    seeds: distinctSeeds(seeds),
    workspace: reused,
  };
  for (let i = 0; i < run.seeds.length; i++) activate(run, run.seeds[i] as number, -1, 0);
  if (run.series !== null) {
    appendSeriesRow(run.series, 0, [n - run.activeCount, run.activeCount], run.activeCount);
  }
  return run;
}

/**
 * Activates inactive person v in `generation`, reached by `source` (-1 for a seed). The caller has
 * checked that v is inactive. O(1).
 */
export function activate(run: GenerationRun, v: number, source: number, generation: number): void {
  run.state[v] = 1;
  run.order[run.activeCount++] = v;
  run.forest.parent[v] = source;
  run.forest.generation[v] = generation;
  run.forest.reachedTime[v] = generation;
  if (run.trace !== null) recordEvent(run.trace, generation, 0, v, source, source < 0 ? 0 : 1);
}

/**
 * Closes the current generation: the people activated since it began become the next frontier and a
 * series row is appended. Returns the end of the old frontier in `order` (exclusive) and whether the
 * new frontier is non-empty. O(1).
 */
export function closeGeneration(run: GenerationRun, frontierEnd: number): boolean {
  const added = run.activeCount - frontierEnd;
  run.frontierStart = frontierEnd;
  run.generation++;
  if (added === 0) return false;
  if (run.series !== null) {
    const n = run.state.length;
    appendSeriesRow(run.series, run.generation, [n - run.activeCount, run.activeCount], added);
  }
  return true;
}

/**
 * The RunResult of a finished generation run, with `metrics` extended by `reach`. O(generations);
 * releases the run's workspace (the result aliases it until its next run).
 */
export function finishGenerations(
  run: GenerationRun,
  model: string,
  metrics: Record<string, number>,
): RunResult {
  if (run.workspace !== null) releaseRunWorkspace(run.workspace, run.activeCount);
  return {
    model,
    stateNames: GENERATION_STATES,
    finalState: run.state,
    // Every active person is in `order`: the counts need no pass over the state.
    finalCounts: [run.state.length - run.activeCount, run.activeCount],
    forest: run.forest,
    // A workspace's series is reused: the result views it (valid until the workspace's next run).
    series: run.series === null ? NO_SERIES : finishSeries(run.series, run.workspace !== null),
    seeds: run.seeds,
    metrics: { reach: run.activeCount, ...metrics },
    trace: run.trace === null ? null : trimTrace(run.trace),
  };
}
