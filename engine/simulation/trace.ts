/**
 * The event trace: a recorder (growable parallel typed arrays, see {@link Trace}), a compact JSON
 * serialisation and a validating parser, so a run can be saved, replayed in the visualiser and
 * checked against its own counts.
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
import { z } from 'zod';
import { describeValue, ScenarioError } from '../errors.js';
import { RNG_NAME } from '../rng.js';
import { parseWith } from '../scenario/problems.js';
import type { Trace } from './types.js';

export { countsFromTrace, forestFromTrace, stateAtTime } from './trace-replay.js';

/** Format tag of a serialised trace. */
export const TRACE_FORMAT = 'viralsim-trace';
/** Version of the serialised trace format this engine writes and reads. */
export const TRACE_VERSION = 1;

/** Most problems one parse reports before summarising the rest. */
const MAX_PROBLEMS = 20;

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

const traceMetaSchema = z.strictObject({
  model: z.string().min(1).describe('Model type that produced the trace.'),
  stateNames: z.array(z.string().min(1)).min(1).describe('State names in code order; state 0 is the start.'),
  nodeCount: z.number().int().min(0).describe('Number of people.'),
  ids: z.array(z.string()).nullable().describe('Node ids (index → id), or null when ids are indices.'),
  seeds: z.array(z.number().int()).describe('Seed indices.'),
  seed: z.number().int().describe('Scenario seed.'),
  run: z.number().int().min(0).describe('Run index.'),
  scenario: z.unknown().describe('The scenario (opaque JSON) or null.'),
  audience: z.array(z.number().int()).nullable().describe('Indices of the seeding audience, or null.'),
});

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

const columnSchema = z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array');

const traceFileSchema = z.strictObject({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  generator: z.string().optional(),
  meta: traceMetaSchema,
  kindNames: z.array(z.string().min(1)).min(1).max(256),
  channelNames: z.array(z.string().min(1)).min(1).max(256),
  events: z.strictObject({
    time: columnSchema,
    kind: columnSchema,
    person: columnSchema,
    source: columnSchema,
    channel: columnSchema,
  }),
});

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

/** Collects problems up to a cap, counting the rest. */
class Problems {
  readonly lines: string[] = [];
  extra = 0;
  constructor(readonly place: string) {}
  add(line: string): void {
    if (this.lines.length < MAX_PROBLEMS) this.lines.push(`${this.place}: ${line}`);
    else this.extra++;
  }
  throwIfAny(): void {
    if (this.lines.length === 0) return;
    const all =
      this.extra > 0 ? [...this.lines, `${this.place}: … and ${this.extra} more problems`] : this.lines;
    const head = all.length === 1 ? '' : `${this.lines.length + this.extra} problems:\n  `;
    throw new ScenarioError(`${head}${all.join('\n  ')}`, all);
  }
}

function checkIntegers(
  problems: Problems,
  path: string,
  values: readonly unknown[],
  low: number,
  high: number,
  out: Int32Array | Uint8Array,
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high) {
      out[i] = value;
    } else {
      problems.add(`${path}[${i}]: expected an integer in ${low}..${high}, got ${describeValue(value)}`);
    }
  }
}

/**
 * Parses and validates trace text written by {@link serializeTrace}. Checks the format tag and
 * version, every meta field, that all event columns have one length, that times are finite,
 * non-negative and non-decreasing, and that every kind, person, source and channel is in range.
 * Throws a ScenarioError listing the problems (up to 20, then a count), each naming `place` and the
 * field, e.g. `trace.json: events.person[12]: expected an integer in 0..99, got 140`. O(length).
 */
export function parseTrace(text: string, place: string): { trace: Trace; meta: TraceMeta } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${place}: expected JSON text, got a syntax error: ${(error as Error).message}`);
  }
  const file = parseWith(traceFileSchema, input, place);
  const problems = new Problems(place);
  const meta = file.meta;
  const n = meta.nodeCount;
  if (meta.ids !== null && meta.ids.length !== n) {
    problems.add(`meta.ids: expected ${n} ids (meta.nodeCount), got ${meta.ids.length}`);
  }
  checkIntegers(problems, 'meta.seeds', meta.seeds, 0, n - 1, new Int32Array(meta.seeds.length));
  if (meta.audience !== null) {
    checkIntegers(problems, 'meta.audience', meta.audience, 0, n - 1, new Int32Array(meta.audience.length));
  }
  const events = file.events;
  const length = events.time.length;
  for (const column of ['kind', 'person', 'source', 'channel'] as const) {
    if (events[column].length !== length) {
      problems.add(
        `events.${column}: expected ${length} entries (as many as events.time), got ${events[column].length}`,
      );
    }
  }
  problems.throwIfAny();
  const trace = createTrace(file.kindNames, file.channelNames, length);
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const value = events.time[i];
    if (typeof value === 'number' && Number.isFinite(value) && value >= previous) {
      trace.time[i] = value;
      previous = value;
    } else {
      const expected = i === 0 ? 'a finite time >= 0' : `a finite time >= ${previous} (times never decrease)`;
      problems.add(`events.time[${i}]: expected ${expected}, got ${describeValue(value)}`);
    }
  }
  checkIntegers(problems, 'events.kind', events.kind, 0, file.kindNames.length - 1, trace.kind);
  checkIntegers(problems, 'events.person', events.person, 0, n - 1, trace.person);
  checkIntegers(problems, 'events.source', events.source, -1, n - 1, trace.source);
  checkIntegers(problems, 'events.channel', events.channel, 0, file.channelNames.length - 1, trace.channel);
  problems.throwIfAny();
  trace.length = length;
  return {
    trace,
    meta: {
      model: meta.model,
      stateNames: meta.stateNames,
      nodeCount: n,
      ids: meta.ids,
      seeds: meta.seeds,
      seed: meta.seed,
      run: meta.run,
      scenario: meta.scenario ?? null,
      audience: meta.audience,
    },
  };
}
