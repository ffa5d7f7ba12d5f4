/**
 * The Maki–Thompson rumour model (Maki & Thompson 1973) on a network, in continuous time.
 *
 * Semantics: states ignorant, spreader, stifler. The seeds are spreaders at time 0. Each spreader
 * contacts one uniformly random out-neighbour at rate `contactRate` per day. If the contacted person
 * is ignorant they become a spreader; if they already know the rumour (spreader or stifler), the
 * initiating spreader becomes a stifler (the contacted person is unchanged). A spreader with no
 * out-neighbours never makes a contact and stays a spreader. The run ends when no spreader can make a
 * contact or at `horizon` days.
 *
 * Algorithm: Gillespie's direct method over the active spreaders, kept in a sparse set (a dense list
 * plus positions, swap-remove): the next contact comes after Exp(contactRate · spreaders) days and is
 * made by a uniformly chosen spreader. Stream: 'contact'. The parent of a new spreader is the
 * spreader who told them; a stifling event's source is the person whose knowing stopped the spreader.
 * Metrics: `reach` (people who heard, seeds included), `neverHeard` (ignorants at the end), `contacts`.
 */
import type { Network } from '../network/network.js';
import { uniform53 } from '../rng.js';
import { countStates, createForest, distinctSeeds, finishSeries } from '../simulation/series.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { RunResult } from '../simulation/types.js';
import { advanceDays, closeDays, createDailySeries } from './daily-series.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';

/** States of the rumour model. */
export const RUMOR_STATES = ['ignorant', 'spreader', 'stifler'] as const;
/** Trace kinds: entering `spreader`, entering `stifler`. */
export const RUMOR_KINDS = ['spreader', 'stifler'] as const;
/** Trace channels. */
export const RUMOR_CHANNELS = ['seed', 'peer'] as const;

/** The rumour part of a model spec. */
export interface RumorParameters {
  /** Contacts per day made by each spreader. */
  contactRate: number;
}

/** Runs the Maki–Thompson model from `seeds` (duplicates ignored). O(n + contacts); allocates O(n). */
export function runRumor(
  network: Network,
  parameters: RumorParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  const rate = parameters.contactRate;
  const horizon = options.horizon;
  const rng = streams('contact');
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = new Uint8Array(n);
  const forest = createForest(n);
  const trace = options.shouldTrace ? createTrace(RUMOR_KINDS, RUMOR_CHANNELS) : null;
  const series = createDailySeries(RUMOR_STATES, n);
  const counts = series.counts;
  // Active spreaders as a sparse set: active[0..activeCount) and position[u] (-1 when absent).
  const active = new Int32Array(n);
  const position = new Int32Array(n).fill(-1);
  let activeCount = 0;
  const uniqueSeeds = distinctSeeds(seeds);
  let reach = 0;
  for (let i = 0; i < uniqueSeeds.length; i++) {
    const s = uniqueSeeds[i] as number;
    state[s] = 1;
    forest.generation[s] = 0;
    forest.reachedTime[s] = 0;
    reach++;
    if (trace !== null) recordEvent(trace, 0, 0, s, -1, 0);
    if ((offsets[s + 1] as number) > (offsets[s] as number)) {
      position[s] = activeCount;
      active[activeCount++] = s;
    }
  }
  counts[0] = n - reach;
  counts[1] = reach;
  series.reachedSinceRow = reach;
  let t = 0;
  let contacts = 0;
  while (activeCount > 0) {
    t -= Math.log(1 - uniform53(rng)) / (rate * activeCount);
    if (t > horizon) break;
    advanceDays(series, t);
    contacts++;
    const u = active[Math.floor(rng() * activeCount)] as number;
    const first = offsets[u] as number;
    const v = targets[first + Math.floor(rng() * ((offsets[u + 1] as number) - first))] as number;
    if (state[v] === 0) {
      state[v] = 1;
      counts[0] = (counts[0] as number) - 1;
      counts[1] = (counts[1] as number) + 1;
      series.reachedSinceRow++;
      reach++;
      forest.parent[v] = u;
      forest.generation[v] = (forest.generation[u] as number) + 1;
      forest.reachedTime[v] = t;
      if (trace !== null) recordEvent(trace, t, 0, v, u, 1);
      if ((offsets[v + 1] as number) > (offsets[v] as number)) {
        position[v] = activeCount;
        active[activeCount++] = v;
      }
    } else {
      state[u] = 2;
      counts[1] = (counts[1] as number) - 1;
      counts[2] = (counts[2] as number) + 1;
      if (trace !== null) recordEvent(trace, t, 1, u, v, 1);
      const slot = position[u] as number;
      const moved = active[--activeCount] as number;
      active[slot] = moved;
      position[moved] = slot;
      position[u] = -1;
    }
  }
  closeDays(series);
  return {
    model: 'rumor',
    stateNames: RUMOR_STATES,
    finalState: state,
    finalCounts: countStates(state, 3),
    forest,
    series: finishSeries(series.builder),
    seeds: uniqueSeeds,
    metrics: { reach, neverHeard: n - reach, contacts },
    trace: trace === null ? null : trimTrace(trace),
  };
}
