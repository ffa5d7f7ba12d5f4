/**
 * Independent cascade (Kempe, Kleinberg & Tardos 2003), in synchronous generations.
 *
 * Semantics: the seeds are active in generation 0. Each person activated in generation g gets exactly
 * one chance, in generation g + 1, to activate each out-neighbour that is still inactive, succeeding
 * with the arc's probability independently of everything else; the run ends when a generation
 * activates no one or after generation `horizon`. Activation is final. Within a generation people are
 * processed in activation order; the first success on an inactive person activates them (their parent
 * in the forest) and later attempts on them are no-ops.
 *
 * Streams: 'transmission' (arc trials), 'transmission-weights' (trivalency arc probabilities only).
 *
 * Kernels:
 * - constant probability p (the fast path): geometric skipping over each newly active person's arc
 *   list, one draw per success instead of one per arc, with log(1 − p) precomputed. Skipping over arcs
 *   whose target is already active is exact, since activating an active person is a no-op;
 * - per-arc probabilities (rules, or p given with `shouldCoupleArcs`): one Bernoulli trial per arc;
 * - coupled (`shouldCoupleArcs`): one uniform per arc drawn up front in arc-index order; arc e is
 *   live when uniform[e] < probability[e]. This is the live-edge formulation: with a shared
 *   'transmission' stream, higher probabilities give a superset of live arcs, hence never less reach.
 * Metrics: `reach` and `arcsExamined` (out-arcs of every activated person whose turn came: the arcs
 * the cascade covered).
 */
import type { Network } from '../network/network.js';
import { type Rng, uniform53 } from '../rng.js';
import type { RunResult } from '../simulation/types.js';
import { resolveArcProbabilities } from './arc-probabilities.js';
import { activate, closeGeneration, finishGenerations, startGenerations } from './generations.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';
import type { ArcProbabilityRule } from './spec.js';

/** The independent-cascade part of a model spec. */
export interface IndependentCascadeParameters {
  probability: number | ArcProbabilityRule;
}

/** Failures before the next success when each trial succeeds with 1 − exp(logFail). One draw. */
function skip(rng: Rng, logFail: number, isTiny: boolean): number {
  const u = isTiny ? uniform53(rng) : rng();
  return Math.floor(Math.log(1 - u) / logFail);
}

/**
 * Runs independent cascade from `seeds` (duplicates ignored). Time: O(n + arcs covered) for the
 * per-arc kernels, O(n + successes + people activated) draws for the constant-probability kernel;
 * allocates O(n) (plus O(arcs) for per-arc probabilities or coupling).
 */
export function runIndependentCascade(
  network: Network,
  parameters: IndependentCascadeParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const run = startGenerations(network, seeds, options.shouldTrace);
  const rng = streams('transmission');
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = run.state;
  const order = run.order;
  const horizon = options.horizon;
  const isCoupled = options.shouldCoupleArcs === true;
  const p = parameters.probability;
  let arcsExamined = 0;

  if (typeof p === 'number' && !isCoupled) {
    // Fast path: geometric skipping (p in (0, 1)), every arc (p = 1) or nothing (p = 0).
    const logFail = Math.log1p(-p);
    const isTiny = p < 1e-6;
    let hasNext = run.activeCount > 0 && run.generation < horizon;
    while (hasNext) {
      const end = run.activeCount;
      const next = run.generation + 1;
      for (let i = run.frontierStart; i < end; i++) {
        const u = order[i] as number;
        const last = offsets[u + 1] as number;
        const first = offsets[u] as number;
        arcsExamined += last - first;
        if (p <= 0) continue;
        if (p >= 1) {
          for (let e = first; e < last; e++) {
            const v = targets[e] as number;
            if (state[v] === 0) activate(run, v, u, next);
          }
          continue;
        }
        let e = first + skip(rng, logFail, isTiny);
        while (e < last) {
          const v = targets[e] as number;
          if (state[v] === 0) activate(run, v, u, next);
          e += 1 + skip(rng, logFail, isTiny);
        }
      }
      hasNext = closeGeneration(run, end) && run.generation < horizon;
    }
    return finishGenerations(run, 'independent-cascade', { arcsExamined });
  }

  // Per-arc kernels: resolved probabilities, trial per arc or pre-drawn arc uniforms (coupled).
  const probabilities = resolveArcProbabilities(
    network,
    p,
    () => streams('transmission-weights'),
    'model.probability',
  );
  let uniforms: Float64Array | null = null;
  if (isCoupled) {
    uniforms = new Float64Array(network.arcCount);
    for (let e = 0; e < uniforms.length; e++) uniforms[e] = uniform53(rng);
  }
  let hasNext = run.activeCount > 0 && run.generation < horizon;
  while (hasNext) {
    const end = run.activeCount;
    const next = run.generation + 1;
    for (let i = run.frontierStart; i < end; i++) {
      const u = order[i] as number;
      const last = offsets[u + 1] as number;
      const first = offsets[u] as number;
      arcsExamined += last - first;
      for (let e = first; e < last; e++) {
        const v = targets[e] as number;
        if (state[v] !== 0) continue;
        const pe = probabilities[e] as number;
        const draw = uniforms !== null ? (uniforms[e] as number) : pe < 1e-6 ? uniform53(rng) : rng();
        if (draw < pe) activate(run, v, u, next);
      }
    }
    hasNext = closeGeneration(run, end) && run.generation < horizon;
  }
  return finishGenerations(run, 'independent-cascade', { arcsExamined });
}
