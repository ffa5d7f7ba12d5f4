/**
 * Reusable run workspaces (engine/models/run-workspace.ts): a generation run that fills a reused
 * workspace gives exactly the result of a run with fresh arrays, across consecutive runs with
 * different seeds and reaches, after a run that threw, and in the batch path (runRange, which keeps
 * no series: `shouldKeepSeries: false` changes nothing else).
 */
import { describe, expect, it } from 'vitest';
import { prepareScenario, runRange, simulateRun } from '../../engine/batch/simulate.js';
import { runModel } from '../../engine/models/run-model.js';
import { createRunWorkspace } from '../../engine/models/run-workspace.js';
import type { ClassicModelSpec } from '../../engine/models/spec.js';
import { createStream } from '../../engine/rng.js';
import { validateScenario } from '../../engine/scenario/parse.js';
import type { RunResult } from '../../engine/simulation/types.js';
import { erdosRenyi, randomPeople, ring, runStreams } from './networks.js';

const N = 2000;
const MEAN_DEGREE = 4;
const RUNS = 8;
const OPTIONS = { horizon: Number.POSITIVE_INFINITY, shouldTrace: false };

/** A plain copy of everything a result holds, so later runs cannot change it through aliasing. */
function snapshot(result: RunResult) {
  return {
    model: result.model,
    finalState: Array.from(result.finalState),
    finalCounts: [...result.finalCounts],
    parent: Array.from(result.forest.parent),
    generation: Array.from(result.forest.generation),
    reachedTime: Array.from(result.forest.reachedTime),
    time: Array.from(result.series.time),
    columns: Object.fromEntries(Object.entries(result.series.columns).map(([k, v]) => [k, Array.from(v)])),
    seeds: Array.from(result.seeds),
    metrics: result.metrics,
  };
}

const MODELS: [string, ClassicModelSpec, boolean][] = [
  ['independent cascade p = 0.3', { type: 'independent-cascade', probability: 0.3 }, false],
  // Subcritical: small reaches, so the workspace resets entry by entry rather than by fills.
  ['independent cascade p = 0.1', { type: 'independent-cascade', probability: 0.1 }, false],
  ['independent cascade p = 1', { type: 'independent-cascade', probability: 1 }, false],
  [
    'independent cascade weighted-cascade',
    { type: 'independent-cascade', probability: 'weighted-cascade' },
    false,
  ],
  ['independent cascade coupled p = 0.25', { type: 'independent-cascade', probability: 0.25 }, true],
  ['linear threshold', { type: 'linear-threshold', weights: 'in-degree' }, false],
  ['threshold fraction 0.2', { type: 'threshold', fraction: 0.2 }, false],
];

describe('runModel with options.workspace', () => {
  const network = erdosRenyi(N, MEAN_DEGREE, 11);
  for (const [label, model, shouldCoupleArcs] of MODELS) {
    it(`runModel(${label}) with one reused workspace equals fresh runs over ${RUNS} consecutive seeds`, () => {
      const workspace = createRunWorkspace(N);
      const pick = createStream(3, 'test-seeds');
      let reaches = new Set<number>();
      for (let r = 0; r < RUNS; r++) {
        // Alternate large and small seed sets so a big run is followed by a small one and back.
        const seeds = randomPeople(N, r % 2 === 0 ? 40 : 2, pick);
        const options = { ...OPTIONS, shouldCoupleArcs };
        const fresh = snapshot(runModel(network, model, seeds, runStreams(r + 1, r), options));
        const reused = snapshot(
          runModel(network, model, seeds, runStreams(r + 1, r), { ...options, workspace }),
        );
        expect(reused).toEqual(fresh);
        reaches = reaches.add(fresh.metrics['reach'] as number);
      }
      // The runs differ, so stale entries of an earlier run would show.
      expect(reaches.size).toBeGreaterThan(1);
    });
  }

  for (const [label, model, shouldCoupleArcs] of MODELS) {
    it(`runModel(${label}) with shouldKeepSeries false gives the same run with an empty series`, () => {
      const workspace = createRunWorkspace(N);
      const pick = createStream(5, 'test-seeds');
      for (let r = 0; r < 4; r++) {
        const seeds = randomPeople(N, r % 2 === 0 ? 40 : 2, pick);
        const options = { ...OPTIONS, shouldCoupleArcs };
        const full = runModel(network, model, seeds, runStreams(r + 1, r), options);
        const expected = {
          ...snapshot(full),
          time: [],
          columns: { inactive: [], active: [], newActivations: [] },
        };
        expect(full.series.time.length).toBeGreaterThan(0);
        for (const extra of [{}, { workspace }]) {
          const bare = runModel(network, model, seeds, runStreams(r + 1, r), {
            ...options,
            ...extra,
            shouldKeepSeries: false,
          });
          expect(snapshot(bare)).toEqual(expected);
        }
      }
      // A later run that keeps its series still gets every row.
      const seeds = randomPeople(N, 10, pick);
      const options = { ...OPTIONS, shouldCoupleArcs };
      expect(snapshot(runModel(network, model, seeds, runStreams(9, 9), { ...options, workspace }))).toEqual(
        snapshot(runModel(network, model, seeds, runStreams(9, 9), options)),
      );
    });
  }

  it('runModel with a workspace keeps a series that grew past its capacity, and empties it for the next run', () => {
    // On a ring, p = 1 from one seed takes n / 2 generations: far more rows than the builder starts with.
    const ringNetwork = ring(400);
    const workspace = createRunWorkspace(400);
    const model: ClassicModelSpec = { type: 'independent-cascade', probability: 1 };
    const deep = snapshot(runModel(ringNetwork, model, Int32Array.of(0), runStreams(2, 0), OPTIONS));
    expect(deep.time.length).toBeGreaterThan(64 * 2);
    for (const [run, seeds] of [Int32Array.of(0), Int32Array.of(7, 200), Int32Array.of(3)].entries()) {
      const fresh = snapshot(runModel(ringNetwork, model, seeds, runStreams(2, run), OPTIONS));
      const reused = snapshot(
        runModel(ringNetwork, model, seeds, runStreams(2, run), { ...OPTIONS, workspace }),
      );
      expect(reused).toEqual(fresh);
    }
  });

  it('runModel with a workspace after a run that threw still equals a fresh run', () => {
    const workspace = createRunWorkspace(N);
    const model: ClassicModelSpec = { type: 'independent-cascade', probability: 1 };
    const seeds = Int32Array.of(1, 2, 3);
    runModel(network, model, seeds, runStreams(1, 0), { ...OPTIONS, workspace });
    // "weight" on a network without weights throws after the seeds are activated.
    expect(() =>
      runModel(
        network,
        { type: 'independent-cascade', probability: 'weight' },
        Int32Array.of(9),
        runStreams(1, 1),
        {
          ...OPTIONS,
          workspace,
        },
      ),
    ).toThrow(/weight/);
    const small: ClassicModelSpec = { type: 'independent-cascade', probability: 0.1 };
    const fresh = snapshot(runModel(network, small, Int32Array.of(5), runStreams(1, 2), OPTIONS));
    const reused = snapshot(
      runModel(network, small, Int32Array.of(5), runStreams(1, 2), { ...OPTIONS, workspace }),
    );
    expect(reused).toEqual(fresh);
  });

  it('runModel with a workspace sized for another network ignores it and allocates', () => {
    const workspace = createRunWorkspace(N + 1);
    const model: ClassicModelSpec = { type: 'independent-cascade', probability: 0.3 };
    const result = runModel(network, model, Int32Array.of(0, 1), runStreams(2, 0), { ...OPTIONS, workspace });
    expect(result.finalState).not.toBe(workspace.state);
    expect(snapshot(result)).toEqual(
      snapshot(runModel(network, model, Int32Array.of(0, 1), runStreams(2, 0), OPTIONS)),
    );
  });
});

describe('runRange (reused workspace)', () => {
  for (const model of [
    { type: 'independent-cascade', probability: 0.3 },
    { type: 'linear-threshold' },
    { type: 'threshold', fraction: 0.3 },
  ]) {
    it(`runRange(${model.type}) gives the metrics of simulateRun run by run`, () => {
      const scenario = validateScenario(
        {
          version: 1,
          name: 'workspace',
          seed: 8,
          runs: RUNS,
          horizon: 50,
          network: { type: 'erdos-renyi', nodes: 500, meanDegree: 3 },
          model,
          seeding: { strategy: 'random', count: 3 },
        },
        'workspace.json',
      );
      const prepared = prepareScenario(scenario);
      const batch = runRange(prepared, 0, RUNS);
      const single = Array.from({ length: RUNS }, (_, r) => simulateRun(prepared, r).metrics);
      expect(batch).toEqual(single);
      expect(new Set(batch.map((m) => m['reach'])).size).toBeGreaterThan(1);
    });
  }

  it('simulateRun after runRange still returns fresh arrays the next batch run does not touch', () => {
    const scenario = validateScenario(
      {
        version: 1,
        name: 'workspace',
        seed: 8,
        runs: 4,
        horizon: 50,
        network: { type: 'erdos-renyi', nodes: 500, meanDegree: 3 },
        model: { type: 'independent-cascade', probability: 0.5 },
        seeding: { strategy: 'random', count: 3 },
      },
      'workspace.json',
    );
    const prepared = prepareScenario(scenario);
    runRange(prepared, 0, 1);
    const kept = simulateRun(prepared, 1);
    const before = snapshot(kept);
    runRange(prepared, 2, 4);
    expect(snapshot(kept)).toEqual(before);
  });
});
