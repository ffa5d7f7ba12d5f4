import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import {
  countsFromTrace,
  createTrace,
  forestFromTrace,
  recordEvent,
  serializeTrace,
  stateAtTime,
  type TraceMeta,
  trimTrace,
} from '../../engine/simulation/trace.js';
import { parseTrace } from '../../engine/simulation/trace-parse.js';

const STATES = ['susceptible', 'infected', 'recovered'];

/** A hand-made SIR trace on 4 people: 0 seeds, infects 1 at 0.5 and 2 at 1.5, 0 recovers at 2. */
function sampleTrace() {
  const trace = createTrace(['infected', 'recovered', 'impression'], ['seed', 'peer', 'self'], 2);
  recordEvent(trace, 0, 0, 0, -1, 0);
  recordEvent(trace, 0.5, 0, 1, 0, 1);
  recordEvent(trace, 1, 2, 3, 1, 1);
  recordEvent(trace, 1.5, 0, 2, 1, 1);
  recordEvent(trace, 2, 1, 0, -1, 2);
  return trace;
}

const META: TraceMeta = {
  model: 'sir',
  stateNames: STATES,
  nodeCount: 4,
  ids: null,
  seeds: [0],
  seed: 42,
  run: 3,
  scenario: { name: 'tiny' },
  audience: null,
};

describe('trace', () => {
  it('recordEvent(trace) grows the arrays and serializeTrace/parseTrace round-trip every column', () => {
    const trace = sampleTrace();
    expect(trace.time.length).toBe(16);
    const text = serializeTrace(trace, META);
    const { trace: back, meta } = parseTrace(text, 'trace.json');
    expect(meta).toEqual(META);
    expect(trimTrace(back)).toEqual(trimTrace(trace));
    expect(JSON.parse(text).format).toBe('viralsim-trace');
  });

  it('parseTrace(text) names the field, the expectation and the value for an out-of-range person', () => {
    const document = JSON.parse(serializeTrace(sampleTrace(), { ...META, nodeCount: 4 }));
    document.events.person[3] = 140;
    expect(() => parseTrace(JSON.stringify(document), 'trace.json')).toThrow(
      'trace.json: events.person[3]: expected an integer in 0..3, got 140',
    );
  });

  it('parseTrace(text) reports decreasing times, bad kinds and mismatched columns together', () => {
    const document = JSON.parse(serializeTrace(sampleTrace(), META));
    document.events.time[2] = 0.25;
    document.events.kind[0] = 9;
    let error: unknown;
    try {
      parseTrace(JSON.stringify(document), 'run.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems).toEqual([
      'run.json: events.time[2]: expected a finite time >= 0.5 (times never decrease), got 0.25',
      'run.json: events.kind[0]: expected an integer in 0..2, got 9',
    ]);
    document.events.channel.pop();
    expect(() => parseTrace(JSON.stringify(document), 'run.json')).toThrow(
      'events.channel: expected 5 entries (as many as events.time), got 4',
    );
  });

  it('parseTrace(text) rejects another format, bad JSON and a seed outside the network', () => {
    expect(() => parseTrace('{"format":"other"', 't.json')).toThrow(/t\.json: expected JSON text/);
    const document = JSON.parse(serializeTrace(sampleTrace(), META));
    document.format = 'csv';
    expect(() => parseTrace(JSON.stringify(document), 't.json')).toThrow(/t\.json: format: expected/);
    document.format = 'viralsim-trace';
    document.meta.seeds = [7];
    expect(() => parseTrace(JSON.stringify(document), 't.json')).toThrow(
      't.json: meta.seeds[0]: expected an integer in 0..3, got 7',
    );
  });

  it('stateAtTime(trace) applies state-entering kinds up to the time and ignores the others', () => {
    const trace = sampleTrace();
    expect(Array.from(stateAtTime(trace, STATES, 4, 0))).toEqual([1, 0, 0, 0]);
    expect(Array.from(stateAtTime(trace, STATES, 4, 1))).toEqual([1, 1, 0, 0]);
    const out = new Uint8Array(4).fill(2);
    expect(stateAtTime(trace, STATES, 4, 5, out)).toBe(out);
    expect(Array.from(out)).toEqual([2, 1, 1, 0]);
  });

  it('countsFromTrace(trace) gives the counts per day and the newly reached people', () => {
    const series = countsFromTrace(sampleTrace(), STATES, 4, [0, 1, 2]);
    expect(Array.from(series.columns['susceptible']!)).toEqual([3, 2, 1]);
    expect(Array.from(series.columns['infected']!)).toEqual([1, 2, 2]);
    expect(Array.from(series.columns['recovered']!)).toEqual([0, 0, 1]);
    expect(Array.from(series.columns['newActivations']!)).toEqual([1, 1, 1]);
  });

  it('forestFromTrace(trace) reads parents, generations and reach times from first reaches', () => {
    const forest = forestFromTrace(sampleTrace(), STATES, 4);
    expect(Array.from(forest.parent)).toEqual([-1, 0, 1, -1]);
    expect(Array.from(forest.generation)).toEqual([0, 1, 2, -1]);
    expect(Array.from(forest.reachedTime)).toEqual([0, 0.5, 1.5, Number.POSITIVE_INFINITY]);
  });
});
