import fc from 'fast-check';
import Graph from 'graphology';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../engine/errors.js';
import { readGraph } from '../../engine/network/formats/graph-file.js';
import { fromGraphology, toGraphology } from '../../engine/network/graphology.js';
import { resetWarnings, warningCount } from '../../engine/warn.js';
import { fixture, smallNetwork } from './formats/fixtures.js';
import { viewOf } from './formats/network-view.js';

/** Fixed fast-check seed so CI runs are reproducible; printed by fast-check on failure. */
const PROPERTY_SEED = 424242;

afterEach(() => resetWarnings());

describe('toGraphology', () => {
  it('toGraphology(campaign network) keeps keys, labels, attribute columns and weights', () => {
    const network = readGraph(fixture('campaign.gexf'), 'gexf');
    const graph = toGraphology(network);
    expect(graph.type).toBe('undirected');
    expect(graph.nodes()).toEqual(['brand', 'ana', 'ben', 'cleo', 'loner']);
    expect(graph.getNodeAttributes('ben')).toEqual({
      segment: 'parents',
      tier: 'micro',
      community: 1,
      label: 'Ben',
    });
    expect(graph.size).toBe(4);
    expect(graph.getEdgeAttribute(graph.edge('brand', 'ana'), 'weight')).toBe(2.5);
  });

  it('toGraphology(directed network without ids) keys nodes by index and stores each arc once', () => {
    const network = smallNetwork({
      nodeCount: 3,
      isDirected: true,
      edges: [
        [0, 1],
        [1, 0],
        [2, 1],
      ],
    });
    const graph = toGraphology(network);
    expect(graph.type).toBe('directed');
    expect(graph.nodes()).toEqual(['0', '1', '2']);
    expect(graph.size).toBe(3);
    expect(graph.hasDirectedEdge('2', '1')).toBe(true);
    expect(graph.hasDirectedEdge('1', '2')).toBe(false);
  });
});

describe('fromGraphology', () => {
  it('fromGraphology(toGraphology(network)) gives back the same network for random small graphs', () => {
    const arbitrary = fc
      .record({
        nodeCount: fc.integer({ min: 1, max: 10 }),
        isDirected: fc.boolean(),
        isWeighted: fc.boolean(),
      })
      .chain(({ nodeCount, isDirected, isWeighted }) =>
        fc.record({
          nodeCount: fc.constant(nodeCount),
          isDirected: fc.constant(isDirected),
          edges: fc.array(fc.tuple(fc.nat(nodeCount - 1), fc.nat(nodeCount - 1)), { maxLength: 30 }),
          weights: isWeighted
            ? fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 30, maxLength: 30 })
            : fc.constant(undefined),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ nodeCount, isDirected, edges, weights }) => {
        const network = smallNetwork({ nodeCount, isDirected, edges, ...(weights ? { weights } : {}) });
        const back = fromGraphology(toGraphology(network));
        expect(back.ids).toBeNull();
        expect(Array.from(back.outOffsets)).toEqual(Array.from(network.outOffsets));
        expect(Array.from(back.outTargets)).toEqual(Array.from(network.outTargets));
        // A weighted network without edges has nothing to carry its weights: it comes back unweighted.
        const expected =
          network.outWeights === null || network.arcCount === 0 ? null : Array.from(network.outWeights);
        expect(back.outWeights === null ? null : Array.from(back.outWeights)).toEqual(expected);
        expect(back.isDirected).toBe(isDirected);
      }),
      { seed: PROPERTY_SEED, numRuns: 80 },
    );
  });

  it('fromGraphology(mixed graph) is directed and turns each undirected edge into two arcs', () => {
    const graph = new Graph({ type: 'mixed' });
    graph.addNode('a');
    graph.addNode('b');
    graph.addNode('c');
    graph.addDirectedEdge('a', 'b');
    graph.addUndirectedEdge('b', 'c', { weight: 2 });
    const network = fromGraphology(graph);
    expect(network.isDirected).toBe(true);
    expect(viewOf(network).edges).toEqual(['a b 1', 'b c 2', 'c b 2']);
  });

  it('fromGraphology(multi graph with a self-loop) drops and counts them with one warning each', () => {
    const graph = new Graph({ type: 'undirected', multi: true });
    graph.mergeNode('x');
    graph.mergeNode('y');
    graph.addEdge('x', 'y');
    graph.addEdge('y', 'x');
    graph.addEdge('x', 'x');
    const network = fromGraphology(graph, { place: 'multi' });
    expect(network.edgeCount).toBe(1);
    expect(network.duplicatesDropped).toBe(1);
    expect(network.selfLoopsDropped).toBe(1);
    expect(warningCount()).toBe(2);
  });

  it('fromGraphology(directed graph, directed: false) merges reciprocal arcs', () => {
    const graph = new Graph({ type: 'directed' });
    graph.mergeEdge('a', 'b');
    graph.mergeEdge('b', 'a');
    const network = fromGraphology(graph, { directed: false });
    expect(network.isDirected).toBe(false);
    expect(network.edgeCount).toBe(1);
  });

  it('fromGraphology(a weight that is not a number) throws a GraphError naming the edge', () => {
    const graph = new Graph();
    graph.mergeEdge('a', 'b', { weight: '3' });
    expect(() => fromGraphology(graph, { place: 'g' })).toThrow(GraphError);
    expect(() => fromGraphology(graph, { place: 'g' })).toThrow(
      'g: edge "a" -> "b": weight: expected a finite number, got "3"',
    );
  });

  it('fromGraphology(a tier on some nodes only) throws a GraphError naming the first node without one', () => {
    const graph = new Graph();
    graph.addNode('a', { tier: 'nano' });
    graph.addNode('b');
    expect(() => fromGraphology(graph, { place: 'g' })).toThrow(
      /^g: node "b": tier: missing, but other nodes have one/,
    );
  });
});
