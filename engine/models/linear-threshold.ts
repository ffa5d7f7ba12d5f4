/**
 * Linear threshold (Kempe, Kleinberg & Tardos 2003), in synchronous generations.
 *
 * Semantics: each arc (u, v) has a weight w(u, v) ≥ 0 with, for every person v, the in-weights summing
 * to at most 1: w(u, v) = 1 / in-degree(v) ("in-degree", the default) or the network's arc weights
 * ("file"). Every person draws a threshold θ_v uniform in (0, 1] once per run (θ_v = 1 − U from the
 * 'thresholds' stream, drawn for all people in index order before the run; never redrawn). The seeds
 * are active in generation 0. A person becomes active in generation g + 1 when the total weight of
 * their active in-neighbours, as of the end of generation g, is at least θ_v; activation is final,
 * and the run ends when a generation activates no one or after generation `horizon`. The parent in
 * the forest is the in-neighbour whose weight pushed the total over the threshold.
 *
 * Equivalence (tested): the final active set has the distribution of the set reachable from the seeds
 * in a live-edge graph where each person keeps at most one in-arc, (u, v) with probability w(u, v).
 */
import { ScenarioError } from '../errors.js';
import { type Network, nodeId } from '../network/network.js';
import type { RunResult } from '../simulation/types.js';
import { activate, closeGeneration, finishGenerations, startGenerations } from './generations.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';

/** Tolerance on a person's in-weight sum, for rounding in weights read from files. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** The linear-threshold part of a model spec. */
export interface LinearThresholdParameters {
  weights: 'in-degree' | 'file';
}

/**
 * The weight of each out-arc (Float64Array, arcs), aligned with `outTargets`. For "file", checks
 * that weights are finite and ≥ 0 and that each person's in-weights sum to at most 1, else throws a
 * ScenarioError naming the person's id and the sum. O(n + arcs).
 */
export function resolveThresholdWeights(network: Network, weights: 'in-degree' | 'file'): Float64Array {
  const n = network.nodeCount;
  const m = network.arcCount;
  const out = new Float64Array(m);
  const targets = network.outTargets;
  const inOffsets = network.inOffsets;
  if (weights === 'in-degree') {
    for (let e = 0; e < m; e++) {
      const v = targets[e] as number;
      out[e] = 1 / ((inOffsets[v + 1] as number) - (inOffsets[v] as number));
    }
    return out;
  }
  const outWeights = network.outWeights;
  const inWeights = network.inWeights;
  if (outWeights === null || inWeights === null) {
    throw new ScenarioError(
      'model.weights: "file" needs arc weights, got an unweighted network (use a weighted network file, or "in-degree")',
    );
  }
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let e = inOffsets[v] as number; e < (inOffsets[v + 1] as number); e++) {
      const w = inWeights[e] as number;
      if (!(w >= 0)) {
        throw new ScenarioError(
          `model.weights: expected arc weights >= 0 for linear threshold, got ${w} on an arc into person ${nodeId(network, v)}`,
        );
      }
      sum += w;
    }
    if (sum > 1 + WEIGHT_SUM_TOLERANCE) {
      throw new ScenarioError(
        `model.weights: the weights of the arcs into person ${nodeId(network, v)} sum to ${Number(sum.toPrecision(12))}, expected at most 1 ` +
          '(linear threshold needs in-weights summing to at most 1; rescale them or use "in-degree")',
      );
    }
  }
  out.set(outWeights);
  return out;
}

/**
 * Runs linear threshold from `seeds` (duplicates ignored). Time O(n + arcs covered); allocates
 * O(n + arcs).
 */
export function runLinearThreshold(
  network: Network,
  parameters: LinearThresholdParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  const weights = resolveThresholdWeights(network, parameters.weights);
  const rng = streams('thresholds');
  // thresholds (Float64Array, n): θ_v in (0, 1], drawn once per run.
  const thresholds = new Float64Array(n);
  for (let v = 0; v < n; v++) thresholds[v] = 1 - rng();
  // incoming (Float64Array, n): total weight of active in-neighbours whose turn has come.
  const incoming = new Float64Array(n);
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
        const total = (incoming[v] as number) + (weights[e] as number);
        incoming[v] = total;
        if (total >= (thresholds[v] as number)) activate(run, v, u, next);
      }
    }
    hasNext = closeGeneration(run, end) && run.generation < horizon;
  }
  return finishGenerations(run, 'linear-threshold', {});
}
