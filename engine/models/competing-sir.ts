/**
 * Two competing messages, A and B, spreading by continuous-time SIR (exact, event-driven).
 *
 * Semantics: states neutral, infectedA, infectedB, recoveredA, recoveredB ("infected" spreads the
 * message, "recovered" still holds it but no longer spreads). A's seeds take A at time 0; B's seeds
 * take B at `b.startTime` days whatever they held. A person spreading message X transmits it along
 * each out-arc at X's `transmissionRate` and stops at X's `recoveryRate` (per day). A person holds
 * the first message that reaches them; A never replaces B; when B reaches a holder of A (spreading or
 * not) it replaces A with probability `overwrite` (stream 'overwrite'), and the person then spreads B
 * afresh (their pending A transmissions and recovery are cancelled). The run ends when nothing is
 * left to happen or at `horizon` days.
 *
 * Algorithm: as sir.ts (recovery drawn first, geometric skipping over arcs, truncated exponential
 * transmission times), but every transmission that beats its spreader's recovery is queued, since a
 * later B arrival is another chance to overwrite; stale events are dropped when popped (a target that
 * can no longer take the message, an A transmission whose spreader switched, a cancelled recovery).
 * Streams: 'transmission-a', 'transmission-b', 'recovery-a', 'recovery-b', 'overwrite'.
 * Forest: first reach. Metrics: `reach`, `reachA`, `reachB`, `switched`, `finalA`, `finalB` (holders at
 * the end), `events`.
 */
import type { Network } from '../network/network.js';
import { type Rng, uniform53 } from '../rng.js';
import {
  createEventQueue,
  type EventQueue,
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

/** States of the competing model with spread "sir". */
export const COMPETING_SIR_STATES = [
  'neutral',
  'infectedA',
  'infectedB',
  'recoveredA',
  'recoveredB',
] as const;
const KINDS = ['infectedA', 'infectedB', 'recoveredA', 'recoveredB'] as const;
const CHANNELS = ['seed', 'peer', 'self'] as const;
const NEUTRAL = 0;
const INFECTED_A = 1;
const INFECTED_B = 2;
const RECOVERED_A = 3;
const RECOVERED_B = 4;
// Event kinds in the queue.
const TRANSMIT_A = 0;
const TRANSMIT_B = 1;
const RECOVER = 2;
const SEED_B = 3;

/** Parameters of competing SIR (rates per day). */
export interface CompetingSirParameters {
  a: { transmissionRate: number; recoveryRate: number };
  b: { transmissionRate: number; recoveryRate: number; startTime: number };
  overwrite: number;
}

/** Queues u's recovery and the transmissions that beat it; returns the recovery time. */
function scheduleSpreader(
  queue: EventQueue,
  network: Network,
  u: number,
  t: number,
  beta: number,
  gamma: number,
  kind: number,
  transmissionRng: Rng,
  recoveryRng: Rng,
  horizon: number,
): number {
  const recoveryTime = t - Math.log(1 - uniform53(recoveryRng)) / gamma;
  if (recoveryTime <= horizon) pushEvent(queue, recoveryTime, u, RECOVER, -1);
  const success = -Math.expm1(-beta * (recoveryTime - t));
  if (!(success > 0)) return recoveryTime;
  const logFail = Math.log1p(-success);
  const targets = network.outTargets;
  const last = network.outOffsets[u + 1] as number;
  let e = (network.outOffsets[u] as number) + Math.floor(Math.log(1 - uniform53(transmissionRng)) / logFail);
  while (e < last) {
    const at = t - Math.log1p(-uniform53(transmissionRng) * success) / beta;
    if (at <= horizon) pushEvent(queue, at, targets[e] as number, kind, u);
    e += 1 + Math.floor(Math.log(1 - uniform53(transmissionRng)) / logFail);
  }
  return recoveryTime;
}

/** Runs competing SIR. O((events + arcs · T) log queue); allocates O(n) plus the queue. */
export function runCompetingSir(
  network: Network,
  parameters: CompetingSirParameters,
  seedsA: Int32Array,
  seedsB: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  const horizon = options.horizon;
  const rngA = streams('transmission-a');
  const rngB = streams('transmission-b');
  const recoveryA = streams('recovery-a');
  const recoveryB = streams('recovery-b');
  const overwriteRng = streams('overwrite');
  const { a, b, overwrite } = parameters;
  const state = new Uint8Array(n);
  // recoveryTime (Float64Array, n): the pending recovery of each spreader; others are cancelled.
  const recoveryTime = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const forest = createForest(n);
  const trace = options.shouldTrace ? createTrace(KINDS, CHANNELS) : null;
  const series = createDailySeries(COMPETING_SIR_STATES, n);
  const counts = series.counts;
  const queue = createEventQueue(1024);
  const uniqueA = distinctSeeds(seedsA);
  const uniqueB = distinctSeeds(seedsB);
  for (let i = 0; i < uniqueA.length; i++) pushEvent(queue, 0, uniqueA[i] as number, TRANSMIT_A, -1);
  if (b.startTime <= horizon) {
    for (let i = 0; i < uniqueB.length; i++) pushEvent(queue, b.startTime, uniqueB[i] as number, SEED_B, -1);
  }
  let reach = 0;
  let reachA = 0;
  let reachB = 0;
  let switched = 0;
  let events = 0;
  while (queue.size > 0) {
    const t = peekTime(queue);
    if (t > horizon) break;
    const u = peekNode(queue);
    const kind = peekKind(queue);
    const source = peekSource(queue);
    popEvent(queue);
    const held = state[u] as number;
    if (kind === RECOVER) {
      if (recoveryTime[u] !== t || (held !== INFECTED_A && held !== INFECTED_B)) continue;
      advanceDays(series, t);
      const next = held === INFECTED_A ? RECOVERED_A : RECOVERED_B;
      counts[held] = (counts[held] as number) - 1;
      counts[next] = (counts[next] as number) + 1;
      state[u] = next;
      events++;
      if (trace !== null) recordEvent(trace, t, next - 1, u, -1, 2);
      continue;
    }
    let takes = false;
    const isB = kind !== TRANSMIT_A;
    if (kind === TRANSMIT_A) {
      takes = held === NEUTRAL && (source < 0 || state[source] === INFECTED_A);
    } else if (kind === SEED_B) {
      takes = held !== INFECTED_B && held !== RECOVERED_B;
    } else {
      takes =
        held === NEUTRAL || ((held === INFECTED_A || held === RECOVERED_A) && overwriteRng() < overwrite);
    }
    if (!takes) continue;
    advanceDays(series, t);
    events++;
    const next = isB ? INFECTED_B : INFECTED_A;
    counts[held] = (counts[held] as number) - 1;
    counts[next] = (counts[next] as number) + 1;
    state[u] = next;
    if (held === NEUTRAL) {
      reach++;
      series.reachedSinceRow++;
      forest.parent[u] = source;
      forest.generation[u] = source < 0 ? 0 : (forest.generation[source] as number) + 1;
      forest.reachedTime[u] = t;
    } else {
      switched++;
    }
    if (isB) reachB++;
    else reachA++;
    if (trace !== null) recordEvent(trace, t, next - 1, u, source, source < 0 ? 0 : 1);
    recoveryTime[u] = isB
      ? scheduleSpreader(
          queue,
          network,
          u,
          t,
          b.transmissionRate,
          b.recoveryRate,
          TRANSMIT_B,
          rngB,
          recoveryB,
          horizon,
        )
      : scheduleSpreader(
          queue,
          network,
          u,
          t,
          a.transmissionRate,
          a.recoveryRate,
          TRANSMIT_A,
          rngA,
          recoveryA,
          horizon,
        );
  }
  closeDays(series);
  const finalCounts = countStates(state, 5);
  return {
    model: 'competing',
    stateNames: COMPETING_SIR_STATES,
    finalState: state,
    finalCounts,
    forest,
    series: finishSeries(series.builder),
    seeds: uniqueA,
    secondarySeeds: uniqueB,
    metrics: {
      reach,
      reachA,
      reachB,
      switched,
      finalA: (finalCounts[INFECTED_A] as number) + (finalCounts[RECOVERED_A] as number),
      finalB: (finalCounts[INFECTED_B] as number) + (finalCounts[RECOVERED_B] as number),
      events,
    },
    trace: trace === null ? null : trimTrace(trace),
  };
}
