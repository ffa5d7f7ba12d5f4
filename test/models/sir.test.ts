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

  // THEORY.md: given that it happens, the transmission delay is min(Exp(β), Exp(γ)) ~ Exp(β + γ).
  it('runModel(two people) infects the second after a delay with mean 1 / (transmissionRate + recoveryRate)', () => {
    const pair = fromEdges(2, [[0, 1]]);
    const RUNS = 6000;
    const BETA = 0.5;
    const GAMMA = 1;
    const EXPECTED_MEAN = 1 / (BETA + GAMMA); // the Exp(β + γ) sd equals its mean
    const MEDIAN = Math.LN2 / (BETA + GAMMA);
    const MULTIPLE = 4;
    const delays: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(
        pair,
        { type: 'sir', transmissionRate: BETA, recoveryRate: GAMMA },
        Int32Array.of(0),
        runStreams(26, r),
        { horizon: FOREVER, shouldTrace: false },
      );
      if (result.metrics['reach'] === 2) delays.push(result.forest.reachedTime[1] as number);
    }
    const count = delays.length;
    const { mean } = meanAndSd(delays);
    expect(Math.abs(mean - EXPECTED_MEAN)).toBeLessThan((MULTIPLE * EXPECTED_MEAN) / Math.sqrt(count));
    const belowMedian = delays.filter((d) => d < MEDIAN).length / count;
    expect(Math.abs(belowMedian - 0.5)).toBeLessThan(MULTIPLE * Math.sqrt(0.25 / count));
  });

  // Hub of degree D = 50 with window w ~ Exp(γ): each leaf is infected with chance p(w) = 1 − e^{−βw}.
  // P(no leaf) = E[e^{−Dβw}] = γ / (γ + Dβ); mean = D·β/(β + γ); Var = D(E p − E p²) + D²(E p² − (E p)²)
  // with E p² = 1 − 2γ/(β + γ) + γ/(2β + γ). This exercises the skipping over a long arc list.
  it('runModel(star, seed at the hub) infects a number of leaves with the mixed-binomial mean and zero-class', () => {
    const D = 50;
    const star = fromEdges(
      D + 1,
      Array.from({ length: D }, (_, i) => [0, i + 1] as const),
    );
    const RUNS = 3000;
    const BETA = 0.2;
    const GAMMA = 1;
    const P1 = BETA / (BETA + GAMMA);
    const P2 = 1 - (2 * GAMMA) / (BETA + GAMMA) + GAMMA / (2 * BETA + GAMMA);
    const EXPECTED_MEAN = D * P1;
    const SD = Math.sqrt(D * (P1 - P2) + D * D * (P2 - P1 * P1));
    const EXPECTED_ZERO = GAMMA / (GAMMA + D * BETA);
    const MULTIPLE = 4;
    const leaves: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(
        star,
        { type: 'sir', transmissionRate: BETA, recoveryRate: GAMMA },
        Int32Array.of(0),
        runStreams(27, r),
        { horizon: FOREVER, shouldTrace: false },
      );
      leaves.push((result.metrics['reach'] as number) - 1);
    }
    const { mean } = meanAndSd(leaves);
    expect(Math.abs(mean - EXPECTED_MEAN)).toBeLessThan((MULTIPLE * SD) / Math.sqrt(RUNS));
    const zero = leaves.filter((k) => k === 0).length / RUNS;
    expect(Math.abs(zero - EXPECTED_ZERO)).toBeLessThan(
      MULTIPLE * Math.sqrt((EXPECTED_ZERO * (1 - EXPECTED_ZERO)) / RUNS),
    );
  });

  it('runModel(sir) gives the same result for the same streams and counts events as infections plus recoveries', () => {
    const network = erdosRenyi(3000, 4, 28);
    const spec = { type: 'sir', transmissionRate: 0.6, recoveryRate: 1 } as const;
    const one = runModel(network, spec, Int32Array.of(5, 6, 7), runStreams(29, 0), {
      horizon: 4.5,
      shouldTrace: true,
    });
    const two = runModel(network, spec, Int32Array.of(7, 6, 5), runStreams(29, 0), {
      horizon: 4.5,
      shouldTrace: true,
    });
    expect(two.forest).toEqual(one.forest);
    expect(two.metrics).toEqual(one.metrics);
    expect(Array.from(two.finalState)).toEqual(Array.from(one.finalState));
    const [, infected, recovered] = one.finalCounts as [number, number, number];
    expect(one.metrics['events']).toBe(one.metrics['reach']! + recovered);
    expect(one.trace!.length).toBe(one.metrics['events']);
    expect(Math.max(...Array.from(one.trace!.time))).toBeLessThanOrEqual(4.5);
    expect(infected).toBe(one.series.columns['infected']!.at(-1));
  });
});
