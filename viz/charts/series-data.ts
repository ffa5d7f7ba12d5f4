/**
 * Display data derived from one run or a batch: pure functions over typed arrays, no DOM. The charts
 * draw these; tests snapshot them for fixed seeds.
 */
import { cascadeSizeDistribution, type Trace } from '../../engine/index.js';
import type { FirstReach } from '../replay/replay-cursor.js';

/** Number of whole days a chart covers: the horizon, or the last event when later. */
export function dayCount(reachedTime: Float64Array, horizon: number): number {
  let last = 0;
  for (let i = 0; i < reachedTime.length; i++) {
    const t = reachedTime[i] as number;
    if (t !== Number.POSITIVE_INFINITY && t > last) last = t;
  }
  return Math.max(1, Math.ceil(Math.max(horizon, last)) + 1);
}

/** People reached by the end of each day d (reachedTime ≤ d), for d = 0..days-1. O(n + days). */
export function reachCurve(
  reachedTime: Float64Array,
  days: number,
  out = new Float64Array(days),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < reachedTime.length; i++) {
    const t = reachedTime[i] as number;
    if (t === Number.POSITIVE_INFINITY) continue;
    const d = Math.min(days - 1, Math.max(0, Math.ceil(t)));
    out[d] = (out[d] as number) + 1;
  }
  for (let d = 1; d < days; d++) out[d] = (out[d] as number) + (out[d - 1] as number);
  return out;
}

/** New people reached on each day (the first differences of {@link reachCurve}). */
export function newPerDay(curve: Float64Array): Float64Array {
  const out = new Float64Array(curve.length);
  for (let d = 0; d < curve.length; d++)
    out[d] = (curve[d] as number) - (d > 0 ? (curve[d - 1] as number) : 0);
  return out;
}

/** Cumulative reach by channel: for each channel, people whose first event came through it. */
export interface ChannelCurves {
  channels: string[];
  /** One curve per channel, each of length `days`. */
  curves: Float64Array[];
}

/**
 * Splits reach by the channel of each person's first state-entering event in the trace (a person is
 * reached once, by whatever reached them first). Events whose kind is not a state name are ignored.
 */
export function reachByChannel(
  trace: Trace,
  stateNames: readonly string[],
  nodeCount: number,
  days: number,
): ChannelCurves {
  const isStateKind = trace.kindNames.map((name) => stateNames.indexOf(name) > 0);
  const seen = new Uint8Array(nodeCount);
  const curves = trace.channelNames.map(() => new Float64Array(days));
  for (let i = 0; i < trace.length; i++) {
    if (!isStateKind[trace.kind[i] as number]) continue;
    const u = trace.person[i] as number;
    if (seen[u] === 1) continue;
    seen[u] = 1;
    const d = Math.min(days - 1, Math.max(0, Math.ceil(trace.time[i] as number)));
    const curve = curves[trace.channel[i] as number] as Float64Array;
    curve[d] = (curve[d] as number) + 1;
  }
  for (const curve of curves)
    for (let d = 1; d < days; d++) curve[d] = (curve[d] as number) + (curve[d - 1] as number);
  return { channels: [...trace.channelNames], curves };
}

/**
 * {@link reachByChannel} from each person's first reach (see firstReach, which credits the same first
 * state-entering event): O(n + days) instead of O(events).
 */
export function reachByChannelOf(
  reach: FirstReach,
  channelNames: readonly string[],
  days: number,
): ChannelCurves {
  const curves = channelNames.map(() => new Float64Array(days));
  const { time, channel } = reach;
  for (let u = 0; u < channel.length; u++) {
    const c = channel[u] as number;
    if (c < 0) continue;
    const d = Math.min(days - 1, Math.max(0, Math.ceil(time[u] as number)));
    const curve = curves[c] as Float64Array;
    curve[d] = (curve[d] as number) + 1;
  }
  for (const curve of curves)
    for (let d = 1; d < days; d++) curve[d] = (curve[d] as number) + (curve[d - 1] as number);
  return { channels: [...channelNames], curves };
}

/** Mean and 5–95% band of many curves per day. */
export interface Band {
  mean: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/** Per-day mean, 5% and 95% quantiles (linear interpolation) of `runs` curves stored row-major. */
export function quantileBand(curves: Float64Array, runs: number, days: number): Band {
  const mean = new Float64Array(days);
  const low = new Float64Array(days);
  const high = new Float64Array(days);
  const column = new Float64Array(runs);
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const v = curves[r * days + d] as number;
      column[r] = v;
      sum += v;
    }
    column.sort();
    mean[d] = runs > 0 ? sum / runs : 0;
    low[d] = quantile(column, 0.05);
    high[d] = quantile(column, 0.95);
  }
  return { mean, low, high };
}

/** The q-quantile of sorted values, interpolating linearly between order statistics. */
export function quantile(sorted: Float64Array, q: number): number {
  // d3's quantileSorted computes the same (type 7) but is typed for plain arrays; this runs per day
  // on a reused Float64Array column, so it stays allocation-free here.
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const lo = sorted[below] as number;
  return lo + ((sorted[above] as number) - lo) * (position - below);
}

/** Points of the complementary CDF P(size ≥ s) over the distinct sizes s, for a log-log plot. */
export function ccdf(sizes: Float64Array): { size: number; probability: number }[] {
  return cascadeSizeDistribution(sizes).ccdf.map((point) => ({
    size: point.size,
    probability: point.fraction,
  }));
}

/**
 * Drops the flat tail of `runs` curves of `days` values each (row-major): keeps the days up to one after
 * the last change in any curve, so a horizon of 1000 generations does not squeeze a cascade that ended
 * in 30. Returns the kept day count and the trimmed curves (the input when nothing is dropped).
 */
export function trimFlatTail(
  curves: Float64Array,
  runs: number,
  days: number,
): { days: number; curves: Float64Array } {
  let last = 0;
  for (let r = 0; r < runs; r++) {
    const row = r * days;
    for (let d = days - 1; d > last; d--) {
      if (curves[row + d] !== curves[row + d - 1]) {
        last = d;
        break;
      }
    }
  }
  const kept = Math.min(days, last + 2);
  if (kept === days) return { days, curves };
  const out = new Float64Array(runs * kept);
  for (let r = 0; r < runs; r++) out.set(curves.subarray(r * days, r * days + kept), r * kept);
  return { days: kept, curves: out };
}
