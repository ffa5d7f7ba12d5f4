import { afterEach, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { drawPowerLawDegrees } from '../../../engine/network/generators/configuration.js';
import { powerLawExponent } from '../../../engine/network/stats.js';
import { createStream } from '../../../engine/rng.js';
import { resetWarnings, setWarningSink, warningCount } from '../../../engine/warn.js';

/** Large-n limit of the CSN estimator under P(k) ∝ k^−exponent truncated to [minDegree, maxDegree]. */
function estimatorLimit(exponent: number, minDegree: number, maxDegree: number): number {
  let weight = 0;
  let logSum = 0;
  for (let k = minDegree; k <= maxDegree; k++) {
    const p = k ** -exponent;
    weight += p;
    logSum += p * Math.log(k / (minDegree - 0.5));
  }
  return 1 + weight / logSum;
}

afterEach(() => resetWarnings());

describe('generateNetwork configuration', () => {
  it('drawPowerLawDegrees matches its exponent (MLE within 4 standard errors) with an even sum', () => {
    const NODES = 50_000;
    const EXPONENT = 2.5;
    const MIN_DEGREE = 6;
    const TOLERATED_MULTIPLE = 4;
    const degrees = drawPowerLawDegrees(createStream(31), NODES, EXPONENT, 2, 1000);
    expect(degrees.reduce((a, b) => a + b, 0) % 2).toBe(0);
    expect(Math.min(...degrees)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...degrees)).toBeLessThanOrEqual(1000);
    const tail = degrees.filter((k) => k >= MIN_DEGREE).length;
    const estimate = powerLawExponent(degrees, MIN_DEGREE);
    // Expected: the estimator's own limit under the truncated law (≈ 2.50); SE (α − 1)/√N_tail.
    const expected = estimatorLimit(EXPONENT, MIN_DEGREE, 1000);
    expect(Math.abs(estimate - expected)).toBeLessThan(
      (TOLERATED_MULTIPLE * (estimate - 1)) / Math.sqrt(tail),
    );
    // Share at minDegree: P(2) = 2^−2.5 / Σ k^−2.5, a binomial proportion.
    let weight = 0;
    for (let k = 2; k <= 1000; k++) weight += k ** -EXPONENT;
    const share = 2 ** -EXPONENT / weight;
    const observed = degrees.filter((k) => k === 2).length / NODES;
    expect(Math.abs(observed - share)).toBeLessThan(
      TOLERATED_MULTIPLE * Math.sqrt((share * (1 - share)) / NODES),
    );
  });

  it('generateNetwork(configuration) erases self-loops and repeats, counts them and warns once', () => {
    const messages: string[] = [];
    const previous = setWarningSink((message) => messages.push(message));
    try {
      const spec = {
        type: 'configuration' as const,
        nodes: 20_000,
        exponent: 2.2,
        minDegree: 2,
        maxDegree: 2000,
      };
      const network = generateNetwork(spec, createStream(32, 'network'));
      const drawn = drawPowerLawDegrees(createStream(32, 'network'), 20_000, 2.2, 2, 2000);
      const stubs = drawn.reduce((a, b) => a + b, 0);
      // Every stub pair is an edge, a self-loop or a repeat.
      expect(network.edgeCount + network.selfLoopsDropped + network.duplicatesDropped).toBe(stubs / 2);
      expect(network.selfLoopsDropped + network.duplicatesDropped).toBeGreaterThan(0);
      expect(warningCount()).toBe(1);
      expect(messages[0]).toContain('stub matching');
    } finally {
      setWarningSink(previous);
    }
  });

  it('generateNetwork(configuration, minDegree = maxDegree) gives a near-regular graph', () => {
    const network = generateNetwork(
      { type: 'configuration', nodes: 1000, exponent: 3, minDegree: 3, maxDegree: 3 },
      createStream(2),
    );
    const lost = network.selfLoopsDropped + network.duplicatesDropped;
    expect(network.edgeCount).toBe(1500 - lost);
  });
});
