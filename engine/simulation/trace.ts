/**
 * The event trace: a recorder (growable parallel typed arrays, see {@link Trace}) and a compact JSON
 * serialisation, so a run can be saved, replayed in the visualiser and checked against its own counts
 * (the validating parser is in trace-parse.ts, apart, so the models that record traces never load
 * the schema library).
 *
 * Replay convention: an event whose kind name is one of the model's `stateNames` means "the person
 * enters that state"; any other kind (an impression, a click) leaves the state unchanged. Everyone
 * starts in state 0 (the first state name: inactive, susceptible, ignorant…), so the trace alone
 * recomputes every state count (see trace-replay.ts).
 *
 * File format (`viralsim-trace`, version 1), one JSON object:
 * `{ format, version, generator, meta, kindNames, channelNames, events }` where `meta` is
 * {@link TraceMeta} and `events` holds one array per column (`time`, `kind`, `person`, `source`,
 * `channel`), all of the same length: columns rather than records keep the text small.
 */
import { RNG_NAME } from '../rng.js';
import type { Trace } from './types.js';

export { countsFromTrace, forestFromTrace, stateAtTime } from './trace-replay.js';

/** Format tag of a serialised trace. */
export const TRACE_FORMAT = 'viralsim-trace';
/** Version of the serialised trace format this engine writes and reads. */
export const TRACE_VERSION = 1;

/**
 * Creates an empty trace with room for `capacity` events. Allocates O(capacity); the arrays double
 * when full (see {@link recordEvent}).
 */
export function createTrace(
  kindNames: readonly string[],
  channelNames: readonly string[],
  capacity = 1024,
): Trace {
  const size = Math.max(16, Math.ceil(capacity));
  return {
    time: new Float64Array(size),
    kind: new Uint8Array(size),
    person: new Int32Array(size),
    source: new Int32Array(size),
    channel: new Uint8Array(size),
    length: 0,
    kindNames,
    channelNames,
  };
}

function growTrace(trace: Trace): void {
  const size = trace.time.length * 2;
  const time = new Float64Array(size);
  time.set(trace.time);
  const kind = new Uint8Array(size);
  kind.set(trace.kind);
  const person = new Int32Array(size);
  person.set(trace.person);
  const source = new Int32Array(size);
  source.set(trace.source);
  const channel = new Uint8Array(size);
  channel.set(trace.channel);
  trace.time = time;
  trace.kind = kind;
  trace.person = person;
  trace.source = source;
  trace.channel = channel;
}

/**
 * Appends one event: at `time`, of `kind` (index into `kindNames`), to `person`, caused by `source`
 * (-1 for none), through `channel` (index into `channelNames`). Events must be recorded in
 * non-decreasing time. Amortised O(1); allocates only when the capacity doubles.
 */
export function recordEvent(
  trace: Trace,
  time: number,
  kind: number,
  person: number,
  source: number,
  channel: number,
): void {
  const i = trace.length;
  if (i === trace.time.length) growTrace(trace);
  trace.time[i] = time;
  trace.kind[i] = kind;
  trace.person[i] = person;
  trace.source[i] = source;
  trace.channel[i] = channel;
  trace.length = i + 1;
}

/** A copy of the trace whose arrays hold exactly `length` events (for transfer or storage). O(length). */
export function trimTrace(trace: Trace): Trace {
  const n = trace.length;
  return {
    time: trace.time.slice(0, n),
    kind: trace.kind.slice(0, n),
    person: trace.person.slice(0, n),
    source: trace.source.slice(0, n),
    channel: trace.channel.slice(0, n),
    length: n,
    kindNames: trace.kindNames,
    channelNames: trace.channelNames,
  };
}

/** What a trace file says about the run it came from. */
export interface TraceMeta {
  model: string;
  stateNames: readonly string[];
  nodeCount: number;
  /** Node ids (index → id), or null when the ids are the indices. */
  ids: readonly string[] | null;
  /** Seed indices. */
  seeds: readonly number[];
  /** The scenario seed. */
  seed: number;
  /** The run index. */
  run: number;
  /** The scenario that produced the run (opaque JSON), or null. */
  scenario: unknown;
  /** Indices of the seeding audience, or null when everyone is. */
  audience: readonly number[] | null;
}

/**
 * Serialises a trace and its run's metadata as compact JSON text (format `viralsim-trace`, version 1,
 * events as column arrays; times keep full double precision). O(length); allocates the text.
 */
export function serializeTrace(trace: Trace, meta: TraceMeta): string {
  const n = trace.length;
  const document = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    generator: RNG_NAME,
    meta: {
      model: meta.model,
      stateNames: meta.stateNames,
      nodeCount: meta.nodeCount,
      ids: meta.ids,
      seeds: Array.from(meta.seeds),
      seed: meta.seed,
      run: meta.run,
      scenario: meta.scenario ?? null,
      audience: meta.audience === null ? null : Array.from(meta.audience),
    },
    kindNames: trace.kindNames,
    channelNames: trace.channelNames,
    events: {
      time: Array.from(trace.time.subarray(0, n)),
      kind: Array.from(trace.kind.subarray(0, n)),
      person: Array.from(trace.person.subarray(0, n)),
      source: Array.from(trace.source.subarray(0, n)),
      channel: Array.from(trace.channel.subarray(0, n)),
    },
  };
  return JSON.stringify(document);
}
