/**
 * The bookkeeping half of the SIR kernel (engine/models/sir.ts). Recoveries change nobody else's
 * future, so the kernel does not queue them: it logs each infection (person, time, drawn recovery
 * time) in order, and {@link replaySirEvents} afterwards merges the infections with the sorted
 * recoveries within the horizon into the daily series, the exact peak of infected people and, when
 * asked, the trace.
 *
 * Layout: the log is three parallel growable arrays indexed by infection order (person Int32Array,
 * time and recoveryTime Float64Array); infection times are non-decreasing.
 */
import { finishSeries } from '../simulation/series.js';
import { sortByTime } from '../simulation/sort-by-time.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { TimeSeries, Trace } from '../simulation/types.js';
import { advanceDays, closeDays, createDailySeries } from './daily-series.js';

/** States, trace kinds and trace channels of the SIR model. */
export const SIR_STATES = ['susceptible', 'infected', 'recovered'] as const;
/** Trace kinds: entering `infected`, entering `recovered`. */
export const SIR_KINDS = ['infected', 'recovered'] as const;
/** Trace channels: seed infections, peer transmissions, spontaneous recoveries. */
export const SIR_CHANNELS = ['seed', 'peer', 'self'] as const;

const SUSCEPTIBLE = 0;
const INFECTED = 1;
const RECOVERED = 2;

/** The infections of a run in order (arrays grown by doubling; `count` entries used). */
export interface InfectionLog {
  person: Int32Array;
  time: Float64Array;
  recoveryTime: Float64Array;
  count: number;
}

/** An empty log with room for 1024 infections. */
export function createInfectionLog(): InfectionLog {
  return {
    person: new Int32Array(1024),
    time: new Float64Array(1024),
    recoveryTime: new Float64Array(1024),
    count: 0,
  };
}

/** Appends an infection of `person` at `time` that recovers at `recoveryTime`. Amortised O(1). */
export function logInfection(log: InfectionLog, person: number, time: number, recoveryTime: number): void {
  const k = log.count++;
  if (k === log.person.length) growInfectionLog(log);
  log.person[k] = person;
  log.time[k] = time;
  log.recoveryTime[k] = recoveryTime;
}

function growInfectionLog(log: InfectionLog): void {
  const size = log.person.length * 2;
  const person = new Int32Array(size);
  person.set(log.person);
  const time = new Float64Array(size);
  time.set(log.time);
  const recoveryTime = new Float64Array(size);
  recoveryTime.set(log.recoveryTime);
  log.person = person;
  log.time = time;
  log.recoveryTime = recoveryTime;
}

/** What the replay of a finished run yields. */
export interface SirReplay {
  series: TimeSeries;
  peakInfected: number;
  peakTime: number;
  recoveries: number;
  trace: Trace | null;
}

/**
 * Merges the infections (already in order) with the recoveries within the horizon (sorted) into the
 * daily series, the exact peak and, when asked, the trace (`parent` gives each infector). At equal
 * times infections come first, and recoveries in infection order. O(events) plus the sort.
 */
export function replaySirEvents(
  log: InfectionLog,
  horizon: number,
  nodeCount: number,
  parent: Int32Array,
  shouldTrace: boolean,
): SirReplay {
  const reach = log.count;
  const infectedTime = log.time;
  let recoveries = 0;
  const pendingTimes = new Float64Array(reach);
  const pendingIndex = new Int32Array(reach);
  for (let i = 0; i < reach; i++) {
    const r = log.recoveryTime[i] as number;
    if (r <= horizon) {
      pendingTimes[recoveries] = r;
      pendingIndex[recoveries] = i;
      recoveries++;
    }
  }
  const sorted = sortByTime(pendingTimes, pendingIndex, recoveries);
  const recoveryAt = sorted.times;
  const recoveryIndex = sorted.payload;
  const trace = shouldTrace ? createTrace(SIR_KINDS, SIR_CHANNELS, reach + recoveries) : null;
  const series = createDailySeries(SIR_STATES, nodeCount);
  const counts = series.counts;
  let infected = 0;
  let peakInfected = 0;
  let peakTime = 0;
  let i = 0;
  let j = 0;
  while (i < reach || j < recoveries) {
    const infectionAt = i < reach ? (infectedTime[i] as number) : Number.POSITIVE_INFINITY;
    if (j === recoveries || infectionAt <= (recoveryAt[j] as number)) {
      if (infectionAt > series.nextDay) advanceDays(series, infectionAt);
      infected++;
      i++;
      counts[SUSCEPTIBLE] = nodeCount - i;
      counts[INFECTED] = infected;
      series.reachedSinceRow++;
      if (infected > peakInfected) {
        peakInfected = infected;
        peakTime = infectionAt;
      }
      if (trace !== null) {
        const u = log.person[i - 1] as number;
        const source = parent[u] as number;
        recordEvent(trace, infectionAt, 0, u, source, source < 0 ? 0 : 1);
      }
    } else {
      const at = recoveryAt[j] as number;
      if (at > series.nextDay) advanceDays(series, at);
      infected--;
      j++;
      counts[INFECTED] = infected;
      counts[RECOVERED] = j;
      if (trace !== null)
        recordEvent(trace, at, 1, log.person[recoveryIndex[j - 1] as number] as number, -1, 2);
    }
  }
  series.lastTime = Math.max(
    reach > 0 ? (infectedTime[reach - 1] as number) : 0,
    recoveries > 0 ? (recoveryAt[recoveries - 1] as number) : 0,
  );
  closeDays(series);
  return {
    series: finishSeries(series.builder),
    peakInfected,
    peakTime,
    recoveries,
    trace: trace === null ? null : trimTrace(trace),
  };
}
