import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../engine/models/run-model.js';
import type { ClassicModelSpec } from '../../engine/models/spec.js';
import { countsFromTrace, forestFromTrace } from '../../engine/simulation/trace.js';
import { fromEdges, runStreams } from './networks.js';

const FC = { seed: 20240601, numRuns: 60 };
const FOREVER = Number.POSITIVE_INFINITY;

/** A small random graph: n people, a list of edges, plus seeds. */
const graphArbitrary = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), {
      maxLength: 3 * n,
    }),
    seeds: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(3, n) }),
    isDirected: fc.boolean(),
    run: fc.integer({ min: 0, max: 1000 }),
  }),
);

const MODELS: ClassicModelSpec[] = [
  { type: 'independent-cascade', probability: 0.4 },
  { type: 'independent-cascade', probability: 'trivalency' },
  { type: 'linear-threshold', weights: 'in-degree' },
  { type: 'sir', transmissionRate: 0.7, recoveryRate: 1 },
  { type: 'bass', innovation: 0.05, imitation: 0.4 },
  { type: 'threshold', fraction: 0.3 },
  { type: 'rumor', contactRate: 1 },
];

function build(g: { n: number; edges: [number, number][]; isDirected: boolean }) {
  const edges = g.edges.filter(([u, v]) => u !== v);
  return fromEdges(g.n, edges, g.isDirected);
}

describe('runModel properties', () => {
  it('runModel(any classic model) reaches its seeds, reaches at most n, and its trace recomputes counts and forest', () => {
    fc.assert(
      fc.property(graphArbitrary, fc.constantFrom(...MODELS), (g, model) => {
        const network = build(g);
        const seeds = Int32Array.from(g.seeds);
        const horizon = model.type === 'bass' ? 10 : FOREVER;
        const result = runModel(network, model, seeds, runStreams(5, g.run), { horizon, shouldTrace: true });
        for (const s of seeds) expect(result.finalState[s]).not.toBe(0);
        expect(result.metrics['reach']).toBeLessThanOrEqual(g.n);
        expect(result.finalCounts.reduce((a, b) => a + b, 0)).toBe(g.n);
        const replay = countsFromTrace(result.trace!, result.stateNames, g.n, result.series.time);
        expect(replay.columns).toEqual(result.series.columns);
        expect(forestFromTrace(result.trace!, result.stateNames, g.n)).toEqual(result.forest);
        const again = runModel(network, model, seeds, runStreams(5, g.run), { horizon, shouldTrace: true });
        expect(again).toEqual(result);
      }),
      FC,
    );
  });

  it('runModel(independent cascade, probability 0) reaches only the seeds; probability 1 reaches the whole component', () => {
    fc.assert(
      fc.property(graphArbitrary, (g) => {
        const network = build({ ...g, isDirected: false });
        const seeds = Int32Array.from(g.seeds);
        const none = runModel(
          network,
          { type: 'independent-cascade', probability: 0 },
          seeds,
          runStreams(6, g.run),
          {
            horizon: FOREVER,
            shouldTrace: false,
          },
        );
        expect(none.metrics['reach']).toBe(seeds.length);
        const all = runModel(
          network,
          { type: 'independent-cascade', probability: 1 },
          seeds,
          runStreams(6, g.run),
          {
            horizon: FOREVER,
            shouldTrace: false,
          },
        );
        // Breadth-first search from the seeds gives the component(s).
        const seen = new Set<number>(seeds);
        const queue = [...seeds];
        while (queue.length > 0) {
          const u = queue.shift() as number;
          for (let e = network.outOffsets[u]!; e < network.outOffsets[u + 1]!; e++) {
            const v = network.outTargets[e]!;
            if (!seen.has(v)) {
              seen.add(v);
              queue.push(v);
            }
          }
        }
        expect(all.metrics['reach']).toBe(seen.size);
      }),
      FC,
    );
  });

  it('runModel(independent cascade, shouldCoupleArcs) never reaches fewer people with a higher probability', () => {
    fc.assert(
      fc.property(
        graphArbitrary,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (g, x, y) => {
          const network = build(g);
          const seeds = Int32Array.from(g.seeds);
          const options = { horizon: FOREVER, shouldTrace: false, shouldCoupleArcs: true };
          const low = runModel(
            network,
            { type: 'independent-cascade', probability: Math.min(x, y) },
            seeds,
            runStreams(7, g.run),
            options,
          );
          const high = runModel(
            network,
            { type: 'independent-cascade', probability: Math.max(x, y) },
            seeds,
            runStreams(7, g.run),
            options,
          );
          for (let v = 0; v < g.n; v++) if (low.finalState[v] === 1) expect(high.finalState[v]).toBe(1);
        },
      ),
      FC,
    );
  });
});
