/**
 * Reading a serialised event trace (format `viralsim-trace`, see trace.ts): the file's schema and a
 * parser that checks every field and event, so a trace from anywhere can be replayed safely. Apart
 * from trace.ts so that the run pipeline, which only records traces, never loads zod.
 */
import * as z from 'zod';
import { describeValue, ScenarioError } from '../errors.js';
import { parseWith } from '../scenario/problems.js';
import { createTrace, TRACE_FORMAT, TRACE_VERSION, type TraceMeta } from './trace.js';
import type { Trace } from './types.js';

/** Most problems one parse reports before summarising the rest. */
const MAX_PROBLEMS = 20;

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
