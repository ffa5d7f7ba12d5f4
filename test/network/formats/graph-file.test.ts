import fc from 'fast-check';
import Graph from 'graphology';
import { write as writeGexfWithGraphology } from 'graphology-gexf';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../../engine/errors.js';
import { inferFormat, readGraph, writeGraph } from '../../../engine/network/formats/graph-file.js';
import { idsOrNull } from '../../../engine/network/formats/node-attributes.js';
import { parseXml, runGraphologyParser } from '../../../engine/network/formats/xml.js';
import { fromGraphology, toGraphology } from '../../../engine/network/graphology.js';
import type { Network } from '../../../engine/network/network.js';
import { GRAPH_FORMATS, type GraphFormat } from '../../../engine/network/spec.js';
import { resetWarnings, warningCount } from '../../../engine/warn.js';
import { fixture, smallNetwork } from './fixtures.js';
import { edgeView, viewOf } from './network-view.js';

/** Fixed fast-check seed so CI runs are reproducible; printed by fast-check on failure. */
const PROPERTY_SEED = 20240611;
const PROPERTY_RUNS = 60;

afterEach(() => resetWarnings());

function roundTrip(network: Network, format: GraphFormat): Network {
  return readGraph(writeGraph(network, format), format, { place: `round.${format}` });
}

/** A random small network with string ids, weights and attribute columns, built by buildNetwork. */
const networkArbitrary = fc
  .record({
    nodeCount: fc.integer({ min: 0, max: 9 }),
    isDirected: fc.boolean(),
    isWeighted: fc.boolean(),
    hasAttributes: fc.boolean(),
  })
  .chain(({ nodeCount, isDirected, isWeighted, hasAttributes }) =>
    fc.record({
      nodeCount: fc.constant(nodeCount),
      isDirected: fc.constant(isDirected),
      isWeighted: fc.constant(isWeighted),
      hasAttributes: fc.constant(hasAttributes),
      edges: fc.array(fc.tuple(fc.nat(Math.max(0, nodeCount - 1)), fc.nat(Math.max(0, nodeCount - 1))), {
        maxLength: nodeCount === 0 ? 0 : 25,
      }),
      weights: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), {
        minLength: 25,
        maxLength: 25,
      }),
      ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_<>&"'.:é-]{1,5}$/), {
        minLength: nodeCount,
        maxLength: nodeCount,
      }),
      segments: fc.array(fc.constantFrom('students', 'parents', 'R&D <x>'), {
        minLength: nodeCount,
        maxLength: nodeCount,
      }),
      communities: fc.array(fc.integer({ min: -3, max: 50 }), { minLength: nodeCount, maxLength: nodeCount }),
      labels: fc.array(
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', '&', '"', 'é', '<'), minLength: 1 }),
        {
          minLength: nodeCount,
          maxLength: nodeCount,
        },
      ),
    }),
  )
  .map((g) => {
    const names = ['students', 'parents', 'R&D <x>'];
    return smallNetwork({
      nodeCount: g.nodeCount,
      isDirected: g.isDirected,
      edges: g.edges,
      ...(g.isWeighted ? { weights: g.weights } : {}),
      ids: idsOrNull(g.ids),
      labels: g.hasAttributes ? g.labels : null,
      attributes: g.hasAttributes
        ? {
            columns: { segment: { codes: Uint8Array.from(g.segments, (s) => names.indexOf(s)), names } },
            community: Int32Array.from(g.communities),
          }
        : { columns: {}, community: null },
    });
  });

describe('readGraph', () => {
  it('readGraph(friends.txt, edgelist) keeps string ids in first-appearance order, skipping comments', () => {
    const network = readGraph(fixture('friends.txt'), 'edgelist', { place: 'friends.txt' });
    expect(network.ids).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(network.isDirected).toBe(false);
    expect(network.outWeights).toBeNull();
    expect(viewOf(network).edges).toEqual([
      'alice bob',
      'alice carol',
      'bob carol',
      'carol dave',
      'dave erin',
    ]);
  });

  it('readGraph(trust.csv, edgelist, directed) reads comma-separated weights exactly', () => {
    const network = readGraph(fixture('trust.csv'), 'edgelist', { place: 'trust.csv', directed: true });
    expect(network.isDirected).toBe(true);
    expect(network.edgeCount).toBe(4);
    expect(viewOf(network).edges).toEqual(['a1 b2 0.5', 'b2 c3 2', 'c3 a1 1.25', 'c3 d4 0.001']);
  });

  it('readGraph(campaign.gexf) keeps labels, segment, tier and community columns, weights and isolated people', () => {
    const network = readGraph(fixture('campaign.gexf'), 'gexf', { place: 'campaign.gexf' });
    expect(network.ids).toEqual(['brand', 'ana', 'ben', 'cleo', 'loner']);
    expect(network.labels).toEqual(['The Brand & Co', 'Ana', 'Ben', 'Cleo', 'Loner']);
    expect(network.isDirected).toBe(false);
    const view = viewOf(network);
    expect(view.nodes[4]).toEqual({
      id: 'loner',
      segment: 'parents',
      tier: 'nano',
      community: 2,
      label: 'Loner',
    });
    expect(view.nodes[0]).toMatchObject({ segment: 'owned', tier: 'macro', community: 0 });
    expect(network.attributes.columns.segment?.names).toEqual(['owned', 'students', 'parents']);
    expect(view.edges).toEqual(['ana brand 2.5', 'ana cleo 0.75', 'ben brand 1', 'ben cleo 1']);
  });

  it('readGraph(follows.graphml) follows edgedefault="directed" and reads region, labels and weights', () => {
    const network = readGraph(fixture('follows.graphml'), 'graphml', { place: 'follows.graphml' });
    expect(network.isDirected).toBe(true);
    expect(network.edgeCount).toBe(3);
    expect(viewOf(network)).toEqual({
      directed: true,
      nodes: [
        { id: 'n0', region: 'north', label: 'Nora' },
        { id: 'n1', region: 'south', label: 'Sam' },
        { id: 'n2', region: 'north', label: 'Nils' },
      ],
      edges: ['n0 n1 1.5', 'n1 n0 0.5', 'n2 n0 3'],
    });
  });

  it('readGraph(follows.graphml, directed: false) merges reciprocal arcs into one edge, counted as a duplicate', () => {
    const network = readGraph(fixture('follows.graphml'), 'graphml', { directed: false });
    expect(network.isDirected).toBe(false);
    expect(network.edgeCount).toBe(2);
    expect(network.duplicatesDropped).toBe(1);
    expect(viewOf(network).edges).toEqual(['n0 n1 1.5', 'n0 n2 3']);
  });

  it('readGraph(club.json) drops the self-loop, counts it, and fills a missing label with ""', () => {
    const network = readGraph(fixture('club.json'), 'json', { place: 'club.json' });
    expect(network.selfLoopsDropped).toBe(1);
    expect(warningCount()).toBe(1);
    expect(network.labels).toEqual(['Xavier', 'Yara', '']);
    expect(viewOf(network).edges).toEqual(['x y', 'y z']);
    expect(network.attributes.columns.interest?.names).toEqual(['running', 'chess']);
  });

  it('readGraph(ids "0".."n-1" in order) leaves network.ids null, as for a generated network', () => {
    const network = readGraph('0 1\n1 2\n', 'edgelist');
    expect(network.ids).toBeNull();
  });
});

describe('writeGraph', () => {
  for (const format of ['gexf', 'graphml', 'json'] as const) {
    it(`writeGraph(campaign.gexf network, ${format}) reads back as the same network, ids and attributes`, () => {
      const network = readGraph(fixture('campaign.gexf'), 'gexf');
      const back = roundTrip(network, format);
      expect(viewOf(back)).toEqual(viewOf(network));
      expect(back.ids).toEqual(network.ids);
      expect(back.labels).toEqual(network.labels);
    });

    it(`writeGraph(random small network, ${format}) round-trips nodes, ids, attributes and weights`, () => {
      fc.assert(
        fc.property(networkArbitrary, (network) => {
          const back = roundTrip(network, format);
          expect(viewOf(back)).toEqual(viewOf(network));
          expect(back.ids).toEqual(network.ids);
          expect(back.nodeCount).toBe(network.nodeCount);
        }),
        { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
      );
    });
  }

  it('writeGraph(random small network, edgelist) round-trips every edge and weight by id', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        const back = readGraph(writeGraph(network, 'edgelist'), 'edgelist', { directed: network.isDirected });
        expect(edgeView(back)).toEqual(edgeView(network));
      }),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });

  it('writeGraph(network with an isolated person and attributes, edgelist) warns once for each loss', () => {
    const network = readGraph(fixture('campaign.gexf'), 'gexf');
    resetWarnings();
    const text = writeGraph(network, 'edgelist');
    expect(warningCount()).toBe(2);
    expect(text).toContain('brand ana 2.5');
    expect(text).not.toContain('loner');
  });

  it('writeGraph(an id with a space, edgelist) refuses it and points to the other formats', () => {
    const network = smallNetwork({ nodeCount: 2, edges: [[0, 1]], ids: ['a b', 'c'] });
    expect(() => writeGraph(network, 'edgelist')).toThrow(GraphError);
    expect(() => writeGraph(network, 'edgelist')).toThrow(/node id "a b" cannot be written in an edge list/);
  });

  it('writeGraph(a label with a control character, gexf) refuses it instead of writing broken XML', () => {
    const network = smallNetwork({ nodeCount: 1, edges: [], labels: ['bell\u0007'] });
    expect(() => writeGraph(network, 'gexf')).toThrow(/control character/);
  });

  it('writeGraph(json) output imports into graphology with Graph.from and converts back unchanged', () => {
    const network = readGraph(fixture('campaign.gexf'), 'gexf');
    const graph = Graph.from(JSON.parse(writeGraph(network, 'json')));
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(4);
    expect(viewOf(fromGraphology(graph))).toEqual(viewOf(network));
  });

  it('writeGraph(gexf) output agrees with what graphology-gexf writes for the same graph', () => {
    const network = readGraph(fixture('follows.graphml'), 'graphml');
    const theirs = writeGexfWithGraphology(toGraphology(network));
    expect(viewOf(readGraph(theirs, 'gexf'))).toEqual(viewOf(readGraph(writeGraph(network, 'gexf'), 'gexf')));
  });
});

describe('inferFormat', () => {
  it('inferFormat(path) maps every documented extension, case-insensitively', () => {
    const cases: [string, GraphFormat][] = [
      ['g.txt', 'edgelist'],
      ['dir.v2/g.edges', 'edgelist'],
      ['g.edgelist', 'edgelist'],
      ['G.CSV', 'edgelist'],
      ['g.tsv', 'edgelist'],
      ['g.gexf', 'gexf'],
      ['g.graphml', 'graphml'],
      ['g.xml', 'graphml'],
      ['C:\\data\\g.json', 'json'],
    ];
    for (const [path, format] of cases) expect(inferFormat(path)).toBe(format);
  });

  it('inferFormat(unknown.dot) throws a GraphError listing the known formats', () => {
    expect(() => inferFormat('unknown.dot')).toThrow(GraphError);
    expect(() => inferFormat('unknown.dot')).toThrow(
      /"\.dot"; expected one of edgelist, gexf, graphml, json/,
    );
    expect(() => inferFormat('data/graph')).toThrow(/from no extension/);
  });

  it('readGraph(text, an unknown format) throws a GraphError listing the known formats', () => {
    expect(() => readGraph('', 'dot' as GraphFormat)).toThrow(/unknown graph format "dot"/);
    expect(GRAPH_FORMATS).toEqual(['edgelist', 'gexf', 'graphml', 'json']);
  });
});

describe('runGraphologyParser', () => {
  it('runGraphologyParser(parser refusing the Document class) hands the parser the checked text instead', () => {
    const text = '<gexf><graph/></gexf>';
    const document = parseXml(text, 'g', 'gexf');
    const seen: string[] = [];
    const result = runGraphologyParser('g', document, text, (source) => {
      seen.push(typeof source);
      if (typeof source !== 'string') {
        throw new Error('graphology-gexf/parser: source should either be a XML document or a string.');
      }
      return source.length;
    });
    expect(result).toBe(text.length);
    expect(seen).toEqual(['object', 'string']);
  });

  it('runGraphologyParser(parser error) becomes a GraphError without the library prefix', () => {
    const text = '<gexf><graph/></gexf>';
    const fail = () => {
      throw new Error('graphology-gexf/parser: Found undeclared attribute "x"');
    };
    expect(() => runGraphologyParser('g', parseXml(text, 'g', 'gexf'), text, fail)).toThrow(
      new GraphError('g: Found undeclared attribute "x"'),
    );
  });
});
