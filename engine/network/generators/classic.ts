/**
 * Two real small social networks, taken from graphology-generators and converted to CSR:
 *
 * - `karate`: Zachary's karate club (Zachary 1977), 34 members and 78 friendships. Ids are the
 *   original keys 0..33 (the indices themselves); `attributes.community` holds the faction each
 *   member joined after the split (0: Mr. Hi's club, 1: the officer's), a ground truth for
 *   community detection.
 * - `florentine`: marriage ties between 15 Renaissance Florentine families (Breiger & Pattison 1986;
 *   the isolated Pucci family is absent), 20 edges. Ids and labels are the family names.
 *
 * Both are undirected; `directed` stores each edge as two opposite arcs. No randomness.
 */
import Graph from 'graphology';
import florentineFamilies from 'graphology-generators/social/florentine-families.js';
import karateClub from 'graphology-generators/social/karate-club.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network, NodeAttributes } from '../network.js';

/** Converts a small undirected graphology graph to CSR, nodes in insertion order. O(n + m). */
function fromGraph(
  graph: Graph,
  isDirected: boolean,
  options: { keepIds: boolean; attributes?: NodeAttributes },
): Network {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => {
    index.set(key, i);
  });
  const edges = createEdgeBuffer(graph.size * 2);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const u = index.get(source) as number;
    const v = index.get(target) as number;
    pushEdge(edges, u, v);
    if (isDirected) pushEdge(edges, v, u);
  });
  return buildNetwork(edges, {
    nodeCount: keys.length,
    isDirected,
    place: 'network',
    ids: options.keepIds ? keys : null,
    labels: options.keepIds ? keys : null,
    ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
  });
}

/** Zachary's karate club, with the two factions as communities. O(1) (fixed size). */
export function generateKarate(isDirected: boolean): Network {
  const graph = karateClub(Graph);
  const community = new Int32Array(graph.order);
  graph.forEachNode((key, attributes) => {
    community[Number(key)] = attributes['club'] === 'Mr. Hi' ? 0 : 1;
  });
  return fromGraph(graph, isDirected, { keepIds: false, attributes: { columns: {}, community } });
}

/** The Florentine families' marriage network, with family names as ids and labels. O(1). */
export function generateFlorentine(isDirected: boolean): Network {
  return fromGraph(florentineFamilies(Graph), isDirected, { keepIds: true });
}
