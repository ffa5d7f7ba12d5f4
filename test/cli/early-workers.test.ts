/**
 * Starting worker threads early: the loose estimate of a `run` or `sweep` command line (thread count,
 * runs and work) that decides it, from the flags and the scenario's raw JSON.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EARLY_WORK, estimateCommand } from '../../engine/cli/early-workers.js';
import { scratchFolder, smallScenario, writeScenario } from './cli-helpers.js';

let small = '';
let big = '';

describe('estimateCommand', () => {
  beforeAll(() => {
    const folder = scratchFolder('early');
    small = writeScenario(folder, 'small.json', smallScenario());
    big = writeScenario(
      folder,
      'big.json',
      smallScenario({ runs: 100, network: { type: 'erdos-renyi', nodes: 10_000, meanDegree: 6 } }),
    );
  });

  it('estimateCommand(run) reads --threads, --runs and the network size (nodes + edges)', () => {
    expect(estimateCommand('run', [small, '--threads', '3'])).toEqual({
      threads: 3,
      runs: 12,
      work: 12 * (400 + 800),
    });
    expect(estimateCommand('run', ['--runs=5', '--format', 'json', small, '--threads=2'])).toEqual({
      threads: 2,
      runs: 5,
      work: 5 * 1200,
    });
  });

  it('estimateCommand(sweep) multiplies by the grid points of every --vary and divides by the shards', () => {
    const args = [big, '--vary', 'model.probability=0.05:0.4:20', '--vary', 'seed=1,2', '--per-run'];
    const whole = estimateCommand('sweep', [...args, '--threads', '2']);
    expect(whole).toEqual({ threads: 2, runs: 4000, work: 4000 * 40_000 });
    expect(whole?.work).toBeGreaterThanOrEqual(EARLY_WORK);
    expect(estimateCommand('sweep', [...args, '--shard', '1/4', '--threads', '2'])?.runs).toBe(1000);
  });

  it('estimateCommand puts the small test scenario below the early start and gives up on help or a bad file', () => {
    expect(estimateCommand('run', [small])?.work).toBeLessThan(EARLY_WORK);
    expect(estimateCommand('run', [small, '--help'])).toBeNull();
    expect(estimateCommand('run', [join(small, '..', 'missing.json')])).toBeNull();
    expect(estimateCommand('sweep', ['--vary', 'seed=1,2'])).toBeNull();
  });
});
