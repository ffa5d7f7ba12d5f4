/**
 * Network Bass diffusion (Bass 1969, on a network), in daily synchronous steps.
 *
 * Semantics: states not-adopted and adopted. Seeds, when given, have adopted on day 0 (Bass needs
 * none). On each day d = 1, 2, … up to `horizon`, every person v who has not adopted adopts with
 * probability min(1, innovation + imitation · a_v / k_v), where k_v is v's in-degree and a_v the
 * number of v's in-neighbours who had adopted by the start of the day (people with k_v = 0 use
 * innovation only): every decision of day d reads the state at the start of day d. Innovation stands
 * for advertising and mass media, imitation for word of mouth; on a complete network this is the
 * classic Bass model. The run stops early when everyone has adopted.
 *
 * Attribution: a day's uniform U decides adoption (U < probability); U < innovation counts as media
 * (a root of the forest), otherwise peer, with the parent drawn uniformly among the in-neighbours who
 * had adopted by the start of the day. Streams: 'adoption' (the daily draws, one per non-adopter per
 * day), 'attribution' (parents). Counts a_v are kept incrementally: each adopter adds 1 to its
 * out-neighbours once, after the day's decisions.
 * Metrics: `reach` (adopters, seeds included), `mediaAdoptions`, `peerAdoptions`, `peakNewAdopters`
 * and `peakDay` (first day with the most new adopters).
 */
import type { Network } from '../network/network.js';
import {
  appendSeriesRow,
  countStates,
  createForest,
  createSeriesBuilder,
  distinctSeeds,
  finishSeries,
} from '../simulation/series.js';
import { createTrace, recordEvent, trimTrace } from '../simulation/trace.js';
import type { RunResult } from '../simulation/types.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';

/** States of the Bass model. */
export const BASS_STATES = ['not-adopted', 'adopted'] as const;
/** Trace kinds: entering `adopted`. */
export const BASS_KINDS = ['adopted'] as const;
/** Trace channels: seeds, advertising and mass media, word of mouth. */
export const BASS_CHANNELS = ['seed', 'media', 'peer'] as const;

/** The Bass part of a model spec (daily probabilities). */
export interface BassParameters {
  innovation: number;
  imitation: number;
}

/** Runs network Bass diffusion. O(horizon · non-adopters + arcs); allocates O(n). */
export function runBass(
  network: Network,
  parameters: BassParameters,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  // p = innovation, q = imitation (kernel locals).
  const p = parameters.innovation;
  const q = parameters.imitation;
  const rng = streams('adoption');
  const attributionRng = streams('attribution');
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const inOffsets = network.inOffsets;
  const inSources = network.inSources;
  const state = new Uint8Array(n);
  const forest = createForest(n);
  const trace = options.shouldTrace ? createTrace(BASS_KINDS, BASS_CHANNELS) : null;
  const series = createSeriesBuilder(BASS_STATES);
  // adoptedIn (Int32Array, n): in-neighbours adopted by the start of the current day.
  const adoptedIn = new Int32Array(n);
  // waiting (Int32Array, n): people who have not adopted, a prefix of length waitingCount.
  const waiting = new Int32Array(n);
  let waitingCount = 0;
  // today (Int32Array, n): the day's adopters; todayMedia marks media adoptions (Uint8Array, n).
  const today = new Int32Array(n);
  const isMedia = new Uint8Array(n);
  const uniqueSeeds = distinctSeeds(seeds);
  let adopted = 0;
  for (let i = 0; i < uniqueSeeds.length; i++) {
    const s = uniqueSeeds[i] as number;
    state[s] = 1;
    forest.generation[s] = 0;
    forest.reachedTime[s] = 0;
    today[adopted++] = s;
    if (trace !== null) recordEvent(trace, 0, 0, s, -1, 0);
  }
  spreadCounts(today, adopted, offsets, targets, adoptedIn);
  for (let v = 0; v < n; v++) if (state[v] === 0) waiting[waitingCount++] = v;
  appendSeriesRow(series, 0, [n - adopted, adopted], adopted);
  let mediaAdoptions = 0;
  let peerAdoptions = 0;
  let peakNewAdopters = 0;
  let peakDay = 0;
  for (let day = 1; day <= options.horizon && waitingCount > 0; day++) {
    // Phase 1: decisions from the start-of-day state; survivors compact in place.
    let count = 0;
    let keep = 0;
    for (let i = 0; i < waitingCount; i++) {
      const v = waiting[i] as number;
      const k = (inOffsets[v + 1] as number) - (inOffsets[v] as number);
      const probability = k > 0 ? p + (q * (adoptedIn[v] as number)) / k : p;
      const u = rng();
      if (u < probability) {
        today[count++] = v;
        isMedia[v] = u < p ? 1 : 0;
      } else {
        waiting[keep++] = v;
      }
    }
    waitingCount = keep;
    // Phase 2: apply, attributing peer adoptions to an adopter of the start of the day.
    for (let i = 0; i < count; i++) {
      const v = today[i] as number;
      state[v] = 1;
      forest.reachedTime[v] = day;
      let source = -1;
      if (isMedia[v] === 1) {
        mediaAdoptions++;
        forest.generation[v] = 0;
      } else {
        peerAdoptions++;
        let pick = Math.floor(attributionRng() * (adoptedIn[v] as number));
        for (let e = inOffsets[v] as number; e < (inOffsets[v + 1] as number); e++) {
          const w = inSources[e] as number;
          if (state[w] === 1 && (forest.reachedTime[w] as number) < day && pick-- === 0) {
            source = w;
            break;
          }
        }
        forest.parent[v] = source;
        forest.generation[v] = (forest.generation[source] as number) + 1;
      }
      if (trace !== null) recordEvent(trace, day, 0, v, source, source < 0 ? 1 : 2);
    }
    spreadCounts(today, count, offsets, targets, adoptedIn);
    adopted += count;
    if (count > peakNewAdopters) {
      peakNewAdopters = count;
      peakDay = day;
    }
    appendSeriesRow(series, day, [n - adopted, adopted], count);
  }
  return {
    model: 'bass',
    stateNames: BASS_STATES,
    finalState: state,
    finalCounts: countStates(state, 2),
    forest,
    series: finishSeries(series),
    seeds: uniqueSeeds,
    metrics: { reach: adopted, mediaAdoptions, peerAdoptions, peakNewAdopters, peakDay },
    trace: trace === null ? null : trimTrace(trace),
  };
}

/** Adds each of the first `count` adopters in `people` to its out-neighbours' adopted counts. */
function spreadCounts(
  people: Int32Array,
  count: number,
  offsets: Int32Array,
  targets: Int32Array,
  adoptedIn: Int32Array,
): void {
  for (let i = 0; i < count; i++) {
    const u = people[i] as number;
    const last = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < last; e++) {
      const v = targets[e] as number;
      adoptedIn[v] = (adoptedIn[v] as number) + 1;
    }
  }
}
