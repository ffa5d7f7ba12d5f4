/**
 * Complex contagion by deterministic thresholds, in synchronous generations: Watts (2002), a fraction
 * of in-neighbours, and Centola & Macy (2007), a count of in-neighbours.
 *
 * Semantics: the seeds are active in generation 0. An inactive person v with in-degree k_v becomes
 * active in generation g + 1 when, as of the end of generation g, the number a_v of their active
 * in-neighbours satisfies a_v / k_v ≥ `fraction` (Watts; people with k_v = 0 never activate) or
 * a_v ≥ `count` (Centola). Activation is final; the run ends when a generation activates no one or
 * after generation `horizon`. No randomness: the outcome depends on the seeds only. The parent in the
 * forest is the in-neighbour whose activation met the threshold.
 */
import type { Network } from '../network/network.js';
import type { RunResult } from '../simulation/types.js';
import { activate, closeGeneration, finishGenerations, startGenerations } from './generations.js';
import type { ModelRunOptions } from './run-options.js';

/** The threshold part of a model spec: exactly one of `fraction` and `count`. */
export interface ThresholdParameters {
  fraction?: number | undefined;
  count?: number | undefined;
}

/** Runs the threshold model from `seeds` (duplicates ignored). O(n + arcs covered); allocates O(n). */
export function runThreshold(
  network: Network,
  parameters: ThresholdParameters,
  seeds: Int32Array,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  const inOffsets = network.inOffsets;
  // required (Float64Array, n): active in-neighbours v needs; +Infinity when v can never activate.
  const required = new Float64Array(n);
  const fraction = parameters.fraction;
  for (let v = 0; v < n; v++) {
    const k = (inOffsets[v + 1] as number) - (inOffsets[v] as number);
    if (fraction !== undefined) {
      // Smallest a with a / k >= fraction, tested with the same division as the definition.
      let a = Math.max(1, Math.floor(fraction * k));
      while (a > 1 && (a - 1) / k >= fraction) a--;
      while (a <= k && a / k < fraction) a++;
      required[v] = k === 0 || a > k ? Number.POSITIVE_INFINITY : a;
    } else {
      required[v] = parameters.count as number;
    }
  }
  const activeIn = new Int32Array(n);
  const run = startGenerations(network, seeds, options);
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = run.state;
  const order = run.order;
  const horizon = options.horizon;
  let hasNext = run.activeCount > 0 && run.generation < horizon;
  while (hasNext) {
    const end = run.activeCount;
    const next = run.generation + 1;
    for (let i = run.frontierStart; i < end; i++) {
      const u = order[i] as number;
      const last = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < last; e++) {
        const v = targets[e] as number;
        if (state[v] !== 0) continue;
        const a = (activeIn[v] as number) + 1;
        activeIn[v] = a;
        if (a >= (required[v] as number)) activate(run, v, u, next);
      }
    }
    hasNext = closeGeneration(run, end) && run.generation < horizon;
  }
  return finishGenerations(run, 'threshold', {});
}
