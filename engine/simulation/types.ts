/**
 * The shapes every model returns and every consumer (metrics, Monte Carlo, CLI, visualiser) reads.
 *
 * A run result holds typed arrays only where size scales with the network:
 * - the cascade forest: `parent[u]` is the person who reached u (-1 for seeds, spontaneous adopters and
 *   the unreached), `generation[u]` is u's depth in its tree (0 for roots, -1 unreached), and
 *   `reachedTime[u]` is when u was reached (days, or the generation index for discrete-generation
 *   models; +Infinity when never reached);
 * - the time series: one entry per day (continuous-time and daily models) or per generation, with
 *   one column per state count and one per flow (e.g. `newActivations`);
 * - the optional event trace (see {@link Trace}).
 */

/** One record per event, in parallel typed arrays; only the first `length` entries are meaningful. */
export interface Trace {
  /** Event time, in days (or generations for discrete-generation models). Non-decreasing. */
  time: Float64Array;
  /** Event kind, an index into `kindNames`. */
  kind: Uint8Array;
  /** The person the event happened to. */
  person: Int32Array;
  /** The person who caused it, or -1 (a seed, an ad, a spontaneous adoption). */
  source: Int32Array;
  /** The channel it came through, an index into `channelNames`. */
  channel: Uint8Array;
  length: number;
  /** Names of the event kinds, e.g. ['seed', 'activate'] or ['infect', 'recover']. */
  kindNames: readonly string[];
  /** Names of the channels, e.g. ['seed', 'peer'] or ['paid', 'owned', 'earned']. */
  channelNames: readonly string[];
}

/** Per-person cascade structure: who reached whom, at what depth and when. */
export interface CascadeForest {
  /** Int32Array (n): who reached u, or -1. */
  parent: Int32Array;
  /** Int32Array (n): depth in the cascade tree, 0 for roots, -1 when never reached. */
  generation: Int32Array;
  /** Float64Array (n): when u was reached; +Infinity when never. */
  reachedTime: Float64Array;
}

/** A time series: `time[i]` and, for each column name, `columns[name][i]`. */
export interface TimeSeries {
  /** Float64Array (steps): day or generation index of each entry. */
  time: Float64Array;
  /** Columns by name, each a Float64Array of the same length as `time`. */
  columns: Record<string, Float64Array>;
}

/** What one run of one model on one network returns. */
export interface RunResult {
  /** The model type that produced it (e.g. `independent-cascade`). */
  model: string;
  /** Names of the model's states, in code order (e.g. ['susceptible', 'infected', 'recovered']). */
  stateNames: readonly string[];
  /** Final state code per person (Uint8Array, n), indexing `stateNames`. */
  finalState: Uint8Array;
  /** Final number of people in each state, aligned with `stateNames`. */
  finalCounts: readonly number[];
  forest: CascadeForest;
  series: TimeSeries;
  /** The seeds the run started from (Int32Array). */
  seeds: Int32Array;
  /** The seeds of a second message (B of the `competing` model), when there is one (Int32Array). */
  secondarySeeds?: Int32Array;
  /** Model-specific per-run metrics (e.g. `reach`, `conversions`), by name. */
  metrics: Record<string, number>;
  /** The event trace, when it was asked for. */
  trace: Trace | null;
}
