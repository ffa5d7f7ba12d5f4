import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  binomial,
  createStream,
  exponential,
  geometric,
  uniform53,
  uniformInt,
  weightedChoice,
} from '../engine/rng.js';

/** Draws per statistical check: standard errors below 1% of the mean. */
const DRAWS = 200_000;
/** Tolerated multiple of the standard error (a 4σ band practically never fails by chance). */
const Z = 4;

function mean(draw: () => number, count = DRAWS): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += draw();
  return sum / count;
}

describe('createStream', () => {
  it('createStream(seed, labels) gives the same sequence for the same key and another for another key', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, label) => {
        const a = createStream(seed, 'run', label);
        const b = createStream(seed, 'run', label);
        const c = createStream(seed, 'run', `${label}x`);
        const first = [a(), a(), a()];
        expect([b(), b(), b()]).toEqual(first);
        expect([c(), c(), c()]).not.toEqual(first);
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('createStream(seed, run r) never depends on another run: drawing from run 0 leaves run 1 unchanged', () => {
    const untouched = createStream(7, 'run', 1);
    const expected = [untouched(), untouched()];
    const run0 = createStream(7, 'run', 0);
    for (let i = 0; i < 1000; i++) run0();
    const run1 = createStream(7, 'run', 1);
    expect([run1(), run1()]).toEqual(expected);
  });

  it('createStream draws lie in [0, 1) and have mean 1/2', () => {
    const rng = createStream(3);
    let lo = 1;
    let hi = 0;
    const m = mean(() => {
      const x = rng();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      return x;
    });
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(m - 0.5)).toBeLessThan((Z * Math.sqrt(1 / 12)) / Math.sqrt(DRAWS));
  });
});

describe('samplers', () => {
  it('uniform53 keeps resolution below 2^-32', () => {
    const rng = createStream(11);
    let hasFineBits = false;
    for (let i = 0; i < 100 && !hasFineBits; i++) {
      const x = uniform53(rng);
      hasFineBits = (x * 2 ** 32) % 1 !== 0;
    }
    expect(hasFineBits).toBe(true);
  });

  it('uniformInt(rng, n) stays in [0, n) and hits every value', () => {
    const rng = createStream(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = uniformInt(rng, 7);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(7);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
  });

  it('bernoulli(rng, p) has mean p, including tiny p, and is exact at 0 and 1', () => {
    const rng = createStream(12);
    for (const p of [0.3, 0.01]) {
      const m = mean(() => (bernoulli(rng, p) ? 1 : 0));
      expect(Math.abs(m - p)).toBeLessThan((Z * Math.sqrt(p * (1 - p))) / Math.sqrt(DRAWS));
    }
    expect(bernoulli(rng, 0)).toBe(false);
    expect(bernoulli(rng, 1)).toBe(true);
  });

  it('exponential(rng, rate) has mean 1/rate', () => {
    const rng = createStream(13);
    const rate = 2.5;
    const m = mean(() => exponential(rng, rate));
    expect(Math.abs(m - 1 / rate)).toBeLessThan((Z * (1 / rate)) / Math.sqrt(DRAWS));
  });

  it('geometric(rng, p) has mean (1 - p) / p and is 0 at p = 1', () => {
    const rng = createStream(14);
    const p = 0.2;
    const sd = Math.sqrt(1 - p) / p;
    const m = mean(() => geometric(rng, p));
    expect(Math.abs(m - (1 - p) / p)).toBeLessThan((Z * sd) / Math.sqrt(DRAWS));
    expect(geometric(rng, 1)).toBe(0);
  });

  it('binomial(rng, n, p) has mean n·p on both sides of p = 1/2', () => {
    const rng = createStream(15);
    const count = 20_000;
    for (const [n, p] of [
      [50, 0.1],
      [40, 0.8],
    ] as const) {
      const m = mean(() => binomial(rng, n, p), count);
      expect(Math.abs(m - n * p)).toBeLessThan((Z * Math.sqrt(n * p * (1 - p))) / Math.sqrt(count));
    }
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(binomial(rng, 10, 0)).toBe(0);
  });

  it('weightedChoice(rng, cumulative) picks in proportion to the weights and never a zero weight', () => {
    const rng = createStream(16);
    const cumulative = Float64Array.of(1, 1, 4, 10);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < DRAWS; i++) counts[weightedChoice(rng, cumulative)]!++;
    expect(counts[1]).toBe(0);
    const p = 0.6;
    expect(Math.abs((counts[3] as number) / DRAWS - p)).toBeLessThan(
      (Z * Math.sqrt(p * (1 - p))) / Math.sqrt(DRAWS),
    );
  });
});
