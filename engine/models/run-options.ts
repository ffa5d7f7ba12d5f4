/**
 * What every classic-model kernel receives besides the network, its spec and the seeds, and the
 * shared checks on it. Kept apart from run-model.ts so the kernels and the dispatcher do not import
 * each other.
 */
import { OptionsError } from '../errors.js';
import type { Rng } from '../rng.js';
import type { RunWorkspace } from './run-workspace.js';

/**
 * Returns the run's random stream for a purpose (`'transmission'`, `'recovery'`, `'thresholds'`…).
 * The caller derives each from (scenario seed, run index, purpose), so extra draws on one purpose
 * never shift another. Each kernel documents the purposes it asks for.
 */
export type StreamSource = (purpose: string) => Rng;

/** Options of one run. */
export interface ModelRunOptions {
  /**
   * When to stop: days for continuous-time and daily models (sir, bass, rumor, competing with spread
   * "sir"), the largest generation for generation models (independent cascade, linear threshold,
   * threshold, competing with spread "independent-cascade"). May be +Infinity.
   */
  horizon: number;
  /** Record the event trace (costs one record per event). */
  shouldTrace: boolean;
  /** Seeds of message B for `competing` (computed by the caller from `model.b.seeding`). */
  secondarySeeds?: Int32Array;
  /**
   * Independent cascade only: draw one uniform per arc, in arc-index order, before the run (the
   * live-edge formulation: arc e is live when its uniform is below its probability). Two runs with the
   * same 'transmission' stream are then coupled: raising probabilities only adds live arcs, so reach
   * never falls. Costs one draw per arc; the default (false) uses the fast geometric-skipping kernel.
   */
  shouldCoupleArcs?: boolean;
  /**
   * Generation models (independent cascade, linear threshold, threshold): fill this reusable working
   * memory (from `createRunWorkspace(n)`) instead of allocating n-sized arrays. The result's
   * `finalState` and `forest` then alias it and are valid only until the next run using it; results
   * are otherwise identical. Other models ignore it.
   */
  workspace?: RunWorkspace;
  /**
   * Generation models: record the per-generation series (default true). A batch that keeps only the
   * metrics passes false, and the result's series is then empty (no rows), which spares a row per
   * generation and the series' views per run. Other models ignore it.
   */
  shouldKeepSeries?: boolean;
}

/**
 * Checks that every seed is a person of the network; throws an OptionsError naming the first bad one
 * and where it came from (`what`, e.g. `seeds`). O(k).
 */
export function assertSeedsInRange(seeds: Int32Array, nodeCount: number, what: string): void {
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i] as number;
    if (!(s >= 0 && s < nodeCount)) {
      throw new OptionsError(`${what}[${i}]: expected a person index in 0..${nodeCount - 1}, got ${s}`);
    }
  }
}

/** Checks the horizon: a number >= 0 (possibly +Infinity). */
export function assertHorizon(horizon: number): void {
  if (!(horizon >= 0)) {
    throw new OptionsError(`horizon: expected a number >= 0 (days or generations), got ${horizon}`);
  }
}
