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
 *   whose target is already active is exact, since activating an active person is a no-op. The skip
 *   uses one 32-bit draw (`uniform53` below p = 1e-6): each arc then succeeds with probability p
 *   within 2⁻³² absolute, i.e. relative error below 2⁻³² / 1e-6 ≈ 2·10⁻⁴ at worst and 2·10⁻⁹ at
 *   p = 0.1. The draws never depend on who is active, so the kernel works in batches: it draws the
 *   successful arcs of many people first, then reads their targets (independent memory loads that
 *   the processor overlaps), then activates them in the original order (same result, same draws);
 *   the forest is filled once per generation from the activation order;
 * - per-arc probabilities (rules, or p given with `shouldCoupleArcs`): one Bernoulli trial per arc;
 * - coupled (`shouldCoupleArcs`): one uniform per arc drawn up front in arc-index order; arc e is
 *   live when uniform[e] < probability[e]. This is the live-edge formulation: with a shared
 *   'transmission' stream, higher probabilities give a superset of live arcs, hence never less reach.
 * Metrics: `reach` and `arcsExamined` (out-arcs of every activated person whose turn came: the arcs
 * the cascade covered).
 */
import type { Network } from '../network/network.js';
import { type Rng, uniform53 } from '../rng.js';
import { recordEvent } from '../simulation/trace.js';
import type { RunResult } from '../simulation/types.js';
import { resolveArcProbabilities } from './arc-probabilities.js';
import {
  activate,
  closeGeneration,
  finishGenerations,
  type GenerationRun,
  startGenerations,
} from './generations.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';
import { CASCADE_BATCH } from './run-workspace.js';
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

/** Buffers of one batch: successful arc, its source, its target; and the source of each activation. */
interface Batch {
  arc: Int32Array;
  source: Int32Array;
  target: Int32Array;
  count: number;
  /** `activatedBy[i]` activated `run.order[i]` (Int32Array, n; entries from the first generation on). */
  activatedBy: Int32Array;
}

/** Resolves the batch: reads every target (independent loads), then activates in batch order. */
function flushBatch(run: GenerationRun, targets: Int32Array, batch: Batch): void {
  const count = batch.count;
  const arc = batch.arc;
  const target = batch.target;
  for (let k = 0; k < count; k++) target[k] = targets[arc[k] as number] as number;
  const state = run.state;
  const order = run.order;
  const source = batch.source;
  const activatedBy = batch.activatedBy;
  let activeCount = run.activeCount;
  for (let k = 0; k < count; k++) {
    const v = target[k] as number;
    if (state[v] !== 0) continue;
    state[v] = 1;
    order[activeCount] = v;
    activatedBy[activeCount] = source[k] as number;
    activeCount++;
  }
  run.activeCount = activeCount;
  batch.count = 0;
}

/**
 * The constant-probability kernel. Runs the generations after the seeds and returns the arcs
 * examined. Draws one skip per success plus one per active person (none when p is 0 or 1).
 */
function runConstantProbability(
  run: GenerationRun,
  network: Network,
  p: number,
  rng: Rng,
  horizon: number,
): number {
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const order = run.order;
  const forest = run.forest;
  const trace = run.trace;
  const logFail = Math.log1p(-p);
  const isTiny = p < 1e-6;
  const workspace = run.workspace;
  const batch: Batch =
    workspace === null
      ? {
          arc: new Int32Array(CASCADE_BATCH),
          source: new Int32Array(CASCADE_BATCH),
          target: new Int32Array(CASCADE_BATCH),
          count: 0,
          activatedBy: new Int32Array(network.nodeCount),
        }
      : {
          arc: workspace.batchArc,
          source: workspace.batchSource,
          target: workspace.batchTarget,
          count: 0,
          activatedBy: workspace.activatedBy,
        };
  const activatedBy = batch.activatedBy;
  const batchArc = batch.arc;
  const batchSource = batch.source;
  const isCertain = p >= 1;
  let arcsExamined = 0;
  let hasNext = run.activeCount > 0 && run.generation < horizon;
  while (hasNext) {
    const end = run.activeCount;
    let i = run.frontierStart;
    // The source being drawn (order[i − 1]), its next successful arc, and the end of its arcs.
    let u = -1;
    let e = 0;
    let last = 0;
    let isDrawing = true;
    while (isDrawing) {
      // Fill the batch until it is full or the frontier is done, then resolve it. One call site of
      // flushBatch serves both (the JIT sees it called from the first run on, so a batch that fills
      // only in a later, larger cascade costs no deoptimisation); batch boundaries never change the
      // result, which is the successes resolved in draw order.
      let count = 0;
      for (;;) {
        if (e < last) {
          if (count === CASCADE_BATCH) break;
          batchArc[count] = e;
          batchSource[count] = u;
          count++;
          e += isCertain ? 1 : 1 + skip(rng, logFail, isTiny);
          continue;
        }
        if (i >= end) {
          isDrawing = false;
          break;
        }
        u = order[i++] as number;
        const first = offsets[u] as number;
        last = offsets[u + 1] as number;
        arcsExamined += last - first;
        e = p <= 0 ? last : isCertain ? first : first + skip(rng, logFail, isTiny);
      }
      batch.count = count;
      flushBatch(run, targets, batch);
    }
    const generationEnd = run.activeCount;
    hasNext = closeGeneration(run, end) && run.generation < horizon;
    // The forest (and trace) of the generation just drawn, in activation order.
    const g = run.generation;
    for (let i = end; i < generationEnd; i++) {
      const v = order[i] as number;
      const source = activatedBy[i] as number;
      forest.parent[v] = source;
      forest.generation[v] = g;
      forest.reachedTime[v] = g;
      if (trace !== null) recordEvent(trace, g, 0, v, source, 1);
    }
  }
  return arcsExamined;
}

/**
 * Runs independent cascade from `seeds` (duplicates ignored). Time: O(n + arcs covered) for the
 * per-arc kernels, O(n + successes + people activated) draws for the constant-probability kernel;
 * allocates O(n) (plus O(arcs) for per-arc probabilities or coupling), none of it n-sized with
 * `options.workspace`.
 */
export function runIndependentCascade(
  network: Network,
  parameters: IndependentCascadeParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const run = startGenerations(network, seeds, options);
  const rng = streams('transmission');
  const horizon = options.horizon;
  const isCoupled = options.shouldCoupleArcs === true;
  const p = parameters.probability;

  if (typeof p === 'number' && !isCoupled) {
    const arcsExamined = runConstantProbability(run, network, p, rng, horizon);
    return finishGenerations(run, 'independent-cascade', { arcsExamined });
  }

  // Per-arc kernels: resolved probabilities, trial per arc or pre-drawn arc uniforms (coupled).
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = run.state;
  const order = run.order;
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
  let arcsExamined = 0;
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
