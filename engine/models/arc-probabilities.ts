/**
 * Resolves an independent-cascade `probability` (a number or a per-arc rule) into one probability per
 * stored out-arc, once per run, so the kernels read a Float64Array and never a rule.
 *
 * Rules: a number p → p on every arc; "weighted-cascade" → 1 / in-degree of the arc's target;
 * "trivalency" → 0.1, 0.01 or 0.001, each with chance 1/3, drawn per stored arc per run, in arc-index
 * order, from the run's 'transmission-weights' stream (an undirected edge's two arcs are drawn
 * independently); "weight" → the arc's weight, which must lie in [0, 1].
 */
import { ScenarioError } from '../errors.js';
import { type Network, nodeId } from '../network/network.js';
import type { Rng } from '../rng.js';
import type { ArcProbabilityRule } from './spec.js';

const TRIVALENCY = [0.1, 0.01, 0.001] as const;

/**
 * One probability per out-arc (Float64Array, arcCount), aligned with `network.outTargets`. `place`
 * names the spec field in messages (e.g. `model.probability`); `weightsRng` supplies trivalency draws.
 * Throws a ScenarioError for "weight" on an unweighted network or a weight outside [0, 1] (naming the
 * arc). O(arcs); allocates the array.
 */
export function resolveArcProbabilities(
  network: Network,
  probability: number | ArcProbabilityRule,
  weightsRng: () => Rng,
  place: string,
): Float64Array {
  const m = network.arcCount;
  const out = new Float64Array(m);
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  if (typeof probability === 'number') return out.fill(probability);
  if (probability === 'weighted-cascade') {
    const inOffsets = network.inOffsets;
    for (let e = 0; e < m; e++) {
      const v = targets[e] as number;
      out[e] = 1 / ((inOffsets[v + 1] as number) - (inOffsets[v] as number));
    }
    return out;
  }
  if (probability === 'trivalency') {
    const rng = weightsRng();
    for (let e = 0; e < m; e++) out[e] = TRIVALENCY[Math.floor(rng() * 3)] as number;
    return out;
  }
  const weights = network.outWeights;
  if (weights === null) {
    throw new ScenarioError(
      `${place}: "weight" needs arc weights, got an unweighted network (use a weighted network file, or a number)`,
    );
  }
  for (let u = 0; u < network.nodeCount; u++) {
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      const w = weights[e] as number;
      if (!(w >= 0 && w <= 1)) {
        throw new ScenarioError(
          `${place}: "weight" uses arc weights as probabilities: expected a weight in [0, 1] on arc ` +
            `${nodeId(network, u)} -> ${nodeId(network, targets[e] as number)}, got ${w}`,
        );
      }
      out[e] = w;
    }
  }
  return out;
}
