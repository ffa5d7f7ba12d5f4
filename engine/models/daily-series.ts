/**
 * Daily series for the continuous-time models (sir, rumor, competing with spread "sir"): row d holds
 * the state counts after every event with time ≤ d and the people reached for the first time in
 * (d − 1, d]. Events are fed in time order; rows are emitted as the clock passes each whole day.
 * The last row is day ⌈time of the last processed event⌉, so it always equals the final counts.
 */
import { appendSeriesRow, createSeriesBuilder, type SeriesBuilder } from '../simulation/series.js';

/** A day-by-day series fed by an event loop. */
export interface DailySeries {
  builder: SeriesBuilder;
  /** Current count per state, kept up to date by the model (Float64Array, states). */
  counts: Float64Array;
  /** Next day whose row is still to be written. */
  nextDay: number;
  /** People reached since the last row. */
  reachedSinceRow: number;
  /** Time of the last processed event. */
  lastTime: number;
}

/** Creates the series with everyone in state 0. */
export function createDailySeries(stateNames: readonly string[], nodeCount: number): DailySeries {
  const counts = new Float64Array(stateNames.length);
  counts[0] = nodeCount;
  return { builder: createSeriesBuilder(stateNames), counts, nextDay: 0, reachedSinceRow: 0, lastTime: 0 };
}

/** Call before processing an event at `time`: writes the rows of every whole day before it. */
export function advanceDays(series: DailySeries, time: number): void {
  while (series.nextDay < time) {
    appendSeriesRow(series.builder, series.nextDay, series.counts, series.reachedSinceRow);
    series.reachedSinceRow = 0;
    series.nextDay++;
  }
  series.lastTime = time;
}

/** Writes the remaining rows, up to day ⌈time of the last event⌉ (at least day 0). */
export function closeDays(series: DailySeries): void {
  const lastDay = Math.ceil(series.lastTime);
  while (series.nextDay <= lastDay) {
    appendSeriesRow(series.builder, series.nextDay, series.counts, series.reachedSinceRow);
    series.reachedSinceRow = 0;
    series.nextDay++;
  }
}
