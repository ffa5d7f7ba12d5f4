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
 * order: the seeds in index order at time 0; other ties have probability zero. Recoveries are not
 * queued at all: they change nobody else's future, so engine/models/sir-replay.ts orders them after
 * the run (that halves the queue work).
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
 * Memory: the kernel is bound by cache misses on person and arc arrays, so it lets the processor
 * overlap them. It pops up to POP_BATCH events and reads their people's arrays together, then
 * processes them in order, returning the rest of the batch to the queue as soon as an event queued
 * meanwhile comes first; and it draws up to ARC_BATCH transmissions of a person before reading their
 * targets together. The draws and the processing order are exactly those of one event at a time.
 *
 * Metrics: `reach` (ever infected, seeds included), `peakInfected`, `peakTime` (first time the peak
 * is reached, days), `events` (infections and recoveries applied).
 */
import type { Network } from '../network/network.js';
import type { Rng } from '../rng.js';
import { createKeyedEventHeap, popKeyed, pushKeyed } from '../simulation/event-queue.js';
import { createForest, distinctSeeds } from '../simulation/series.js';
import type { RunResult } from '../simulation/types.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';
import { createInfectionLog, logInfection, replaySirEvents, SIR_STATES } from './sir-replay.js';

export { SIR_CHANNELS, SIR_KINDS, SIR_STATES } from './sir-replay.js';

const INFECTED = 1;
const RECOVERED = 2;

/** Events popped and prepared together. */
const POP_BATCH = 16;
/** Transmissions of one person drawn before their targets are read. */
const ARC_BATCH = 64;

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
  const log = createInfectionLog();
  // The popped batch: time, person and the person's predicted time, generation, arc range and
  // first out-neighbour (read only to bring the arc list into cache).
  const batchTime = new Float64Array(POP_BATCH);
  const batchPerson = new Int32Array(POP_BATCH);
  const batchPredicted = new Float64Array(POP_BATCH);
  const batchGeneration = new Int32Array(POP_BATCH);
  const batchFirst = new Int32Array(POP_BATCH);
  const batchEnd = new Int32Array(POP_BATCH);
  const batchNeighbour = new Int32Array(POP_BATCH);
  // One person's drawn transmissions: time, arc, target and the target's predicted time.
  const arcTime = new Float64Array(ARC_BATCH);
  const arcIndex = new Int32Array(ARC_BATCH);
  const arcTarget = new Int32Array(ARC_BATCH);
  const arcPredicted = new Float64Array(ARC_BATCH);
  while (heap.size > 0) {
    let count = 0;
    while (count < POP_BATCH && heap.size > 0) {
      batchTime[count] = heap.entries[0] as number;
      batchPerson[count] = heap.entries[1] as number;
      popKeyed(heap);
      count++;
    }
    for (let i = 0; i < count; i++) {
      const u = batchPerson[i] as number;
      batchPredicted[i] = reachedTime[u] as number;
      batchGeneration[i] = generation[u] as number;
      batchFirst[i] = offsets[u] as number;
      batchEnd[i] = offsets[u + 1] as number;
    }
    // Also read each person's first out-neighbour, so the start of every arc list is in cache.
    for (let i = 0; i < count; i++) {
      const first = batchFirst[i] as number;
      if (first < (batchEnd[i] as number)) batchNeighbour[i] = targets[first] as number;
    }
    for (let i = 0; i < count; i++) {
      const t = batchTime[i] as number;
      const u = batchPerson[i] as number;
      if (i > 0 && heap.size > 0) {
        const topTime = heap.entries[0] as number;
        if (topTime < t || (topTime === t && (heap.entries[1] as number) < u)) {
          // An event queued by this batch comes first: return the rest of the batch to the queue.
          // (Until then no event before t was queued, so u's predicted time and generation are
          // still those read above.)
          for (let j = i; j < count; j++) pushKeyed(heap, batchTime[j] as number, batchPerson[j] as number);
          break;
        }
      }
      if (t !== batchPredicted[i]) continue; // superseded by an earlier infection of u
      // Recovery first, then the transmissions that beat it.
      const window = -Math.log(1 - uniformFine(recoveryRng)) / gamma;
      const recoveryTime = t + window;
      // The final state: every recovery within the horizon will be applied.
      state[u] = recoveryTime <= horizon ? RECOVERED : INFECTED;
      logInfection(log, u, t, recoveryTime);
      const rate = beta * window; // expected transmissions per arc, and arcs skipped per unit of Exp(1)
      if (!(rate > 0)) continue;
      const first = batchFirst[i] as number;
      const degree = (batchEnd[i] as number) - first;
      const childGeneration = (batchGeneration[i] as number) + 1;
      let x = -Math.log(1 - uniformFine(transmissionRng)) / rate;
      let e = 0; // next arc of u, counted from first
      while (x < degree - e) {
        let drawn = 0;
        while (drawn < ARC_BATCH && x < degree - e) {
          const skipped = Math.floor(x);
          e += skipped;
          arcTime[drawn] = t + (x - skipped) * window;
          arcIndex[drawn] = first + e;
          drawn++;
          e++;
          x = -Math.log(1 - uniformFine(transmissionRng)) / rate;
        }
        for (let j = 0; j < drawn; j++) {
          const v = targets[arcIndex[j] as number] as number;
          arcTarget[j] = v;
          arcPredicted[j] = reachedTime[v] as number;
        }
        for (let j = 0; j < drawn; j++) {
          const at = arcTime[j] as number;
          // A person already infected has reachedTime ≤ t ≤ at, so this also filters them out.
          // (u's targets are distinct people, so arcPredicted is still current.)
          if (at < (arcPredicted[j] as number) && at <= horizon) {
            const v = arcTarget[j] as number;
            reachedTime[v] = at;
            parent[v] = u;
            generation[v] = childGeneration;
            pushKeyed(heap, at, v);
          }
        }
      }
    }
  }
  const reach = log.count;
  const replay = replaySirEvents(log, horizon, n, parent, options.shouldTrace);
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
