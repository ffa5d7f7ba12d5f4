/**
 * Continuous-time Markov SIR on a network, simulated exactly (event-driven, after EoN's `fast_SIR`;
 * Kiss, Miller & Simon 2017, ch. 4 and appendix A).
 *
 * Semantics: states susceptible, infected, recovered. The seeds are infected at time 0. An infected
 * person transmits along each out-arc at rate `transmissionRate` (β) per day and recovers at rate
 * `recoveryRate` (γ) per day; a transmission to a susceptible person infects them, to anyone else it
 * does nothing. Recovered people stay recovered. The run ends when no infection remains or at
 * `horizon` days (events after it are not applied).
 *
 * Exact algorithm: when u is infected at t, draw its recovery time r = t + Exp(γ) first (stream
 * 'recovery'). Each out-arc then carries an independent Exp(β) clock and transmits at t + τ if
 * τ < w = r − t. The arcs that transmit and their delays come from one exponential draw per
 * transmitting arc (stream 'transmission'): with X = E / (β·w), E ~ Exp(1), the number of arcs
 * skipped, ⌊X⌋, is geometric with success chance 1 − e^{−β·w}, and the fractional part is
 * independent of it with density ∝ e^{−β·w·x} on [0, 1), so τ = w·(X − ⌊X⌋) is Exp(β) truncated to
 * [0, w): exactly the delay of a transmitting arc. The infection of the target v at t + τ is queued
 * only if it comes before v's currently predicted infection (so nothing is queued for people already
 * infected); superseded queue entries are dropped when popped. Infections pop in (time, person)
 * order: the seeds in index order at time 0; other ties have probability zero.
 *
 * Recoveries change nobody else's future (u's transmissions are all drawn at its infection), so they
 * are not queued: the loop records each infection's time and recovery time, and a replay afterwards
 * merges the infections with the sorted recoveries into the daily series, the exact peak and the
 * trace (at equal times infections first, recoveries in infection order). This halves the queue work.
 *
 * Random resolution: each Exp(1) variate is −log(1 − U) with U from {@link uniformFine}: one 32-bit
 * draw, refined with a second draw (to 53 bits, as `uniform53`) when U falls in the outer 2⁻¹¹ at
 * either end. Every threshold probability x ≥ 2⁻³² (of U < x or of U ≥ 1 − x) is then realised with
 * a relative error below 2⁻²¹, the same worst case as a plain 53-bit uniform, so long recoveries,
 * long skips over a hub's arcs and short windows keep their exact tails, at 1.001 draws per variate.
 *
 * Data layout: the forest's `reachedTime` holds each susceptible person's predicted infection time
 * (+Infinity when none), then their infection time; `parent` and `generation` hold the predicted
 * infector until the infection happens. Every queued infection lies within the horizon, so the queue
 * drains and no prediction outlives the run.
 *
 * Metrics: `reach` (ever infected, seeds included), `peakInfected`, `peakTime` (first time the peak
 * is reached, days), `events` (infections and recoveries applied).
 */
import type { Network } from '../network/network.js';
import type { Rng } from '../rng.js';
import { createKeyedEventHeap, popKeyed, pushKeyed } from '../simulation/event-queue.js';
import { createForest, distinctSeeds, finishSeries } from '../simulation/series.js';
import { sortByTime } from '../simulation/sort-by-time.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { RunResult, TimeSeries, Trace } from '../simulation/types.js';
import { advanceDays, closeDays, createDailySeries } from './daily-series.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';

/** States of the SIR model. */
export const SIR_STATES = ['susceptible', 'infected', 'recovered'] as const;
/** Trace kinds: entering `infected`, entering `recovered`. */
export const SIR_KINDS = ['infected', 'recovered'] as const;
/** Trace channels: seed infections, peer transmissions, spontaneous recoveries. */
export const SIR_CHANNELS = ['seed', 'peer', 'self'] as const;

const SUSCEPTIBLE = 0;
const INFECTED = 1;
const RECOVERED = 2;

/** U is refined when it lies below FINE_LOW or at or above FINE_HIGH. */
const FINE_LOW = 2 ** -11;
const FINE_HIGH = 1 - 2 ** -11;
const TWO_POW_MINUS_53 = 2 ** -53;

/** The SIR part of a model spec (rates per day). */
export interface SirParameters {
  transmissionRate: number;
  recoveryRate: number;
}

/**
 * A uniform in [0, 1): one 32-bit draw, plus a second for 21 more bits (exactly `uniform53`'s
 * construction) when the first lies within 2⁻¹¹ of either end, where a log sees its tail.
 */
function uniformFine(rng: Rng): number {
  const a = rng();
  if (a >= FINE_LOW && a < FINE_HIGH) return a;
  return a + ((rng() * 0x200000) | 0) * TWO_POW_MINUS_53;
}

/** The infections of a run in order (arrays grown by doubling; `count` entries used). */
interface InfectionLog {
  person: Int32Array;
  time: Float64Array;
  recoveryTime: Float64Array;
  count: number;
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
interface SirReplay {
  series: TimeSeries;
  peakInfected: number;
  peakTime: number;
  recoveries: number;
  trace: Trace | null;
}

/**
 * Merges the infections (already in order) with the recoveries within the horizon (sorted) into the
 * daily series, the exact peak and, when asked, the trace. O(events) plus the sort.
 */
function replayEvents(
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

/**
 * Runs SIR from `seeds` (duplicates ignored). Time O(infections · log queue + transmissions) (arcs
 * that do not transmit are skipped in O(1)); about one uniform per infection, per recovery and per
 * transmission; allocates O(n) plus O(reach).
 */
export function runSir(
  network: Network,
  parameters: SirParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  // beta = transmissionRate, gamma = recoveryRate (kernel locals).
  const beta = parameters.transmissionRate;
  const gamma = parameters.recoveryRate;
  const horizon = options.horizon;
  const transmissionRng = streams('transmission');
  const recoveryRng = streams('recovery');
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = new Uint8Array(n);
  const forest = createForest(n);
  const parent = forest.parent;
  const generation = forest.generation;
  const reachedTime = forest.reachedTime;
  const heap = createKeyedEventHeap(Math.max(1024, seeds.length * 4));
  const uniqueSeeds = distinctSeeds(seeds);
  for (let i = 0; i < uniqueSeeds.length; i++) {
    const s = uniqueSeeds[i] as number;
    reachedTime[s] = 0;
    generation[s] = 0;
    pushKeyed(heap, 0, s);
  }
  const log: InfectionLog = {
    person: new Int32Array(1024),
    time: new Float64Array(1024),
    recoveryTime: new Float64Array(1024),
    count: 0,
  };
  while (heap.size > 0) {
    const entries = heap.entries;
    const t = entries[0] as number;
    const u = entries[1] as number;
    popKeyed(heap);
    if (t !== reachedTime[u]) continue; // superseded by an earlier infection of u
    // Recovery first, then the transmissions that beat it.
    const window = -Math.log(1 - uniformFine(recoveryRng)) / gamma;
    const recoveryTime = t + window;
    // The final state: every recovery within the horizon will be applied.
    state[u] = recoveryTime <= horizon ? RECOVERED : INFECTED;
    const k = log.count++;
    if (k === log.person.length) growInfectionLog(log);
    log.person[k] = u;
    log.time[k] = t;
    log.recoveryTime[k] = recoveryTime;
    const rate = beta * window; // expected transmissions per arc, and arcs skipped per unit of Exp(1)
    if (!(rate > 0)) continue;
    const first = offsets[u] as number;
    const degree = (offsets[u + 1] as number) - first;
    let x = -Math.log(1 - uniformFine(transmissionRng)) / rate;
    if (!(x < degree)) continue;
    const childGeneration = (generation[u] as number) + 1;
    let e = 0;
    while (x < degree - e) {
      const skipped = Math.floor(x);
      e += skipped;
      const at = t + (x - skipped) * window;
      const v = targets[first + e] as number;
      // A person already infected has reachedTime ≤ t ≤ at, so this also filters them out.
      if (at < (reachedTime[v] as number) && at <= horizon) {
        reachedTime[v] = at;
        parent[v] = u;
        generation[v] = childGeneration;
        pushKeyed(heap, at, v);
      }
      e++;
      x = -Math.log(1 - uniformFine(transmissionRng)) / rate;
    }
  }
  const reach = log.count;
  const replay = replayEvents(log, horizon, n, parent, options.shouldTrace);
  return {
    model: 'sir',
    stateNames: SIR_STATES,
    finalState: state,
    finalCounts: [n - reach, reach - replay.recoveries, replay.recoveries],
    forest,
    series: replay.series,
    seeds: uniqueSeeds,
    metrics: {
      reach,
      peakInfected: replay.peakInfected,
      peakTime: replay.peakTime,
      events: reach + replay.recoveries,
    },
    trace: replay.trace,
  };
}
