import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import { runModel } from '../../engine/models/run-model.js';
import type { Network } from '../../engine/network/network.js';
import { createStream } from '../../engine/rng.js';
import { fromEdges } from './networks.js';

// A 7-person directed graph whose in-weights sum to at most 1 (some strictly less, so "keep no arc"
// has positive chance). Seed: person 0.
const ARCS: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [1, 3],
  [2, 3],
  [2, 4],
  [3, 4],
  [3, 5],
  [4, 5],
  [4, 6],
  [5, 6],
  [6, 1],
];
const WEIGHTS = [0.6, 0.3, 0.5, 0.4, 0.4, 0.7, 0.2, 0.5, 0.5, 0.3, 0.6, 0.3];
const N = 7;
const SEEDS = Int32Array.of(0);

/** Exact final-set distribution by enumerating every live-edge graph (each person keeps ≤ 1 in-arc). */
function exactDistribution(): Map<number, number> {
  const incoming: { source: number; weight: number }[][] = Array.from({ length: N }, () => []);
  ARCS.forEach(([u, v], i) => {
    incoming[v]!.push({ source: u, weight: WEIGHTS[i]! });
  });
  const choice = new Int32Array(N).fill(-1);
  const out = new Map<number, number>();
  const visit = (v: number, probability: number): void => {
    if (v === N) {
      let active = 1; // bit mask, person 0 is the seed
      let changed = true;
      while (changed) {
        changed = false;
        for (let w = 0; w < N; w++) {
          const c = choice[w] as number;
          if (!(active & (1 << w)) && c >= 0 && active & (1 << c)) {
            active |= 1 << w;
            changed = true;
          }
        }
      }
      out.set(active, (out.get(active) ?? 0) + probability);
      return;
    }
    let rest = 1;
    for (const { source, weight } of incoming[v]!) {
      choice[v] = source;
      visit(v + 1, probability * weight);
      rest -= weight;
    }
    choice[v] = -1;
    if (rest > 1e-12) visit(v + 1, probability * rest);
  };
  visit(0, 1);
  return out;
}

/** Upper-tail p-value of a chi-square statistic by the Wilson–Hilferty normal approximation. */
function chiSquarePValue(statistic: number, degrees: number): number {
  const k = degrees;
  const z = (Math.cbrt(statistic / k) - (1 - 2 / (9 * k))) / Math.sqrt(2 / (9 * k));
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const value = poly * Math.exp(-x * x);
  return x >= 0 ? value : 2 - value;
}

describe('runModel (linear threshold)', () => {
  // Kempe, Kleinberg & Tardos 2003 (THEORY.md): the final active set is distributed as the set
  // reachable from the seeds over kept arcs. RUNS = 100,000 runs; per-person z within 4; chi-square
  // over final sets (expected count ≥ 5 each) with p above 0.001.
  it('runModel(linear-threshold, file weights) matches exact live-edge enumeration on 7 people', () => {
    const network: Network = fromEdges(N, ARCS, true, WEIGHTS);
    const RUNS = 100_000;
    const Z_LIMIT = 4;
    const exact = exactDistribution();
    const rng = createStream(51, 'lt');
    const streams = () => rng; // one stream across runs: each run continues where the last stopped
    const observed = new Map<number, number>();
    const personHits = new Float64Array(N);
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(network, { type: 'linear-threshold', weights: 'file' }, SEEDS, streams, {
        horizon: Number.POSITIVE_INFINITY,
        shouldTrace: false,
      });
      let mask = 0;
      for (let v = 0; v < N; v++) {
        if (result.finalState[v] === 1) {
          mask |= 1 << v;
          personHits[v] = (personHits[v] as number) + 1;
        }
      }
      observed.set(mask, (observed.get(mask) ?? 0) + 1);
    }
    for (let v = 1; v < N; v++) {
      let probability = 0;
      for (const [mask, p] of exact) if (mask & (1 << v)) probability += p;
      const se = Math.sqrt((probability * (1 - probability)) / RUNS);
      const z = ((personHits[v] as number) / RUNS - probability) / se;
      expect(Math.abs(z), `person ${v}`).toBeLessThan(Z_LIMIT);
    }
    let statistic = 0;
    let cells = 0;
    let pooledExpected = 0;
    let pooledObserved = 0;
    for (const [mask, p] of exact) {
      const expected = p * RUNS;
      const seen = observed.get(mask) ?? 0;
      if (expected < 5) {
        pooledExpected += expected;
        pooledObserved += seen;
        continue;
      }
      statistic += (seen - expected) ** 2 / expected;
      cells++;
    }
    if (pooledExpected > 0) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
    }
    for (const mask of observed.keys()) expect(exact.has(mask), `impossible final set ${mask}`).toBe(true);
    expect(chiSquarePValue(statistic, cells - 1)).toBeGreaterThan(0.001);
  });

  it('runModel(linear-threshold, file) names the person whose in-weights sum above 1', () => {
    const network = fromEdges(
      3,
      [
        [0, 2],
        [1, 2],
      ],
      true,
      [0.7, 0.6],
    );
    expect(() =>
      runModel(network, { type: 'linear-threshold', weights: 'file' }, SEEDS, () => createStream(1), {
        horizon: 5,
        shouldTrace: false,
      }),
    ).toThrow(ScenarioError);
    expect(() =>
      runModel(network, { type: 'linear-threshold', weights: 'file' }, SEEDS, () => createStream(1), {
        horizon: 5,
        shouldTrace: false,
      }),
    ).toThrow('the weights of the arcs into person 2 sum to 1.3');
  });

  it('runModel(linear-threshold, in-degree) through one arc of weight 1 always activates its target', () => {
    const network = fromEdges(2, [[0, 1]], true);
    const result = runModel(
      network,
      { type: 'linear-threshold', weights: 'in-degree' },
      SEEDS,
      () => createStream(2),
      {
        horizon: 5,
        shouldTrace: false,
      },
    );
    expect(Array.from(result.finalState)).toEqual([1, 1]);
  });
});
