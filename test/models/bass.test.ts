import { describe, expect, it } from 'vitest';
import { runModel } from '../../engine/models/run-model.js';
import { createStream } from '../../engine/rng.js';
import { complete, runStreams } from './networks.js';

const N = 2000;
const INNOVATION = 0.03;
const IMITATION = 0.38;
const network = complete(N);
const SPEC = { type: 'bass', innovation: INNOVATION, imitation: IMITATION } as const;

describe('runModel (bass)', () => {
  // THEORY.md: on a complete graph the mean follows F(t+1) = F(t) + (p + q·F(t))(1 − F(t)); a finite
  // population sits a few thousandths below. Per-run sd of F(t) is at most about 0.015 at n = 2,000,
  // so 8 runs give a standard error near 0.005: 0.02 is the bound and about 4 SE.
  it('runModel(complete n = 2,000) follows the discrete Bass recursion within 0.02 every day', () => {
    const RUNS = 8;
    const DAYS = 25;
    const TOLERANCE = 0.02;
    const mean = new Float64Array(DAYS + 1);
    for (let r = 0; r < RUNS; r++) {
      const result = runModel(network, SPEC, new Int32Array(0), runStreams(31, r), {
        horizon: DAYS,
        shouldTrace: false,
      });
      const adopted = result.series.columns['adopted']!;
      for (let d = 0; d <= DAYS; d++)
        mean[d] = (mean[d] as number) + (adopted[Math.min(d, adopted.length - 1)] as number) / N / RUNS;
    }
    let f = 0;
    for (let d = 0; d <= DAYS; d++) {
      expect(Math.abs((mean[d] as number) - f), `day ${d}`).toBeLessThan(TOLERANCE);
      f += (INNOVATION + IMITATION * f) * (1 - f);
    }
  });

  it('runModel(bass) with another attribution stream gives the same adoptions and only other parents', () => {
    const base = runStreams(32, 0);
    const other = (purpose: string) =>
      purpose === 'attribution' ? createStream(99, purpose) : base(purpose);
    const options = { horizon: 15, shouldTrace: false };
    const a = runModel(network, SPEC, new Int32Array(0), base, options);
    const b = runModel(network, SPEC, new Int32Array(0), other, options);
    expect(b.finalState).toEqual(a.finalState);
    expect(b.series).toEqual(a.series);
    expect(b.forest.reachedTime).toEqual(a.forest.reachedTime);
    expect(b.forest.parent).not.toEqual(a.forest.parent);
    // Every peer adopter's parent adopted on an earlier day.
    for (let v = 0; v < N; v++) {
      const parent = b.forest.parent[v] as number;
      if (parent >= 0) expect(b.forest.reachedTime[parent]).toBeLessThan(b.forest.reachedTime[v] as number);
    }
    expect((a.metrics['mediaAdoptions'] as number) + (a.metrics['peerAdoptions'] as number)).toBe(
      a.metrics['reach'],
    );
  });
});
