/**
 * `--set` / `--vary` overrides: path parsing, copying along the path, and validation naming the flag.
 */
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../engine/errors.js';
import {
  applyAssignment,
  applyAssignments,
  parseAssignment,
  parseFlagValue,
  parsePath,
} from '../../engine/scenario/override.js';

const BASE = {
  version: 1,
  name: 'test',
  seed: 1,
  runs: 3,
  horizon: 20,
  network: { type: 'stochastic-block', sizes: [50, 50], pIn: 0.1, pOut: 0.01 },
  model: { type: 'independent-cascade', probability: 0.2 },
  seeding: { strategy: 'random', count: 2 },
};

describe('parsePath', () => {
  it('parsePath reads dotted keys and bracket or dotted indices', () => {
    expect(parsePath('model.probability', '--set')).toEqual(['model', 'probability']);
    expect(parsePath('network.sizes[1]', '--set')).toEqual(['network', 'sizes', 1]);
    expect(parsePath('network.sizes.1', '--set')).toEqual(['network', 'sizes', 1]);
  });

  it('parsePath refuses empty segments and prototype keys, naming the flag', () => {
    expect(() => parsePath('model..probability', '--set')).toThrow(
      /--set model\.\.probability: empty path segment/,
    );
    expect(() => parsePath('__proto__.x', '--vary')).toThrow(
      /--vary __proto__\.x: the key "__proto__" is not allowed/,
    );
    expect(() => parsePath('a[x]', '--set')).toThrow(OptionsError);
  });
});

describe('parseAssignment', () => {
  it('parseAssignment parses values as JSON when they can, else as text', () => {
    expect(parseAssignment('model.probability=0.3', '--set').value).toBe(0.3);
    expect(parseAssignment('name=launch day', '--set').value).toBe('launch day');
    expect(parseAssignment('network.sizes=[10,20]', '--set').value).toEqual([10, 20]);
    expect(parseFlagValue('true')).toBe(true);
    expect(parseFlagValue('"0.3"')).toBe('0.3');
  });

  it('parseAssignment refuses text without path=value', () => {
    expect(() => parseAssignment('model.probability', '--set')).toThrow(
      /--set "model\.probability": expected path=value/,
    );
    expect(() => parseAssignment('=3', '--set')).toThrow(OptionsError);
  });
});

describe('applyAssignment', () => {
  it('applyAssignment copies along the path and leaves the input untouched', () => {
    const next = applyAssignment(BASE, parseAssignment('network.sizes[1]=70', '--set')) as typeof BASE;
    expect(next.network.sizes).toEqual([50, 70]);
    expect(BASE.network.sizes).toEqual([50, 50]);
    expect(next.model).toBe(BASE.model);
  });

  it('applyAssignment refuses stepping into a number or past the end of a list', () => {
    expect(() => applyAssignment(BASE, parseAssignment('seed.x=1', '--set'))).toThrow(
      /--set seed\.x: seed is 1, not an object; the path does not exist/,
    );
    expect(() => applyAssignment(BASE, parseAssignment('network.sizes[5]=1', '--set'))).toThrow(
      /--set network\.sizes\[5\]: network\.sizes is a list of 2; expected an index 0\.\.1, got 5/,
    );
  });
});

describe('applyAssignments', () => {
  it('applyAssignments returns the validated scenario with the overrides', () => {
    const { scenario } = applyAssignments(
      BASE,
      [parseAssignment('model.probability=0.5', '--set'), parseAssignment('runs=9', '--set')],
      'b.json',
    );
    expect(scenario.model).toEqual({ type: 'independent-cascade', probability: 0.5 });
    expect(scenario.runs).toBe(9);
  });

  it('applyAssignments names the flag and path of an unknown key', () => {
    expect(() =>
      applyAssignments(BASE, [parseAssignment('model.probabilty=0.3', '--set')], 'b.json'),
    ).toThrow(/^--set model\.probabilty=0\.3: makes b\.json invalid: model\.probabilty: unknown key/);
  });

  it('applyAssignments names the flag and path of a wrongly typed value', () => {
    expect(() =>
      applyAssignments(BASE, [parseAssignment('model.probability=abc', '--vary')], 'b.json'),
    ).toThrow(
      /^--vary model\.probability="abc": makes b\.json invalid: model\.probability: expected .*got "abc"$/,
    );
  });

  it('applyAssignments attributes a problem to the assignment under whose path it lies', () => {
    const assignments = [parseAssignment('runs=5', '--set'), parseAssignment('network.pIn=2', '--set')];
    expect(() => applyAssignments(BASE, assignments, 'b.json')).toThrow(/^--set network\.pIn=2: /);
  });
});
