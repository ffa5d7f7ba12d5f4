/**
 * Scenario parsing and validation: every problem at once with its JSON path, malformed JSON with line
 * and column, unknown and `__proto__` keys refused, cross-part rules, and random JSON never crashing
 * the validator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import {
  lineAndColumn,
  parseScenario,
  scenarioProblems,
  validateScenario,
} from '../../engine/scenario/parse.js';

const BASE = {
  $schema: './scenario.schema.json',
  version: 1,
  name: 'test',
  seed: 1,
  runs: 3,
  horizon: 20,
  network: { type: 'erdos-renyi', nodes: 100, meanDegree: 4 },
  model: { type: 'independent-cascade', probability: 0.2 },
  seeding: { strategy: 'random', count: 2 },
};

function withChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(BASE), ...changes };
}

function problemsOf(text: string): readonly string[] {
  try {
    parseScenario(text, 'x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('parseScenario returns the typed scenario of a valid file', () => {
    const scenario = parseScenario(JSON.stringify(BASE), 'x.json');
    expect(scenario.model).toEqual({ type: 'independent-cascade', probability: 0.2 });
    expect(scenario.network.type).toBe('erdos-renyi');
    expect(scenario.runs).toBe(3);
  });

  it('parseScenario reports malformed JSON with its line and column', () => {
    const text = '{\n  "name": "x",\n  "seed" 1\n}';
    expect(() => parseScenario(text, 'bad.json')).toThrow(/bad\.json: line 3, column 10: malformed JSON/);
  });

  it('parseScenario reports a truncated file at its end', () => {
    expect(() => parseScenario('{\n "a": [1,', 't.json')).toThrow(
      /t\.json: line 2, column 10: malformed JSON/,
    );
  });

  it('parseScenario reports every problem at once, each with its JSON path', () => {
    const problems = problemsOf(
      JSON.stringify(
        withChanges({
          runs: -1,
          network: { type: 'erdos-renyi', nodes: 'many', meanDegree: 4 },
          model: { type: 'independent-cascade', probability: 1.5 },
        }),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^x\.json: runs: expected a number >= 1, got -1$/),
        expect.stringMatching(/^x\.json: network\.nodes: expected a number, got "many"$/),
        expect.stringMatching(/^x\.json: model\.probability: .*got 1\.5$/),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('parseScenario refuses unknown keys at any depth', () => {
    const problems = problemsOf(
      JSON.stringify(
        withChanges({ seeed: 3, model: { type: 'independent-cascade', probability: 0.2, prob: 1 } }),
      ),
    );
    expect([...problems].sort()).toEqual([
      'x.json: model.prob: unknown key (check its spelling; see the schema for the allowed keys)',
      'x.json: seeed: unknown key (check its spelling; see the schema for the allowed keys)',
    ]);
  });

  it('parseScenario refuses a __proto__ key at the top and inside a record', () => {
    const top = JSON.stringify(BASE).replace('{', '{"__proto__":{"polluted":true},');
    expect(problemsOf(top)).toContainEqual(expect.stringMatching(/^x\.json: __proto__: unknown key/));
    const nested = JSON.stringify(withChanges({ population: { segment: { values: { young: 1 } } } })).replace(
      '"young":1',
      '"young":1,"__proto__":2',
    );
    expect(problemsOf(nested)).toContainEqual(
      expect.stringMatching(/^x\.json: population\.segment\.values\.__proto__: unknown key/),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('parseScenario names an unknown model type and lists the known ones', () => {
    const problems = problemsOf(JSON.stringify(withChanges({ model: { type: 'viral-magic' } })));
    expect(problems[0]).toMatch(
      /^x\.json: model\.type: expected one of "independent-cascade", .*got "viral-magic"$/,
    );
  });

  it('parseScenario requires the format version', () => {
    const { version: _, ...rest } = BASE;
    expect(problemsOf(JSON.stringify(rest))).toContainEqual(
      'x.json: version: expected one of 1, got nothing',
    );
  });
});

describe('validateScenario cross-part rules', () => {
  it('validateScenario requires seeding except for bass', () => {
    const { seeding: _, ...rest } = BASE;
    expect(() => validateScenario(rest, 's.json')).toThrow(/s\.json: seeding: expected a seeding object/);
    const bass = { ...rest, model: { type: 'bass', innovation: 0.03, imitation: 0.38 } };
    expect(validateScenario(bass, 's.json').seeding).toBeUndefined();
  });

  it('validateScenario allows `campaign` only with model campaign and requires it there', () => {
    expect(() => validateScenario(withChanges({ campaign: {} }), 'c.json')).toThrow(
      /c\.json: campaign: only allowed with model "campaign", got model "independent-cascade"/,
    );
    expect(() => validateScenario(withChanges({ model: { type: 'campaign' } }), 'c.json')).toThrow(
      /c\.json: campaign: expected a campaign object for model "campaign", got nothing/,
    );
  });

  it('validateScenario reports cross-part rules together with type errors', () => {
    const { seeding: _, ...rest } = BASE;
    const problems = scenarioProblems({ ...rest, runs: 'ten' });
    expect(problems).toEqual([
      'runs: expected a number, got "ten"',
      expect.stringMatching(/^seeding: expected a seeding object/),
    ]);
  });
});

describe('lineAndColumn', () => {
  it('lineAndColumn counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('scenarioProblems on random input', () => {
  const SEED = 20240611;
  const RUNS = 300;

  it('scenarioProblems returns problems for random JSON and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const problems = scenarioProblems(value);
        expect(problems.length).toBeGreaterThan(0);
        for (const line of problems) expect(typeof line).toBe('string');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('validateScenario throws only ScenarioError for mutated valid scenarios', () => {
    const keys = ['network', 'model', 'seeding', 'runs', 'seed', 'horizon', 'name', 'version'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        const input = withChanges({ [key]: value });
        try {
          validateScenario(input, 'm.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          expect((error as ScenarioError).message).toMatch(/m\.json: /);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
