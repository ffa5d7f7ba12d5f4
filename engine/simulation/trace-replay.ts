/**
 * Generic trace replay: the state of every person at a time, the state counts on a time grid and the
 * cascade forest, recomputed from a {@link Trace} alone. The visualiser replays with these, and the
 * property tests check that a run's counts and forest equal what its trace recomputes.
 *
 * Convention (shared with trace.ts): everyone starts in state 0; an event whose kind name is one of
 * `stateNames` moves the person into that state; other kinds change nothing. A person is "reached"
 * by the first event that moves them out of state 0; its source is their parent in the forest.
 */
import type { CascadeForest, TimeSeries, Trace } from './types.js';

/** For each kind index, the state it enters, or -1 when the kind changes no state. O(kinds). */
function kindToState(trace: Trace, stateNames: readonly string[]): Int16Array {
  const map = new Int16Array(trace.kindNames.length);
  for (let k = 0; k < map.length; k++) map[k] = stateNames.indexOf(trace.kindNames[k] as string);
  return map;
}

/**
 * The state of every person after all events with time ≤ `time` (Uint8Array, nodeCount; codes index
 * `stateNames`). Writes into `out` when given (it is reset first), else allocates. O(n + events).
 */
export function stateAtTime(
  trace: Trace,
  stateNames: readonly string[],
  nodeCount: number,
  time: number,
  out?: Uint8Array,
): Uint8Array {
  const state = out ?? new Uint8Array(nodeCount);
  state.fill(0, 0, nodeCount);
  const map = kindToState(trace, stateNames);
  const times = trace.time;
  const kinds = trace.kind;
  const persons = trace.person;
  const length = trace.length;
  for (let i = 0; i < length && (times[i] as number) <= time; i++) {
    const code = map[kinds[i] as number] as number;
    if (code >= 0) state[persons[i] as number] = code;
  }
  return state;
}

/**
 * State counts on a time grid: entry i holds, for each state name, the number of people in that state
 * after all events with time ≤ `times[i]`, and `newActivations`, the number of people reached (moved
 * out of state 0 for the first time) in (times[i − 1], times[i]] (for i = 0: at or before times[0]).
 * `times` must be non-decreasing. Model series use the grid 0, 1, 2… (days or generations), so this
 * reproduces a RunResult's series. O(n + events + grid · states); allocates the series.
 */
export function countsFromTrace(
  trace: Trace,
  stateNames: readonly string[],
  nodeCount: number,
  times: ArrayLike<number>,
): TimeSeries {
  const map = kindToState(trace, stateNames);
  const stateCount = stateNames.length;
  const state = new Uint8Array(nodeCount);
  const isReached = new Uint8Array(nodeCount);
  const counts = new Float64Array(stateCount);
  counts[0] = nodeCount;
  const steps = times.length;
  const columns: Record<string, Float64Array> = {};
  const stateColumns: Float64Array[] = [];
  for (const name of stateNames) {
    const column = new Float64Array(steps);
    columns[name] = column;
    stateColumns.push(column);
  }
  const newActivations = new Float64Array(steps);
  columns['newActivations'] = newActivations;
  const eventTimes = trace.time;
  const kinds = trace.kind;
  const persons = trace.person;
  const length = trace.length;
  let i = 0;
  for (let step = 0; step < steps; step++) {
    const until = times[step] as number;
    let reached = 0;
    for (; i < length && (eventTimes[i] as number) <= until; i++) {
      const code = map[kinds[i] as number] as number;
      if (code < 0) continue;
      const u = persons[i] as number;
      const from = state[u] as number;
      counts[from] = (counts[from] as number) - 1;
      counts[code] = (counts[code] as number) + 1;
      state[u] = code;
      if (code !== 0 && isReached[u] === 0) {
        isReached[u] = 1;
        reached++;
      }
    }
    for (let s = 0; s < stateCount; s++) (stateColumns[s] as Float64Array)[step] = counts[s] as number;
    newActivations[step] = reached;
  }
  return { time: Float64Array.from(times), columns };
}

/**
 * The cascade forest the trace implies: each person's parent is the source of the event that first
 * moved them out of state 0 (-1 for seeds and spontaneous adopters), their generation is the parent's
 * plus one (0 for roots) and their reached time that event's time; people never reached have parent
 * -1, generation -1 and time +Infinity. Relies on events being recorded in causal order (a source is
 * reached before it reaches anyone), as every model does. O(n + events); allocates the forest.
 */
export function forestFromTrace(
  trace: Trace,
  stateNames: readonly string[],
  nodeCount: number,
): CascadeForest {
  const map = kindToState(trace, stateNames);
  const parent = new Int32Array(nodeCount).fill(-1);
  const generation = new Int32Array(nodeCount).fill(-1);
  const reachedTime = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < trace.length; i++) {
    const code = map[trace.kind[i] as number] as number;
    if (code <= 0) continue;
    const u = trace.person[i] as number;
    if (generation[u] !== -1) continue;
    const source = trace.source[i] as number;
    parent[u] = source;
    generation[u] = source < 0 ? 0 : (generation[source] as number) + 1;
    reachedTime[u] = trace.time[i] as number;
  }
  return { parent, generation, reachedTime };
}
