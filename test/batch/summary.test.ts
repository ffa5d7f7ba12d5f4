import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cascadeSizeDistribution,
  studentT975,
  summarize,
  summarizeRuns,
} from '../../engine/batch/summary.js';
import { OptionsError } from '../../engine/errors.js';

const FAST_CHECK_SEED = 97;

describe('summarize', () => {
  it('summarize(one value) gives sd 0 and a degenerate interval', () => {
    expect(summarize([5])).toEqual({
      count: 1,
      nanCount: 0,
      mean: 5,
      sd: 0,
      ci95: [5, 5],
      min: 5,
      p5: 5,
      p50: 5,
      p95: 5,
      max: 5,
    });
  });

  it('summarize(two values) uses t with 1 degree of freedom and type-7 quantiles', () => {
    // mean 2, sd √2, half-width 12.706204736·√2/√2; p5 = 1 + 0.05·2, p95 = 1 + 0.95·2.
    const s = summarize([3, 1]);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(s.ci95[0]).toBeCloseTo(2 - 12.706204736, 9);
    expect(s.ci95[1]).toBeCloseTo(2 + 12.706204736, 9);
    expect([s.min, s.p5, s.p50, s.p95, s.max]).toEqual([1, 1.1, 2, 2.9, 3]);
  });

  it('summarize(five values) matches hand-computed mean, sd, interval and quantiles', () => {
    // Deviations −3, −1, −1, 0, 5: squares 36, variance 36/4 = 9, sd 3; t(0.975, 4) = 2.776445105.
    // p5 at rank 0.2 → 2 + 0.2·2 = 2.4; p95 at rank 3.8 → 5 + 0.8·5 = 9.
    const s = summarize(Float64Array.of(10, 4, 2, 5, 4));
    const half = (2.776445105 * 3) / Math.sqrt(5);
    expect(s.mean).toBe(5);
    expect(s.sd).toBe(3);
    expect(s.ci95[0]).toBeCloseTo(5 - half, 12);
    expect(s.ci95[1]).toBeCloseTo(5 + half, 12);
    expect(s.min).toBe(2);
    expect(s.p5).toBeCloseTo(2.4, 14);
    expect(s.p50).toBe(4);
    expect(s.p95).toBeCloseTo(9, 14);
    expect(s.max).toBe(10);
  });

  it('summarize leaves NaN out, counts it, and never turns it into 0', () => {
    const s = summarize([1, Number.NaN, 3]);
    expect(s).toEqual({ ...summarize([1, 3]), nanCount: 1 });
    const none = summarize([Number.NaN, Number.NaN]);
    expect(none.count).toBe(0);
    expect(none.nanCount).toBe(2);
    expect(none.mean).toBeNaN();
    expect(none.p50).toBeNaN();
    expect(summarize([]).mean).toBeNaN();
  });
});

describe('studentT975', () => {
  it('studentT975 matches scipy in the table and beyond it', () => {
    // scipy.stats.t.ppf(0.975, df)
    expect(studentT975(1)).toBe(12.706204736);
    expect(studentT975(30)).toBe(2.042272456);
    expect(studentT975(31)).toBeCloseTo(2.039513446396408, 7);
    expect(studentT975(40)).toBeCloseTo(2.021075390306273, 7);
    expect(studentT975(100)).toBeCloseTo(1.9839715185235518, 9);
    expect(studentT975(1000)).toBeCloseTo(1.9623390808264083, 12);
    expect(() => studentT975(0)).toThrow(OptionsError);
  });
});

describe('summarizeRuns', () => {
  it('summarizeRuns keeps the first run’s key order and treats a missing metric as NaN', () => {
    const out = summarizeRuns([
      { b: 1, a: 2 },
      { a: 4, c: 5, b: 3 },
    ]);
    expect(Object.keys(out)).toEqual(['b', 'a', 'c']);
    expect(out['b']!.mean).toBe(2);
    expect(out['a']!.mean).toBe(3);
    expect(out['c']).toMatchObject({ count: 1, nanCount: 1, mean: 5 });
  });
});

describe('cascadeSizeDistribution', () => {
  it('cascadeSizeDistribution bins sizes by powers of 2 and lists the ccdf at each distinct size', () => {
    const { histogram, ccdf } = cascadeSizeDistribution([1, 1, 2, 3, 5, 8, 0]);
    expect(histogram.map(({ lower, upper, count }) => [lower, upper, count])).toEqual([
      [0, 1, 1],
      [1, 2, 2],
      [2, 4, 2],
      [4, 8, 1],
      [8, 16, 1],
    ]);
    expect(histogram[2]!.density).toBeCloseTo(2 / (7 * 2), 14);
    expect(ccdf).toEqual([
      { size: 0, fraction: 1 },
      { size: 1, fraction: 6 / 7 },
      { size: 2, fraction: 4 / 7 },
      { size: 3, fraction: 3 / 7 },
      { size: 5, fraction: 2 / 7 },
      { size: 8, fraction: 1 / 7 },
    ]);
  });

  it('cascadeSizeDistribution lists empty bins between the smallest and the largest size', () => {
    const { histogram } = cascadeSizeDistribution([1, 40]);
    expect(histogram.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(histogram.at(-1)).toMatchObject({ lower: 32, upper: 64 });
  });

  it('cascadeSizeDistribution rejects a negative or NaN size', () => {
    expect(() => cascadeSizeDistribution([3, -1])).toThrow('sizes[1]: expected a finite number >= 0, got -1');
    expect(() => cascadeSizeDistribution([Number.NaN])).toThrow(OptionsError);
    expect(cascadeSizeDistribution([])).toEqual({ histogram: [], ccdf: [] });
  });

  it('cascadeSizeDistribution: the ccdf starts at 1, never rises, and the bins hold every run', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }), (sizes) => {
        const { histogram, ccdf } = cascadeSizeDistribution(sizes);
        expect(ccdf[0]!.fraction).toBe(1);
        expect(ccdf[0]!.size).toBe(Math.min(...sizes));
        for (let i = 1; i < ccdf.length; i++) {
          expect(ccdf[i]!.fraction).toBeLessThan(ccdf[i - 1]!.fraction);
          expect(ccdf[i]!.size).toBeGreaterThan(ccdf[i - 1]!.size);
        }
        expect(histogram.reduce((total, bin) => total + bin.count, 0)).toBe(sizes.length);
        for (const size of sizes) {
          const bin = histogram.find((b) => size >= b.lower && size < b.upper);
          expect(bin).toBeDefined();
        }
      }),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });
});
