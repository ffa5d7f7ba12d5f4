import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import { runModel } from '../../engine/models/run-model.js';
import { parseModelSpec } from '../../engine/models/spec.js';
import { countsFromTrace } from '../../engine/simulation/trace.js';
import { fromEdges, ring, runStreams } from './networks.js';

const FOREVER = { horizon: Number.POSITIVE_INFINITY, shouldTrace: true };

describe('runModel (threshold)', () => {
  it('runModel(ring of 8, fraction 0.5) spreads both ways one hop per generation', () => {
    const result = runModel(
      ring(8),
      { type: 'threshold', fraction: 0.5 },
      Int32Array.of(0),
      runStreams(1, 0),
      FOREVER,
    );
    expect(Array.from(result.forest.generation)).toEqual([0, 1, 2, 3, 4, 3, 2, 1]);
    expect(result.metrics['reach']).toBe(8);
  });

  it('runModel(ring of 8, count 2) does not spread from adjacent seeds: one friend is not enough', () => {
    const result = runModel(
      ring(8),
      { type: 'threshold', count: 2 },
      Int32Array.of(0, 1),
      runStreams(1, 0),
      FOREVER,
    );
    expect(result.metrics['reach']).toBe(2);
  });

  it('runModel(count 2) activates a person with two active in-neighbours in the next generation', () => {
    const network = fromEdges(
      4,
      [
        [0, 2],
        [1, 2],
        [2, 3],
      ],
      true,
    );
    const result = runModel(
      network,
      { type: 'threshold', count: 2 },
      Int32Array.of(0, 1),
      runStreams(1, 0),
      FOREVER,
    );
    expect(Array.from(result.finalState)).toEqual([1, 1, 1, 0]);
    expect(Array.from(result.forest.generation)).toEqual([0, 0, 1, -1]);
  });
});

describe('runModel (competing)', () => {
  const path = fromEdges(5, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
  ]);

  it('runModel(competing IC, overwrite 1) lets B replace A where it arrives later and counts the switch', () => {
    const spec = parseModelSpec(
      {
        type: 'competing',
        spread: 'independent-cascade',
        a: { probability: 1 },
        b: { probability: 1, startTime: 1, seeding: { strategy: 'nodes', nodes: [4] } },
        overwrite: 1,
      },
      'test.json',
    );
    if (spec.type !== 'competing') throw new Error('expected a competing spec');
    const result = runModel(path, spec, Int32Array.of(0), runStreams(2, 0), {
      ...FOREVER,
      secondarySeeds: Int32Array.of(4),
    });
    // Generation 1: A reaches 1, B is seeded at 4. Generation 2: A reaches 2, B reaches 3.
    // Generation 3: A (from 2) finds 3 taken by B; B (from 3) replaces A at 2. Generations 4 and 5: B
    // replaces A at 1, then at 0.
    expect(Array.from(result.finalState)).toEqual([2, 2, 2, 2, 2]);
    expect(result.metrics).toMatchObject({ reach: 5, reachA: 3, reachB: 5, switched: 3 });
    const replay = countsFromTrace(result.trace!, result.stateNames, 5, result.series.time);
    expect(replay.columns).toEqual(result.series.columns);
  });

  it('runModel(competing IC, overwrite 0) never replaces A', () => {
    const result = runModel(
      path,
      {
        type: 'competing',
        spread: 'independent-cascade',
        a: { probability: 1 },
        b: { probability: 1, startTime: 0, seeding: { strategy: 'nodes', nodes: [4] } },
        overwrite: 0,
      },
      Int32Array.of(0),
      runStreams(2, 0),
      { ...FOREVER, secondarySeeds: Int32Array.of(4) },
    );
    // Both start at generation 0 and meet in the middle: 0, 1 hold A; 3, 4 hold B; 2 is reached by both
    // in generation 2 and takes A (A's attempts come first).
    expect(Array.from(result.finalState)).toEqual([1, 1, 1, 2, 2]);
    expect(result.metrics['switched']).toBe(0);
  });

  it('runModel(competing SIR) keeps holders consistent and its trace recomputes the daily counts', () => {
    const network = ring(200);
    const result = runModel(
      network,
      {
        type: 'competing',
        spread: 'sir',
        a: { transmissionRate: 2, recoveryRate: 0.5 },
        b: {
          transmissionRate: 3,
          recoveryRate: 0.5,
          startTime: 2,
          seeding: { strategy: 'random', count: 1 },
        },
        overwrite: 0.5,
      },
      Int32Array.of(0),
      runStreams(3, 0),
      { ...FOREVER, secondarySeeds: Int32Array.of(100) },
    );
    const counts = result.finalCounts;
    expect((counts[1] as number) + (counts[3] as number)).toBe(result.metrics['finalA']);
    expect((counts[2] as number) + (counts[4] as number)).toBe(result.metrics['finalB']);
    expect(result.metrics['reachA']! + result.metrics['reachB']!).toBe(
      result.metrics['reach']! + result.metrics['switched']!,
    );
    const replay = countsFromTrace(result.trace!, result.stateNames, 200, result.series.time);
    expect(replay.columns).toEqual(result.series.columns);
  });
});

describe('parseModelSpec', () => {
  it('parseModelSpec(threshold with fraction and count) names both', () => {
    expect(() => parseModelSpec({ type: 'threshold', fraction: 0.2, count: 2 }, 's.json')).toThrow(
      's.json: model.count: `fraction` and `count` are mutually exclusive; give one',
    );
  });

  it('parseModelSpec(sir with a negative recovery rate) names the path and the value', () => {
    expect(() =>
      parseModelSpec({ type: 'sir', transmissionRate: 1, recoveryRate: -0.1 }, 'city.json'),
    ).toThrow('city.json: model.recoveryRate: expected a number > 0, got -0.1');
  });

  it('parseModelSpec(competing sir without rates) reports every missing rate at once', () => {
    let error: unknown;
    try {
      parseModelSpec(
        {
          type: 'competing',
          spread: 'sir',
          a: {},
          b: { startTime: 1, seeding: { strategy: 'random', count: 1 } },
          overwrite: 0.2,
        },
        'x.json',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems).toHaveLength(4);
    expect((error as ScenarioError).problems[0]).toContain(
      'model.a.transmissionRate: expected a rate per day',
    );
  });

  it('parseModelSpec(linear-threshold) defaults weights to in-degree and rumor contactRate to 1', () => {
    expect(parseModelSpec({ type: 'linear-threshold' }, 'x.json')).toEqual({
      type: 'linear-threshold',
      weights: 'in-degree',
    });
    expect(parseModelSpec({ type: 'rumor' }, 'x.json')).toEqual({ type: 'rumor', contactRate: 1 });
  });
});
