/**
 * The thread pool's task plan and packed metrics: the plan covers every run once, in order, with
 * tasks inside one job and shrinking towards the end; packing and unpacking keep every value and the
 * key order, falling back to the objects when runs report different metrics.
 */
import { describe, expect, it } from 'vitest';
import { packMetrics, planTasks, unpackMetrics } from '../../engine/cli/pool-protocol.js';

describe('planTasks', () => {
  it('planTasks(runsPerJob, threads) covers every run of every job once, in job and run order', () => {
    for (const threads of [2, 3, 8]) {
      for (const runsPerJob of [[200], [100, 100, 100], [1, 7, 0, 3], Array(20).fill(100)]) {
        const tasks = planTasks(runsPerJob, threads);
        const covered = runsPerJob.map(() => 0);
        let previous = { job: -1, end: 0 };
        for (const task of tasks) {
          expect(task.end).toBeGreaterThan(task.start);
          if (task.job === previous.job) expect(task.start).toBe(previous.end);
          else expect(task.start).toBe(0);
          expect(task.job).toBeGreaterThanOrEqual(previous.job);
          covered[task.job] = (covered[task.job] as number) + task.end - task.start;
          previous = task;
        }
        expect(covered).toEqual(runsPerJob);
      }
    }
  });

  it('planTasks keeps whole sweep points until the last few and ends with single runs', () => {
    const tasks = planTasks(Array(20).fill(100), 2);
    const wholePoints = tasks.filter((task) => task.start === 0 && task.end === 100).length;
    expect(wholePoints).toBe(17);
    expect(tasks.at(-1)).toEqual({ job: 19, start: 99, end: 100 });
    expect(tasks.length).toBeLessThan(60);
  });

  it('planTasks cuts one batch of 200 runs for 2 threads into shrinking tasks starting at 50 runs', () => {
    const sizes = planTasks([200], 2).map((task) => task.end - task.start);
    expect(sizes.slice(0, 4)).toEqual([50, 38, 28, 21]);
    for (let i = 1; i < sizes.length; i++)
      expect(sizes[i] as number).toBeLessThanOrEqual(sizes[i - 1] as number);
    expect(sizes.at(-1)).toBe(1);
  });
});

describe('packMetrics and unpackMetrics', () => {
  it('unpackMetrics(packMetrics(runs)) gives back every value, special ones included, in key order', () => {
    const runs = [
      { reach: 3, depth: -0, ratio: Number.NaN },
      { reach: 1e300, depth: 0.1 + 0.2, ratio: Number.POSITIVE_INFINITY },
    ];
    const packed = packMetrics(runs);
    expect('values' in packed && packed.values.length).toBe(6);
    const unpacked = unpackMetrics(packed);
    expect(unpacked).toEqual(runs);
    expect(unpacked.map((run) => Object.keys(run))).toEqual(runs.map((run) => Object.keys(run)));
    expect(Object.is(unpacked[0]?.['depth'], -0)).toBe(true);
    expect(JSON.stringify(unpacked)).toBe(JSON.stringify(runs));
  });

  it('packMetrics keeps the objects when runs report different metrics or key orders', () => {
    const runs = [
      { reach: 3, depth: 1 },
      { depth: 2, reach: 4 },
    ];
    const packed = packMetrics(runs);
    expect('objects' in packed).toBe(true);
    expect(JSON.stringify(unpackMetrics(packed))).toBe(JSON.stringify(runs));
    expect(unpackMetrics(packMetrics([]))).toEqual([]);
  });
});
