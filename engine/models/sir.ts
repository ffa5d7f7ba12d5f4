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
 * 'recovery'). Each out-arc then transmits before r with probability 1 − e^{−β(r − t)}, independently:
 * geometric skipping over u's arcs draws only the successes (stream 'transmission'), and each success
 * to a still-susceptible v gets a time t + τ, τ from Exp(β) truncated to [0, r − t). The infection of
 * v is queued only if it comes before v's currently predicted infection; stale events (v already
 * infected) are dropped when popped. Ties in time pop in push order (the queue's sequence number).
 * Metrics: `reach` (ever infected, seeds included), `peakInfected`, `peakTime` (first time the peak
 * is reached, days), `events` (infections and recoveries applied).
 */
import type { Network } from '../network/network.js';
import { uniform53 } from '../rng.js';
import {
  createEventQueue,
  peekKind,
  peekNode,
  peekSource,
  peekTime,
  popEvent,
  pushEvent,
} from '../simulation/event-queue.js';
import { countStates, createForest, distinctSeeds, finishSeries } from '../simulation/series.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { RunResult } from '../simulation/types.js';
import { advanceDays, closeDays, createDailySeries } from './daily-series.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';

/** States of the SIR model. */
export const SIR_STATES = ['susceptible', 'infected', 'recovered'] as const;
/** Trace kinds: entering `infected`, entering `recovered`. */
export const SIR_KINDS = ['infected', 'recovered'] as const;
/** Trace channels: seed infections, peer transmissions, spontaneous recoveries. */
export const SIR_CHANNELS = ['seed', 'peer', 'self'] as const;

const INFECT = 0;
const RECOVER = 1;
const SUSCEPTIBLE = 0;
const INFECTED = 1;
const RECOVERED = 2;

/** The SIR part of a model spec (rates per day). */
export interface SirParameters {
  transmissionRate: number;
  recoveryRate: number;
}

/**
 * Runs SIR from `seeds` (duplicates ignored). Time O((events + arcs of infected people · T) log
 * queue) where T = β / (β + γ) on average; allocates O(n) plus the queue.
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
  // predicted (Float64Array, n): earliest queued infection time of each susceptible person.
  const predicted = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const forest = createForest(n);
  const parent = forest.parent;
  const generation = forest.generation;
  const reachedTime = forest.reachedTime;
  const trace = options.shouldTrace ? createTrace(SIR_KINDS, SIR_CHANNELS) : null;
  const series = createDailySeries(SIR_STATES, n);
  const counts = series.counts;
  const queue = createEventQueue(Math.max(1024, seeds.length * 4));
  const uniqueSeeds = distinctSeeds(seeds);
  for (let i = 0; i < uniqueSeeds.length; i++) {
    const s = uniqueSeeds[i] as number;
    predicted[s] = 0;
    pushEvent(queue, 0, s, INFECT, -1);
  }
  let peakInfected = 0;
  let peakTime = 0;
  let events = 0;
  let reach = 0;
  while (queue.size > 0) {
    const t = peekTime(queue);
    if (t > horizon) break;
    const u = peekNode(queue);
    const kind = peekKind(queue);
    const source = peekSource(queue);
    popEvent(queue);
    if (kind === RECOVER) {
      advanceDays(series, t);
      state[u] = RECOVERED;
      counts[INFECTED] = (counts[INFECTED] as number) - 1;
      counts[RECOVERED] = (counts[RECOVERED] as number) + 1;
      events++;
      if (trace !== null) recordEvent(trace, t, 1, u, -1, 2);
      continue;
    }
    if (state[u] !== SUSCEPTIBLE) continue; // stale: u was infected earlier
    advanceDays(series, t);
    state[u] = INFECTED;
    counts[SUSCEPTIBLE] = (counts[SUSCEPTIBLE] as number) - 1;
    const infected = (counts[INFECTED] as number) + 1;
    counts[INFECTED] = infected;
    series.reachedSinceRow++;
    reach++;
    events++;
    if (infected > peakInfected) {
      peakInfected = infected;
      peakTime = t;
    }
    parent[u] = source;
    generation[u] = source < 0 ? 0 : (generation[source] as number) + 1;
    reachedTime[u] = t;
    if (trace !== null) recordEvent(trace, t, 0, u, source, source < 0 ? 0 : 1);
    // Recovery first, then the transmissions that beat it.
    const recoveryTime = t - Math.log(1 - uniform53(recoveryRng)) / gamma;
    if (recoveryTime <= horizon) pushEvent(queue, recoveryTime, u, RECOVER, -1);
    if (beta <= 0) continue;
    const window = recoveryTime - t;
    const success = -Math.expm1(-beta * window); // P(an arc transmits before recovery)
    if (!(success > 0)) continue;
    const logFail = Math.log1p(-success);
    const last = offsets[u + 1] as number;
    let e = (offsets[u] as number) + Math.floor(Math.log(1 - uniform53(transmissionRng)) / logFail);
    while (e < last) {
      const v = targets[e] as number;
      if (state[v] === SUSCEPTIBLE) {
        // Exp(β) truncated to [0, window): inversion of 1 − e^{−βτ} = U·success.
        const tau = -Math.log1p(-uniform53(transmissionRng) * success) / beta;
        const at = t + tau;
        if (at < (predicted[v] as number) && at <= horizon) {
          predicted[v] = at;
          pushEvent(queue, at, v, INFECT, u);
        }
      }
      e += 1 + Math.floor(Math.log(1 - uniform53(transmissionRng)) / logFail);
    }
  }
  closeDays(series);
  return {
    model: 'sir',
    stateNames: SIR_STATES,
    finalState: state,
    finalCounts: countStates(state, 3),
    forest,
    series: finishSeries(series.builder),
    seeds: uniqueSeeds,
    metrics: { reach, peakInfected, peakTime, events },
    trace: trace === null ? null : trimTrace(trace),
  };
}
