/**
 * Reusable working memory for the generation models (independent cascade, linear threshold,
 * threshold), so a batch of runs on one network allocates it once instead of once per run (STYLE.md
 * §2, §4): the n-sized arrays, the series builder and the cascade kernel's batch buffers. A run given
 * a workspace fills it instead of allocating, after resetting only the entries the previous run
 * touched (the people it activated: O(previous reach), not O(n); past n / 8 of them a sequential
 * fill is faster).
 *
 * The RunResult of such a run aliases the workspace (`finalState`, `forest`, the `series` columns):
 * it is valid only until the next run that uses the same workspace. Use it only where the result does
 * not escape (metrics only); results are bit-identical to a run without a workspace.
 *
 * Why it matters beyond allocation time: every typed array of more than 64 bytes is a separate
 * off-heap buffer, and threads of one process contend when they allocate and free those; a batch
 * that allocates none per run scales better across worker threads.
 */
import { createSeriesBuilder, type SeriesBuilder } from '../simulation/series.js';
import type { CascadeForest } from '../simulation/types.js';

/** Successful arcs the cascade kernel draws before reading their targets (3 · 8 kB: stays in L1). */
export const CASCADE_BATCH = 2048;

/**
 * Rows the workspace's series starts with (32 kB in all): more generations than almost any cascade
 * takes, so the series of a batch rarely grows (a growth in the middle of a batch also costs the
 * JIT a recompile of the kernel).
 */
const SERIES_ROWS = 1024;

/** States of the generation models (re-exported by generations.ts). */
export const GENERATION_STATES = ['inactive', 'active'] as const;

/** Working memory of generation runs on networks of up to `nodeCount` people. */
export interface RunWorkspace {
  readonly nodeCount: number;
  /** 0 inactive, 1 active (Uint8Array, n). */
  readonly state: Uint8Array;
  readonly forest: CascadeForest;
  /** Active people in activation order (Int32Array, n). */
  readonly order: Int32Array;
  /** Who activated `order[i]` (Int32Array, n), for the constant-probability cascade kernel. */
  readonly activatedBy: Int32Array;
  /** The cascade kernel's batch: successful arc, its source, its target (Int32Array, CASCADE_BATCH each). */
  readonly batchArc: Int32Array;
  readonly batchSource: Int32Array;
  readonly batchTarget: Int32Array;
  /** The run's series, emptied by each claim (its capacity kept). */
  readonly series: SeriesBuilder;
  /** Entries of `order` the last finished run activated (the ones to reset). */
  used: number;
  /** True while a run is in progress (a run that threw leaves it set: the next run resets all). */
  isBusy: boolean;
}

/** Allocates a clean workspace for networks of `nodeCount` people. O(n). */
export function createRunWorkspace(nodeCount: number): RunWorkspace {
  return {
    nodeCount,
    state: new Uint8Array(nodeCount),
    forest: {
      parent: new Int32Array(nodeCount).fill(-1),
      generation: new Int32Array(nodeCount).fill(-1),
      reachedTime: new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY),
    },
    order: new Int32Array(nodeCount),
    activatedBy: new Int32Array(nodeCount),
    batchArc: new Int32Array(CASCADE_BATCH),
    batchSource: new Int32Array(CASCADE_BATCH),
    batchTarget: new Int32Array(CASCADE_BATCH),
    series: createSeriesBuilder(GENERATION_STATES, SERIES_ROWS),
    used: 0,
    isBusy: false,
  };
}

/**
 * Claims `workspace` for a run on `nodeCount` people: restores the entries of the previous run to the
 * clean state (everyone inactive and unreached) and marks it busy. O(previous reach), or O(n) by
 * sequential fills when that reach exceeds n / 8 or the previous run did not finish. Returns false (use fresh arrays) when it is sized for another network.
 */
export function claimRunWorkspace(workspace: RunWorkspace, nodeCount: number): boolean {
  if (workspace.nodeCount !== nodeCount) return false;
  const { state, order } = workspace;
  const { parent, generation, reachedTime } = workspace.forest;
  // Past n / 8 touched people, sequential fills (vectorised, prefetched) beat scattered resets.
  if (workspace.isBusy || workspace.used > nodeCount >>> 3) {
    state.fill(0);
    parent.fill(-1);
    generation.fill(-1);
    reachedTime.fill(Number.POSITIVE_INFINITY);
  } else {
    const used = workspace.used;
    for (let i = 0; i < used; i++) {
      const v = order[i] as number;
      state[v] = 0;
      parent[v] = -1;
      generation[v] = -1;
      reachedTime[v] = Number.POSITIVE_INFINITY;
    }
  }
  workspace.used = 0;
  workspace.series.length = 0;
  workspace.isBusy = true;
  return true;
}

/** Releases `workspace` after a finished run that activated `order[0 .. used)`. O(1). */
export function releaseRunWorkspace(workspace: RunWorkspace, used: number): void {
  workspace.used = used;
  workspace.isBusy = false;
}
