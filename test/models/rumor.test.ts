import { describe, expect, it } from 'vitest';
import { runModel } from '../../engine/models/run-model.js';
import { complete, fromEdges, meanAndSd, runStreams } from './networks.js';

describe('runModel (rumor)', () => {
  // THEORY.md: in a well-mixed population the fraction who never hear tends to −W₀(−2e⁻²)/2 = 0.2032,
  // with variance about 0.273/n per run: sd 0.0117 at n = 2,000, so 12 runs give SE 0.0034; the
  // issue's 0.02 bound is about 4 SE plus a small finite-size bias.
  it('runModel(complete n = 2,000) leaves 0.2032 of people ignorant on average', () => {
    const N = 2000;
    const RUNS = 12;
    const EXPECTED = 0.20318787;
    const TOLERANCE = 0.02;
    const network = complete(N);
    const ignorant: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(
        network,
        { type: 'rumor', contactRate: 1 },
        Int32Array.of(r),
        runStreams(41, r),
        {
          horizon: Number.POSITIVE_INFINITY,
          shouldTrace: false,
        },
      );
      ignorant.push((result.metrics['neverHeard'] as number) / N);
      expect(result.finalCounts[1]).toBe(0);
    }
    expect(Math.abs(meanAndSd(ignorant).mean - EXPECTED)).toBeLessThan(TOLERANCE);
  });

  it('runModel(two people) ends with both stiflers after one telling and two stiflings', () => {
    const pair = fromEdges(2, [[0, 1]]);
    const result = runModel(pair, { type: 'rumor', contactRate: 1 }, Int32Array.of(0), runStreams(42, 0), {
      horizon: Number.POSITIVE_INFINITY,
      shouldTrace: true,
    });
    expect(Array.from(result.finalState)).toEqual([2, 2]);
    expect(result.metrics['contacts']).toBe(3);
    expect(Array.from(result.forest.parent)).toEqual([-1, 0]);
    expect(Array.from(result.trace!.kind.subarray(0, 2))).toEqual([0, 0]);
  });
});
