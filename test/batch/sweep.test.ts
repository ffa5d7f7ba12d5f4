/**
 * Sweep plans: `--vary` values and ranges, the grid order, shard slicing and the record layout.
 */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/batch/run-batch.js';
import {
  fingerprint,
  gridPoint,
  gridSize,
  parseShard,
  parseVary,
  pointRecord,
  shardPoints,
  sweepFingerprint,
} from '../../engine/batch/sweep.js';
import { OptionsError } from '../../engine/errors.js';

describe('parseVary', () => {
  it('parseVary reads a list, each item JSON when it parses', () => {
    expect(parseVary('model.probability=0.1,0.2,0.3').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseVary('seeding.strategy=random,top-degree').values).toEqual(['random', 'top-degree']);
    expect(parseVary('network.sizes=[10,20],[30,40]').values).toEqual([
      [10, 20],
      [30, 40],
    ]);
  });

  it('parseVary reads start:stop:count as evenly spaced values with both ends', () => {
    expect(parseVary('model.probability=0.1:0.5:5').values).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseVary('runs=10:10:1').values).toEqual([10]);
    expect(parseVary('x=1:10:10').values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('parseVary refuses a range with a bad count, naming the flag', () => {
    expect(() => parseVary('model.probability=0:1:0')).toThrow(
      /--vary model\.probability=0:1:0: expected start:stop:count/,
    );
    expect(() => parseVary('model.probability=')).toThrow(OptionsError);
  });
});

describe('gridPoint', () => {
  it('gridPoint varies the last --vary fastest', () => {
    const varies = [parseVary('a=1,2'), parseVary('b=x,y,z')];
    expect(gridSize(varies)).toBe(6);
    const points = Array.from({ length: 6 }, (_, i) => gridPoint(varies, i));
    expect(points).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
  });
});

describe('shardPoints', () => {
  it('shardPoints deals point i to shard i mod n, and the shards partition the sweep', () => {
    expect(shardPoints(10, { index: 1, count: 4 })).toEqual([1, 5, 9]);
    const all = [0, 1, 2, 3].flatMap((index) => shardPoints(10, { index, count: 4 })).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('parseShard reads i/n and refuses i >= n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('5/4')).toThrow(/--shard 5\/4: expected i\/n with n >= 1 and 0 <= i < n/);
    expect(() => parseShard('1/0')).toThrow(OptionsError);
    expect(() => parseShard('a/b')).toThrow(OptionsError);
  });
});

describe('sweepFingerprint', () => {
  it('sweepFingerprint changes with the scenario, the varies and per-run, and only with them', () => {
    const varies = [parseVary('a=1,2')];
    const base = sweepFingerprint({ seed: 1 }, varies, false);
    expect(sweepFingerprint({ seed: 1 }, [parseVary('a=1,2')], false)).toBe(base);
    expect(sweepFingerprint({ seed: 2 }, varies, false)).not.toBe(base);
    expect(sweepFingerprint({ seed: 1 }, [parseVary('a=1,3')], false)).not.toBe(base);
    expect(sweepFingerprint({ seed: 1 }, varies, true)).not.toBe(base);
    expect(fingerprint('')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('pointRecord', () => {
  it('pointRecord puts the sweep keys first and the per-run values last', () => {
    const summary = {
      count: 2,
      nanCount: 0,
      mean: 1.5,
      sd: 0.7,
      ci95: [0, 3] as [number, number],
      min: 1,
      p5: 1,
      p50: 1.5,
      p95: 2,
      max: 2,
    };
    const report: RunReport = {
      scenario: 's',
      seed: 1,
      runs: 2,
      rng: 'seedrandom-alea',
      network: { nodes: 3, edges: 2, directed: false },
      metrics: { reach: summary },
      cascadeSizeDistribution: { histogram: [], ccdf: [] },
    };
    const record = pointRecord('f', 3, [parseVary('a=1,2'), parseVary('b=5,6')], report, [
      { reach: 1 },
      { reach: 2 },
    ]);
    expect(Object.keys(record)).toEqual([
      'sweep',
      'point',
      'points',
      'values',
      'scenario',
      'seed',
      'runs',
      'rng',
      'network',
      'metrics',
      'cascadeSizeDistribution',
      'perRun',
    ]);
    expect(record.values).toEqual({ a: 2, b: 6 });
    expect(record.perRun).toEqual({ reach: [1, 2] });
  });
});
