/**
 * The run pipeline in process: streams per (seed, run, purpose), the network built once unless
 * resampled, metrics merged cascade-first, batches independent of how runs are split, and `simulate`
 * equal to `runBatch` on a prepared scenario.
 */
import { describe, expect, it } from 'vitest';
import { runBatch, simulate } from '../../engine/batch/run-batch.js';
import { networkKeyOf, prepareScenario, runRange, simulateRun } from '../../engine/batch/simulate.js';
import { ScenarioError } from '../../engine/errors.js';
import { validateScenario } from '../../engine/scenario/parse.js';

function scenario(overrides: Record<string, unknown> = {}) {
  return validateScenario(
    {
      version: 1,
      name: 'pipeline',
      seed: 5,
      runs: 8,
      horizon: 40,
      network: { type: 'erdos-renyi', nodes: 300, meanDegree: 4 },
      model: { type: 'independent-cascade', probability: 0.3 },
      seeding: { strategy: 'random', count: 2 },
      ...overrides,
    },
    'pipeline.json',
  );
}

describe('prepareScenario', () => {
  it('prepareScenario builds the same network from the same seed and another from another seed', () => {
    const a = prepareScenario(scenario()).network;
    const b = prepareScenario(scenario()).network;
    const c = prepareScenario(scenario({ seed: 6 })).network;
    expect(b.outTargets).toEqual(a.outTargets);
    expect(c.edgeCount === a.edgeCount && c.outTargets.every((v, i) => v === a.outTargets[i])).toBe(false);
  });

  it('prepareScenario reuses the previous network only when seed, network and population all match', () => {
    const first = prepareScenario(scenario());
    const sameNetwork = prepareScenario(scenario({ model: { type: 'linear-threshold' } }), {
      previous: first,
    });
    expect(sameNetwork.network).toBe(first.network);
    expect(sameNetwork.scratch).toBe(first.scratch);
    for (const overrides of [
      { seed: 6 },
      { network: { type: 'erdos-renyi', nodes: 300, meanDegree: 5 } },
      { population: { segment: { values: { a: 1, b: 1 } } } },
      { network: { type: 'erdos-renyi', nodes: 300, meanDegree: 4, resample: true } },
    ]) {
      expect(prepareScenario(scenario(overrides), { previous: first }).network).not.toBe(first.network);
    }
  });

  it('prepareScenario gives the same runs with a lent network as with a freshly built one', () => {
    const other = scenario({ model: { type: 'independent-cascade', probability: 0.1 } });
    const lent = prepareScenario(other, { previous: prepareScenario(scenario()) });
    const fresh = prepareScenario(other);
    expect(runRange(lent, 0, 8)).toEqual(runRange(fresh, 0, 8));
  });

  it('prepareScenario lends a file network only to a scenario read with the same loader', () => {
    const base = prepareScenario(scenario());
    const loader = () => base.network;
    const fileScenario = scenario({ network: { type: 'file', path: 'g.txt' } });
    const first = prepareScenario(fileScenario, { loadGraph: loader });
    expect(prepareScenario(fileScenario, { loadGraph: loader, previous: first }).network).toBe(first.network);
    const otherLoader = () => prepareScenario(scenario({ seed: 9 })).network;
    const second = prepareScenario(fileScenario, { loadGraph: otherLoader, previous: first });
    expect(second.network).not.toBe(first.network);
  });

  it("prepareScenario takes a lent network only when its key is the scenario's network key", () => {
    const built = prepareScenario(scenario());
    const key = networkKeyOf(scenario()) as string;
    const lent = { key, network: built.network };
    const other = scenario({ model: { type: 'independent-cascade', probability: 0.1 } });
    const taken = prepareScenario(other, { lent });
    expect(taken.network).toBe(built.network);
    expect(runRange(taken, 0, 8)).toEqual(runRange(prepareScenario(other), 0, 8));
    expect(prepareScenario(scenario({ seed: 6 }), { lent }).network).not.toBe(built.network);
    // A file network lent under its key needs no loader.
    const fileScenario = scenario({ network: { type: 'file', path: 'g.txt' } });
    const fileKey = networkKeyOf(fileScenario) as string;
    expect(prepareScenario(fileScenario, { lent: { key: fileKey, network: built.network } }).network).toBe(
      built.network,
    );
    // A resampled network has no key and is never lent.
    const resampled = scenario({
      network: { type: 'erdos-renyi', nodes: 300, meanDegree: 4, resample: true },
    });
    expect(networkKeyOf(resampled)).toBeNull();
  });

  it('prepareScenario asks for a graph loader for a file network', () => {
    const fileScenario = scenario({ network: { type: 'file', path: 'g.txt' } });
    expect(() => prepareScenario(fileScenario, { place: 'f.json' })).toThrow(ScenarioError);
    expect(() => prepareScenario(fileScenario, { place: 'f.json' })).toThrow(
      /f\.json: network: a "file" network needs a graph loader/,
    );
  });
});

describe('simulateRun', () => {
  it('simulateRun gives identical results for the same run and draws new seeds per run', () => {
    const prepared = prepareScenario(scenario());
    const first = simulateRun(prepared, 3);
    const again = simulateRun(prepared, 3);
    expect(again.metrics).toEqual(first.metrics);
    expect(again.seeds).toEqual(first.seeds);
    const seedSets = new Set(
      [0, 1, 2, 3, 4, 5].map((r) => Array.from(simulateRun(prepared, r).seeds).join(',')),
    );
    expect(seedSets.size).toBeGreaterThan(1);
  });

  it('simulateRun lists the cascade metrics first, then the model metrics', () => {
    const metrics = simulateRun(prepareScenario(scenario()), 0).metrics;
    expect(Object.keys(metrics).slice(0, 9)).toEqual([
      'reach',
      'reachFraction',
      'duration',
      'depth',
      'maxBreadth',
      'structuralVirality',
      'reproduction',
      'beyondAudience',
      'beyondAudienceFraction',
    ]);
    expect(metrics['reachFraction']).toBeCloseTo((metrics['reach'] as number) / 300, 12);
  });

  it('simulateRun with resample builds a fresh network per run, the same one for the same run', () => {
    const prepared = prepareScenario(
      scenario({ network: { type: 'erdos-renyi', nodes: 300, meanDegree: 4, resample: true } }),
    );
    const results = [1, 2, 3].map((r) => simulateRun(prepared, r));
    expect(simulateRun(prepared, 2).metrics).toEqual(results[1]?.metrics);
    const fixed = prepareScenario(scenario());
    expect(simulateRun(fixed, 2).metrics).not.toEqual(results[1]?.metrics);
  });

  it('simulateRun with probability 0 reaches exactly the seeds', () => {
    const prepared = prepareScenario(scenario({ model: { type: 'independent-cascade', probability: 0 } }));
    for (let r = 0; r < 5; r++) {
      const { metrics } = simulateRun(prepared, r);
      expect(metrics['reach']).toBe(2);
      expect(metrics['beyondAudience']).toBe(0);
    }
  });

  it('simulateRun runs bass without seeding', () => {
    const bass = scenario({ model: { type: 'bass', innovation: 0.05, imitation: 0.3 }, horizon: 10 });
    const { seeding: _, ...rest } = bass;
    const result = simulateRun(prepareScenario(rest as typeof bass), 0);
    expect(result.seeds.length).toBe(0);
    expect(result.metrics['reach']).toBeGreaterThan(0);
  });
});

describe('runBatch', () => {
  it('runBatch gives the same per-run metrics however the runs are split', () => {
    const prepared = prepareScenario(scenario());
    const whole = runBatch(prepared).metricsPerRun;
    const split = [...runRange(prepared, 0, 3), ...runRange(prepared, 3, 5), ...runRange(prepared, 5, 8)];
    expect(split).toEqual(whole);
  });

  it('simulate returns the report of runBatch, with per-metric summaries and the size distribution', () => {
    const report = simulate(scenario(), { runs: 6 });
    const batch = runBatch(prepareScenario(scenario()), { runs: 6 });
    expect(report).toEqual(batch.report);
    expect(report.runs).toBe(6);
    expect(report.metrics['reach']?.mean).toBeCloseTo(
      batch.metricsPerRun.reduce((sum, m) => sum + (m['reach'] as number), 0) / 6,
      10,
    );
    expect(report.cascadeSizeDistribution.ccdf[0]?.fraction).toBe(1);
  });

  it('runBatch reports progress after every run', () => {
    const seen: number[] = [];
    runBatch(prepareScenario(scenario()), { runs: 4, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});
