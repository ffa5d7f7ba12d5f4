import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreNumbers } from '../../engine/seeding/k-core.js';
import { pageRank } from '../../engine/seeding/pagerank.js';
import { makeNetwork } from './fixtures.js';

const FAST_CHECK_SEED = 7_301;

/** Core numbers by naive peeling: repeatedly remove a person of least remaining degree. O(n²). */
function peelCores(n: number, edges: readonly (readonly [number, number])[]): number[] {
  const neighbours = Array.from({ length: n }, () => new Set<number>());
  for (const [u, v] of edges) {
    if (u === v) continue;
    neighbours[u]!.add(v);
    neighbours[v]!.add(u);
  }
  const degree = neighbours.map((s) => s.size);
  const removed = new Array<boolean>(n).fill(false);
  const core = new Array<number>(n).fill(0);
  let level = 0;
  for (let step = 0; step < n; step++) {
    let best = -1;
    for (let u = 0; u < n; u++) if (!removed[u] && (best < 0 || degree[u]! < degree[best]!)) best = u;
    level = Math.max(level, degree[best]!);
    core[best] = level;
    removed[best] = true;
    for (const v of neighbours[best]!) if (!removed[v]) degree[v]!--;
  }
  return core;
}

const graphArbitrary = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 30 }),
    rawEdges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 120 }),
  })
  .map(({ nodeCount, rawEdges }) => ({
    nodeCount,
    edges: rawEdges.map(([u, v]) => [u % nodeCount, v % nodeCount] as const),
  }));

describe('coreNumbers properties', () => {
  it('coreNumbers(undirected) agrees with naive peeling', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges }) => {
        const net = makeNetwork(nodeCount, edges);
        expect(Array.from(coreNumbers(net))).toEqual(peelCores(nodeCount, edges));
      }),
      { seed: FAST_CHECK_SEED, numRuns: 300 },
    );
  });
});

describe('pageRank properties', () => {
  it('pageRank(directed) is positive and sums to 1', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges }) => {
        const rank = pageRank(makeNetwork(nodeCount, edges, { isDirected: true }));
        expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const x of rank) expect(x).toBeGreaterThan(0);
      }),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });
});
