/**
 * Helpers every model uses to build its {@link RunResult}: an empty cascade forest, a growable time
 * series (one row per day or generation: the count of each state plus `newActivations`), and final
 * state counts.
 *
 * Series layout: `columns[s]` (Float64Array, capacity) holds the count of state s per row, column
 * `stateCount` holds `newActivations` (people reached for the first time in the row's interval);
 * capacity doubles when full, so appending allocates nothing in the steady state.
 */
import type { CascadeForest, TimeSeries } from './types.js';

/**
 * An empty forest for n people: parent -1, generation -1, reachedTime +Infinity. Allocates
 * Int32Array(n) ×2 and Float64Array(n).
 */
export function createForest(n: number): CascadeForest {
  return {
    parent: new Int32Array(n).fill(-1),
    generation: new Int32Array(n).fill(-1),
    reachedTime: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
  };
}

/** A time series being built row by row. */
export interface SeriesBuilder {
  readonly stateNames: readonly string[];
  time: Float64Array;
  /** One column per state, then `newActivations`. */
  columns: Float64Array[];
  length: number;
}

/** Creates an empty series for the given states with room for `capacity` rows. */
export function createSeriesBuilder(stateNames: readonly string[], capacity = 64): SeriesBuilder {
  const size = Math.max(8, Math.ceil(capacity));
  const columns: Float64Array[] = [];
  for (let s = 0; s <= stateNames.length; s++) columns.push(new Float64Array(size));
  return { stateNames, time: new Float64Array(size), columns, length: 0 };
}

function growSeries(series: SeriesBuilder): void {
  const size = series.time.length * 2;
  const time = new Float64Array(size);
  time.set(series.time);
  series.time = time;
  for (let s = 0; s < series.columns.length; s++) {
    const column = new Float64Array(size);
    column.set(series.columns[s] as Float64Array);
    series.columns[s] = column;
  }
}

/**
 * Appends a row: at `time`, the state counts `counts` (aligned with the state names) and the number
 * of people reached for the first time since the previous row. Amortised O(states).
 */
export function appendSeriesRow(
  series: SeriesBuilder,
  time: number,
  counts: ArrayLike<number>,
  newActivations: number,
): void {
  if (series.length === series.time.length) growSeries(series);
  const row = series.length++;
  series.time[row] = time;
  const stateCount = series.stateNames.length;
  for (let s = 0; s < stateCount; s++) (series.columns[s] as Float64Array)[row] = counts[s] as number;
  (series.columns[stateCount] as Float64Array)[row] = newActivations;
}

/**
 * The finished series: arrays trimmed to the row count, columns keyed by state name and
 * `newActivations`. Copies the rows, or with `isView` returns views of the builder's arrays (no
 * allocation of buffers; valid while the builder is not appended to again).
 */
export function finishSeries(series: SeriesBuilder, isView = false): TimeSeries {
  const rows = series.length;
  const trim = (array: Float64Array) => (isView ? array.subarray(0, rows) : array.slice(0, rows));
  const columns: Record<string, Float64Array> = {};
  const names = series.stateNames;
  for (let s = 0; s < names.length; s++) {
    columns[names[s] as string] = trim(series.columns[s] as Float64Array);
  }
  columns['newActivations'] = trim(series.columns[names.length] as Float64Array);
  return { time: trim(series.time), columns };
}

/** Number of people in each state code 0..stateCount − 1. O(n). */
export function countStates(state: Uint8Array, stateCount: number): number[] {
  const counts = new Array<number>(stateCount).fill(0);
  for (let u = 0; u < state.length; u++) counts[state[u] as number]!++;
  return counts;
}

/** A sorted copy of the distinct seeds, each in 0..n − 1 (duplicates dropped). O(k log k). */
export function distinctSeeds(seeds: Int32Array): Int32Array {
  const sorted = Int32Array.from(seeds).sort();
  let write = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[write++] = sorted[i] as number;
  }
  return sorted.slice(0, write);
}
