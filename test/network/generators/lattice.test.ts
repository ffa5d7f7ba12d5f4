import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { createStream } from '../../../engine/rng.js';
import { averageClustering, outDegrees } from './graph-checks.js';

describe('generateNetwork watts-strogatz', () => {
  it('generateNetwork(watts-strogatz, beta 0) has clustering exactly 3(k − 2)/(4(k − 1))', () => {
    for (const k of [4, 6, 10]) {
      const network = generateNetwork({ type: 'watts-strogatz', nodes: 500, k, beta: 0 }, createStream(1));
      expect(averageClustering(network)).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 12);
      expect(new Set(outDegrees(network))).toEqual(new Set([k]));
    }
  });

  it('generateNetwork(watts-strogatz) clustering falls as beta rises and keeps n·k/2 edges', () => {
    // Theory (Barrat & Weigt 2000): C(beta) ≈ C(0)·(1 − beta)³ = 0.6, 0.582, 0.437, 0.206, 0 at
    // k = 6; on 5,000 people the spread between runs is below 0.005, so compare within ABSOLUTE.
    const ABSOLUTE = 0.02;
    const betas = [0, 0.01, 0.1, 0.3, 1];
    const values = betas.map((beta) => {
      const network = generateNetwork({ type: 'watts-strogatz', nodes: 5000, k: 6, beta }, createStream(2));
      expect(network.edgeCount).toBe(15_000);
      return averageClustering(network);
    });
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1] as number);
    betas.forEach((beta, i) => {
      expect(Math.abs((values[i] as number) - 0.6 * (1 - beta) ** 3)).toBeLessThan(ABSOLUTE);
    });
  });
});

describe('generateNetwork ring and complete', () => {
  it('generateNetwork(ring) links each person to k/2 neighbours on each side (default k = 2)', () => {
    const ring = generateNetwork({ type: 'ring', nodes: 5 }, createStream(1));
    expect(ring.edgeCount).toBe(5);
    expect(Array.from(ring.outTargets.subarray(ring.outOffsets[0], ring.outOffsets[1]))).toEqual([1, 4]);
    const wide = generateNetwork({ type: 'ring', nodes: 9, k: 4 }, createStream(1));
    expect(Array.from(wide.outTargets.subarray(wide.outOffsets[0], wide.outOffsets[1]))).toEqual([
      1, 2, 7, 8,
    ]);
  });

  it('generateNetwork(complete) links every pair, both ways when directed', () => {
    const complete = generateNetwork({ type: 'complete', nodes: 6 }, createStream(1));
    expect(complete.edgeCount).toBe(15);
    expect(Array.from(complete.outTargets.subarray(complete.outOffsets[2], complete.outOffsets[3]))).toEqual([
      0, 1, 3, 4, 5,
    ]);
    const directed = generateNetwork({ type: 'complete', nodes: 6, directed: true }, createStream(1));
    expect(directed.edgeCount).toBe(30);
    expect(directed.isDirected).toBe(true);
  });
});
