import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { powerLawExponent } from '../../../engine/network/stats.js';
import { createStream } from '../../../engine/rng.js';
import { averageClustering, outDegrees, sameArrays } from './graph-checks.js';

/**
 * The large-n limit of the Clauset–Shalizi–Newman estimator α = 1 + 1/E[ln(k/(k_min − ½)) | k ≥ k_min]
 * under the exact Barabási–Albert degree law P(k) ∝ 1/(k(k+1)(k+2)) (Dorogovtsev, Mendes &
 * Samukhin 2000): slightly below 3 at finite k_min because the law only becomes k⁻³ far in the tail.
 */
function baEstimatorLimit(minDegree: number): number {
  let weight = 0;
  let logSum = 0;
  for (let k = minDegree; k < 10_000_000; k++) {
    const p = 1 / (k * (k + 1) * (k + 2));
    weight += p;
    logSum += p * Math.log(k / (minDegree - 0.5));
  }
  return 1 + weight / logSum;
}

describe('generateNetwork barabasi-albert', () => {
  it('generateNetwork(barabasi-albert) has the exact edge count and minimum degree m', () => {
    const network = generateNetwork({ type: 'barabasi-albert', nodes: 1000, m: 4 }, createStream(3));
    expect(network.edgeCount).toBe((4 * 5) / 2 + (1000 - 5) * 4);
    expect(Math.min(...outDegrees(network))).toBe(4);
  });

  it('generateNetwork(barabasi-albert, n = 50,000) has a degree exponent near 3 (MLE, k_min 20)', () => {
    const NODES = 50_000;
    const MIN_DEGREE = 20;
    // Expected: the estimator's limit under the exact BA law (2.934 at k_min 20), not 3 itself.
    const EXPECTED = baEstimatorLimit(MIN_DEGREE);
    // Finite size: hubs are cut off near m·√n, which moves the estimate by a few hundredths.
    const CUTOFF_BIAS = 0.05;
    const TOLERATED_MULTIPLE = 4;
    const degrees = outDegrees(
      generateNetwork({ type: 'barabasi-albert', nodes: NODES, m: 3 }, createStream(21, 'network')),
    );
    const tail = degrees.filter((k) => k >= MIN_DEGREE).length;
    const estimate = powerLawExponent(degrees, MIN_DEGREE);
    // The MLE's standard error is (α − 1)/√N over the N degrees in the tail (about 1,400 here).
    const standardError = (estimate - 1) / Math.sqrt(tail);
    expect(Math.abs(estimate - EXPECTED)).toBeLessThan(TOLERATED_MULTIPLE * standardError + CUTOFF_BIAS);
    expect(Math.abs(estimate - 3)).toBeLessThan(0.3);
  });
});

describe('generateNetwork holme-kim', () => {
  it('generateNetwork(holme-kim, triad 0) draws the same network as barabasi-albert', () => {
    const stream = () => createStream(5, 'network');
    const holmeKim = generateNetwork({ type: 'holme-kim', nodes: 3000, m: 3, triad: 0 }, stream());
    const barabasiAlbert = generateNetwork({ type: 'barabasi-albert', nodes: 3000, m: 3 }, stream());
    expect(sameArrays(holmeKim, barabasiAlbert)).toBe(true);
  });

  it('generateNetwork(holme-kim) clustering rises with triad', () => {
    // On 20,000 people clustering is about 0.003, 0.16, 0.33, 0.54 at triad 0, 0.3, 0.6, 0.9; its
    // run-to-run spread is below 0.01, so each step must rise by at least MIN_RISE.
    const MIN_RISE = 0.1;
    const values = [0, 0.3, 0.6, 0.9].map((triad) =>
      averageClustering(
        generateNetwork({ type: 'holme-kim', nodes: 20_000, m: 3, triad }, createStream(8, 'network')),
      ),
    );
    for (let i = 1; i < values.length; i++) {
      expect((values[i] as number) - (values[i - 1] as number)).toBeGreaterThan(MIN_RISE);
    }
    expect(values[0]).toBeLessThan(0.01);
  });

  it('generateNetwork(holme-kim) keeps the edge count of barabasi-albert at any triad', () => {
    const network = generateNetwork({ type: 'holme-kim', nodes: 2000, m: 5, triad: 1 }, createStream(4));
    expect(network.edgeCount).toBe(15 + (2000 - 6) * 5);
  });
});
