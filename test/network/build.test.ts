import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../engine/errors.js';
import { buildNetwork, estimateNetworkBytes } from '../../engine/network/build.js';
import { createEdgeBuffer, pushEdge } from '../../engine/network/edge-buffer.js';
import { resetWarnings, warningCount } from '../../engine/warn.js';

function edges(list: readonly (readonly [number, number])[], weights?: readonly number[]) {
  const buffer = createEdgeBuffer(list.length, weights !== undefined);
  list.forEach(([u, v], i) => {
    pushEdge(buffer, u, v, weights?.[i] ?? 1);
  });
  return buffer;
}

function neighbours(offsets: Int32Array, targets: Int32Array, u: number): number[] {
  return Array.from(targets.subarray(offsets[u], offsets[u + 1]));
}

afterEach(() => resetWarnings());

describe('buildNetwork', () => {
  it('buildNetwork(path of 3, undirected) stores each edge both ways with sorted rows', () => {
    const net = buildNetwork(
      edges([
        [1, 2],
        [1, 0],
      ]),
      { nodeCount: 3, isDirected: false },
    );
    expect(net.edgeCount).toBe(2);
    expect(net.arcCount).toBe(4);
    expect(neighbours(net.outOffsets, net.outTargets, 1)).toEqual([0, 2]);
    expect(neighbours(net.outOffsets, net.outTargets, 0)).toEqual([1]);
    expect(net.inOffsets).toBe(net.outOffsets);
  });

  it('buildNetwork(directed) builds in-arcs as the transpose, weights aligned', () => {
    const net = buildNetwork(
      edges(
        [
          [0, 2],
          [1, 2],
          [2, 0],
        ],
        [0.5, 0.25, 1],
      ),
      { nodeCount: 3, isDirected: true },
    );
    expect(neighbours(net.inOffsets, net.inSources, 2)).toEqual([0, 1]);
    expect(Array.from(net.inWeights!.subarray(net.inOffsets[2], net.inOffsets[3]))).toEqual([0.5, 0.25]);
    expect(neighbours(net.outOffsets, net.outTargets, 2)).toEqual([0]);
  });

  it('buildNetwork drops and counts self-loops and duplicates with one warning each, keeping the first weight', () => {
    const net = buildNetwork(
      edges(
        [
          [0, 1],
          [1, 0],
          [0, 0],
          [0, 1],
          [2, 2],
        ],
        [3, 4, 5, 6, 7],
      ),
      {
        nodeCount: 3,
        isDirected: false,
      },
    );
    expect(net.selfLoopsDropped).toBe(2);
    expect(net.duplicatesDropped).toBe(2);
    expect(net.edgeCount).toBe(1);
    expect(Array.from(net.outWeights!)).toEqual([3, 3]);
    expect(warningCount()).toBe(2);
  });

  it('buildNetwork rejects an edge to a missing node, naming the edge', () => {
    expect(() => buildNetwork(edges([[0, 5]]), { nodeCount: 3, isDirected: false })).toThrow(GraphError);
    expect(() => buildNetwork(edges([[0, 5]]), { nodeCount: 3, isDirected: false })).toThrow(
      /edge 1: expected node indices/,
    );
  });

  it('buildNetwork rejects a NaN weight instead of coercing it', () => {
    expect(() => buildNetwork(edges([[0, 1]], [Number.NaN]), { nodeCount: 2, isDirected: true })).toThrow(
      /expected a finite weight, got NaN/,
    );
  });

  it('buildNetwork refuses a network whose estimated arrays exceed the limit, saying the estimate', () => {
    expect(estimateNetworkBytes(1e6, 5e6, false)).toBeLessThan(2e8);
    const huge = { ...edges([]), length: 0 };
    expect(() => buildNetwork(huge, { nodeCount: 2 ** 31 - 2, isDirected: false })).toThrow(/GB of arrays/);
  });

  it('buildNetwork round-trips the edge multiset of random simple graphs, degrees summing to 2m', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 }),
              fc.boolean(),
            ),
          ),
        ([n, list, isDirected]) => {
          const net = buildNetwork(edges(list), { nodeCount: n, isDirected });
          const key = (u: number, v: number) => (isDirected || u < v ? `${u}-${v}` : `${v}-${u}`);
          const expected = new Set(list.filter(([u, v]) => u !== v).map(([u, v]) => key(u, v)));
          const got = new Set<string>();
          for (let u = 0; u < n; u++) {
            const row = neighbours(net.outOffsets, net.outTargets, u);
            expect(row).toEqual([...row].sort((a, b) => a - b));
            for (const v of row) got.add(key(u, v));
          }
          expect(got).toEqual(expected);
          expect(net.edgeCount).toBe(expected.size);
          expect(net.outOffsets[n]).toBe(isDirected ? expected.size : 2 * expected.size);
          expect(net.outOffsets[n]).toBe(net.outTargets.length);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
