import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../engine/rng.js';
import { sortByTime } from '../../engine/simulation/sort-by-time.js';

/** The reference: a stable sort of (time, payload) pairs by time (Array.prototype.sort is stable). */
function referenceSort(times: readonly number[]): { times: number[]; payload: number[] } {
  const pairs = times.map((time, i) => [time, i] as const).sort((a, b) => a[0] - b[0]);
  return { times: pairs.map((p) => p[0]), payload: pairs.map((p) => p[1]) };
}

function sorted(times: readonly number[]): { times: number[]; payload: number[] } {
  const result = sortByTime(
    Float64Array.from(times),
    Int32Array.from(times, (_, i) => i),
    times.length,
  );
  return {
    times: Array.from(result.times.subarray(0, times.length)),
    payload: Array.from(result.payload.subarray(0, times.length)),
  };
}

describe('sortByTime', () => {
  it('sortByTime(times, payload) sorts stably on the bucket, radix and small paths', () => {
    const rng = createStream(11, 'sort');
    const smooth = Array.from({ length: 5000 }, () => 10 * rng());
    // Heavy tail: most times near 0, a few huge ones, so the buckets are too uneven and radix runs.
    const skewed = Array.from({ length: 5000 }, () => (rng() < 0.001 ? 1e9 * rng() : rng()));
    // Many exact ties, including zeros.
    const tied = Array.from({ length: 3000 }, () => Math.floor(4 * rng()) / 2);
    const small = [3, 0, 2, 2, 1e-300, 0, 7.5];
    for (const times of [smooth, skewed, tied, small]) expect(sorted(times)).toEqual(referenceSort(times));
    expect(sorted([5, 5, 5, 5].concat(Array(100).fill(5)))).toEqual(referenceSort(Array(104).fill(5)));
  });

  it('sortByTime(random non-negative doubles) equals a stable sort by time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: 0, max: 3 }),
          ),
          { maxLength: 400 },
        ),
        (values) => {
          const times = values.map((t) => (Object.is(t, -0) ? 0 : t));
          expect(sorted(times)).toEqual(referenceSort(times));
        },
      ),
      { seed: 8, numRuns: 200 },
    );
  });
});
