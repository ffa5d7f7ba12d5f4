import { describe, expect, it } from 'vitest';
import { runModel } from '../../engine/models/run-model.js';
import { createStream } from '../../engine/rng.js';
import { countsFromTrace } from '../../engine/simulation/trace.js';
import { erdosRenyi, fromEdges, meanAndSd, randomPeople, runStreams } from './networks.js';

const FOREVER = Number.POSITIVE_INFINITY;

describe('runModel (sir)', () => {
  // THEORY.md: an infected person infects a given neighbour before recovering with chance β / (β + γ).
  it('runModel(two people) transmits with probability transmissionRate / (transmissionRate + recoveryRate)', () => {
    const pair = fromEdges(2, [[0, 1]]);
    const RUNS = 4000;
    const BETA = 0.5;
    const GAMMA = 1;
    const EXPECTED = BETA / (BETA + GAMMA);
    const SE = Math.sqrt((EXPECTED * (1 - EXPECTED)) / RUNS);
    const MULTIPLE = 4;
    let infected = 0;
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(
        pair,
        { type: 'sir', transmissionRate: BETA, recoveryRate: GAMMA },
        Int32Array.of(0),
        runStreams(21, r),
        {
          horizon: FOREVER,
          shouldTrace: false,
        },
      );
      infected += result.metrics['reach'] === 2 ? 1 : 0;
    }
    expect(Math.abs(infected / RUNS - EXPECTED)).toBeLessThan(MULTIPLE * SE);
  });

  // THEORY.md: final size = bond percolation with T = β / (β + γ): ER c = 4, β = 0.5, γ = 1, ρ = 0.01 → 0.473287.
  it('runModel(Erdős–Rényi n = 20,000) ends with the bond-percolation final size 0.473', () => {
    const N = 20_000;
    const RUNS = 6;
    const EXPECTED = 0.473287;
    const TOLERANCE = 0.012; // 4 SE of the mean (per-run sd about 0.006) plus finite-size bias about 0.003
    const network = erdosRenyi(N, 4, 22);
    const fractions: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const seeds = randomPeople(N, N / 100, createStream(23, 'run', r, 'seeding'));
      const result = runModel(
        network,
        { type: 'sir', transmissionRate: 0.5, recoveryRate: 1 },
        seeds,
        runStreams(23, r),
        {
          horizon: FOREVER,
          shouldTrace: false,
        },
      );
      fractions.push((result.metrics['reach'] as number) / N);
    }
    expect(Math.abs(meanAndSd(fractions).mean - EXPECTED)).toBeLessThan(TOLERANCE);
  });

  it('runModel(sir) keeps S non-increasing and R non-decreasing day by day, and its trace recomputes the series', () => {
    const network = erdosRenyi(2000, 5, 24);
    const result = runModel(
      network,
      { type: 'sir', transmissionRate: 0.4, recoveryRate: 1 },
      Int32Array.of(1, 2, 3),
      runStreams(25, 0),
      {
        horizon: FOREVER,
        shouldTrace: true,
      },
    );
    const s = result.series.columns['susceptible']!;
    const rec = result.series.columns['recovered']!;
    for (let d = 1; d < s.length; d++) {
      expect(s[d]).toBeLessThanOrEqual(s[d - 1] as number);
      expect(rec[d]).toBeGreaterThanOrEqual(rec[d - 1] as number);
    }
    const replay = countsFromTrace(result.trace!, result.stateNames, 2000, result.series.time);
    expect(replay.columns).toEqual(result.series.columns);
    expect(result.finalCounts).toEqual([s.at(-1), result.series.columns['infected']!.at(-1), rec.at(-1)]);
    // The daily samples never exceed the exact peak, which the event loop tracks between samples.
    expect(result.metrics['peakInfected']).toBeGreaterThanOrEqual(
      Math.max(...result.series.columns['infected']!),
    );
  });
});
