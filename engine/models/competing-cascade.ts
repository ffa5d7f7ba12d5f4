/**
 * Two competing messages, A and B, spreading by independent cascade in synchronous generations.
 *
 * Semantics: states neutral, A, B. A's seeds hold A in generation 0; B's seeds take B in generation
 * ⌈b.startTime⌉ whatever they held (the brand's own accounts post the correction). Each person who
 * took a message in generation g gets one chance, in generation g + 1, to pass it along each out-arc
 * (with that message's arc probability; stream 'transmission-a' or 'transmission-b'). A person holds
 * the first message that reaches them; A never replaces B, and B replaces A with probability
 * `overwrite` each time it reaches a holder of A (stream 'overwrite'); a person switched to B then
 * passes B, never A again. Within a generation A's attempts are made before B's, so a person both
 * reach in the same generation takes A, and B's arrival may then replace it as any later arrival.
 * The run ends when neither message has a frontier and B has started, or after generation `horizon`.
 * Forest: the first message's parent (first reach). Metrics: `reach` (received either message),
 * `reachA` and `reachB` (ever held each), `switched` (A holders who took B), `finalA`, `finalB`.
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
import { resolveArcProbabilities } from './arc-probabilities.js';
import type { ModelRunOptions, StreamSource } from './run-options.js';
import type { ArcProbabilityRule } from './spec.js';

/** States of the competing models with spread "independent-cascade". */
export const COMPETING_CASCADE_STATES = ['neutral', 'A', 'B'] as const;
const KINDS = ['A', 'B'] as const;
const CHANNELS = ['seed', 'peer'] as const;
const A = 1;
const B = 2;

/** Parameters of competing independent cascade. */
export interface CompetingCascadeParameters {
  a: { probability: number | ArcProbabilityRule };
  b: { probability: number | ArcProbabilityRule; startTime: number };
  overwrite: number;
}

/** Runs competing independent cascade. O(n + arcs); allocates O(n + arcs). */
export function runCompetingCascade(
  network: Network,
  parameters: CompetingCascadeParameters,
  seedsA: Int32Array,
  seedsB: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  const n = network.nodeCount;
  const probA = resolveArcProbabilities(
    network,
    parameters.a.probability,
    () => streams('transmission-weights-a'),
    'model.a.probability',
  );
  const probB = resolveArcProbabilities(
    network,
    parameters.b.probability,
    () => streams('transmission-weights-b'),
    'model.b.probability',
  );
  const rngA = streams('transmission-a');
  const rngB = streams('transmission-b');
  const overwriteRng = streams('overwrite');
  const overwrite = parameters.overwrite;
  const startB = Math.ceil(parameters.b.startTime);
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const state = new Uint8Array(n);
  const forest = createForest(n);
  const trace = options.shouldTrace ? createTrace(KINDS, CHANNELS) : null;
  const series = createSeriesBuilder(COMPETING_CASCADE_STATES);
  // orderA / orderB (Int32Array, n): people in the order they took A / B; a generation is a range.
  const orderA = new Int32Array(n);
  const orderB = new Int32Array(n);
  let countA = 0;
  let countB = 0;
  let reach = 0;
  let switched = 0;
  let reachedInRow = 0;
  const uniqueA = distinctSeeds(seedsA);
  const uniqueB = distinctSeeds(seedsB);
  const holding = [0, 0, 0];
  let changes = 0;
  const take = (v: number, message: number, source: number, generation: number): void => {
    changes++;
    holding[state[v] as number]!--;
    holding[message]!++;
    if (state[v] === 0) {
      reach++;
      reachedInRow++;
      forest.parent[v] = source;
      forest.generation[v] = source < 0 ? 0 : (forest.generation[source] as number) + 1;
      forest.reachedTime[v] = generation;
    } else {
      switched++;
    }
    state[v] = message;
    if (message === A) orderA[countA++] = v;
    else orderB[countB++] = v;
    if (trace !== null) recordEvent(trace, generation, message - 1, v, source, source < 0 ? 0 : 1);
  };
  const seedB = (generation: number): void => {
    for (let i = 0; i < uniqueB.length; i++) {
      const s = uniqueB[i] as number;
      if (state[s] !== B) take(s, B, -1, generation);
    }
  };
  for (let i = 0; i < uniqueA.length; i++) take(uniqueA[i] as number, A, -1, 0);
  if (startB === 0) seedB(0);
  const row = (generation: number): void => {
    holding[0] = n - reach;
    appendSeriesRow(series, generation, holding, reachedInRow);
    reachedInRow = 0;
    changes = 0;
  };
  row(0);
  let startA = 0;
  let startBIndex = 0;
  let generation = 0;
  while (generation < options.horizon) {
    const endA = countA;
    const endB = countB;
    if (endA === startA && endB === startBIndex && generation >= startB) break;
    const next = generation + 1;
    for (let i = startA; i < endA; i++) {
      const u = orderA[i] as number;
      if (state[u] !== A) continue; // switched to B: passes B only
      for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
        const v = targets[e] as number;
        if (state[v] === 0 && rngA() < (probA[e] as number)) take(v, A, u, next);
      }
    }
    for (let i = startBIndex; i < endB; i++) {
      const u = orderB[i] as number;
      for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
        const v = targets[e] as number;
        const held = state[v] as number;
        if (held === B || !(rngB() < (probB[e] as number))) continue;
        if (held === 0 || overwriteRng() < overwrite) take(v, B, u, next);
      }
    }
    if (next === startB) seedB(next);
    startA = endA;
    startBIndex = endB;
    generation = next;
    if (changes === 0 && generation > startB) break;
    row(generation);
  }
  const finalCounts = countStates(state, 3);
  return {
    model: 'competing',
    stateNames: COMPETING_CASCADE_STATES,
    finalState: state,
    finalCounts,
    forest,
    series: finishSeries(series),
    seeds: uniqueA,
    secondarySeeds: uniqueB,
    metrics: {
      reach,
      reachA: countA,
      reachB: countB,
      switched,
      finalA: finalCounts[A] as number,
      finalB: finalCounts[B] as number,
    },
    trace: trace === null ? null : trimTrace(trace),
  };
}
