import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/index.js';
import {
  ccdf,
  dayCount,
  newPerDay,
  quantile,
  quantileBand,
  reachByChannel,
  reachCurve,
  trimFlatTail,
} from '../../viz/charts/series-data.js';
import { KARATE_IC, runView } from './helpers.js';

const INF = Number.POSITIVE_INFINITY;

function traceOf(events: [number, number, number][], kindNames: string[], channelNames: string[]): Trace {
  return {
    time: Float64Array.from(events, (e) => e[0]),
    kind: Uint8Array.from(events, (e) => e[1]),
    person: Int32Array.from(events, (_, i) => i),
    source: new Int32Array(events.length).fill(-1),
    channel: Uint8Array.from(events, (e) => e[2]),
    length: events.length,
    kindNames,
    channelNames,
  };
}

describe('series data', () => {
  it('reachCurve(reachedTime, days) counts people reached by the end of each day', () => {
    const reached = Float64Array.from([0, 0.5, 1, 2.2, INF, 7]);
    expect(Array.from(reachCurve(reached, 4))).toEqual([1, 3, 3, 5]);
    expect(Array.from(newPerDay(reachCurve(reached, 4)))).toEqual([1, 2, 0, 2]);
    expect(dayCount(reached, 3)).toBe(8);
  });

  it('reachByChannel(trace) credits each person to the channel of their first state-entering event', () => {
    const trace = traceOf(
      [
        [0, 0, 0],
        [0.5, 1, 1],
        [1.5, 0, 1],
        [1.7, 2, 0],
      ],
      ['exposed', 'impression', 'engaged'],
      ['paid', 'earned'],
    );
    const split = reachByChannel(trace, ['unaware', 'exposed', 'engaged'], 4, 3);
    expect(split.channels).toEqual(['paid', 'earned']);
    expect(split.curves.map((c) => Array.from(c))).toEqual([
      [1, 1, 2],
      [0, 0, 1],
    ]);
  });

  it('quantileBand(curves) gives the per-day mean and interpolated 5% and 95% quantiles', () => {
    const runs = 21;
    const curves = new Float64Array(runs * 2);
    for (let r = 0; r < runs; r++) {
      curves[r * 2] = r;
      curves[r * 2 + 1] = 2 * r;
    }
    const band = quantileBand(curves, runs, 2);
    expect(Array.from(band.mean)).toEqual([10, 20]);
    expect(Array.from(band.low)).toEqual([1, 2]);
    expect(Array.from(band.high)).toEqual([19, 38]);
    expect(quantile(Float64Array.from([1, 2]), 0.5)).toBe(1.5);
  });

  it('trimFlatTail(curves) keeps the days up to one after the last change in any run', () => {
    const curves = Float64Array.from([1, 2, 2, 2, 2, 1, 1, 3, 3, 3]);
    const trimmed = trimFlatTail(curves, 2, 5);
    expect(trimmed.days).toBe(4);
    expect(Array.from(trimmed.curves)).toEqual([1, 2, 2, 2, 1, 1, 3, 3]);
    expect(trimFlatTail(Float64Array.from([1, 2]), 1, 2).days).toBe(2);
  });

  it('ccdf(sizes) gives P(size ≥ s) at each distinct size', () => {
    expect(ccdf(Float64Array.from([3, 1, 1, 10]))).toEqual([
      { size: 1, probability: 1 },
      { size: 3, probability: 0.5 },
      { size: 10, probability: 0.25 },
    ]);
  });

  it('reachByChannel(seeded cascade on karate) splits reach into seeds and peers by generation (snapshot)', () => {
    const { result, trace, view } = runView(KARATE_IC);
    const split = reachByChannel(trace, result.stateNames, view.nodeCount, 8);
    const finals = Object.fromEntries(
      split.channels.map((name, i) => [name, Array.from(split.curves[i] ?? [])]),
    );
    expect(Object.values(finals).reduce((a, b) => a + (b[7] ?? 0), 0)).toBe(result.metrics['reach']);
    expect(finals).toMatchSnapshot();
  });
});
