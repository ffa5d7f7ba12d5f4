/**
 * The one boundary between graphology and the compact network: {@link toGraphology} builds a
 * graphology `Graph` (for export, layout and drawing) and {@link fromGraphology} builds CSR arrays
 * from one (for imports). Both keep node ids (graphology keys), labels, edge weights (the `weight`
 * edge attribute) and the attribute columns (`segment`, `region`, `ageBand`, `interest`, `tier`,
 * `community`, `label` node attributes). Hot code never runs on the Graph: convert once.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { describeValue, GraphError } from '../errors.js';
import { buildNetwork } from './build.js';
import { createEdgeBuffer, pushEdge } from './edge-buffer.js';
import { attributeValue, fileAttributes, idsOrNull, readNodeAttributes } from './formats/node-attributes.js';
import { type Network, nodeId } from './network.js';

/**
 * A graphology Graph of `network`: `directed` or `undirected` type, simple (no multi-edges, no
 * self-loops), node keys the file ids (or the indices as strings), node attributes for each column
 * the network has, and a `weight` edge attribute when it is weighted. O(n + m); allocates a graphology
 * object per node and edge, so keep it to small and medium graphs.
 */
export function toGraphology(network: Network): Graph {
  const graph = new Graph({
    type: network.isDirected ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  const present = fileAttributes(network);
  const n = network.nodeCount;
  const keys = new Array<string>(n);
  for (let u = 0; u < n; u++) {
    const key = nodeId(network, u);
    keys[u] = key;
    const attributes: Attributes = {};
    for (const { name } of present) {
      const value = attributeValue(network, name, u);
      if (value !== undefined) attributes[name] = value;
    }
    graph.addNode(key, attributes);
  }
  const { outOffsets, outTargets, outWeights, isDirected } = network;
  for (let u = 0; u < n; u++) {
    const end = outOffsets[u + 1] as number;
    for (let e = outOffsets[u] as number; e < end; e++) {
      const v = outTargets[e] as number;
      if (!isDirected && v < u) continue;
      const attributes = outWeights === null ? undefined : { weight: outWeights[e] as number };
      graph.addEdge(keys[u] as string, keys[v] as string, attributes);
    }
  }
  return graph;
}

/** Options of {@link fromGraphology}. */
export interface FromGraphologyOptions {
  /** Where the graph came from, for messages (e.g. `graph.gexf`). Default `graph`. */
  place?: string;
  /**
   * Store arcs one way. Default: directed when the graph is of `directed` type or holds any directed
   * edge (the undirected edges of a mixed graph then become two arcs); otherwise undirected, and a
   * directed graph read as undirected merges u→v and v→u into one edge (counted as a duplicate).
   */
  directed?: boolean;
}

function edgeWeight(place: string, source: string, target: string, attributes: Attributes): number {
  const weight: unknown = attributes['weight'];
  if (weight === undefined) return 1;
  if (typeof weight === 'number' && Number.isFinite(weight)) return weight;
  throw new GraphError(
    `${place}: edge ${JSON.stringify(source)} -> ${JSON.stringify(target)}: weight: expected a finite number, ` +
      `got ${describeValue(weight)}`,
  );
}

/**
 * The compact network of a graphology `graph`. Nodes keep the graph's order; `network.ids` holds the
 * keys (null when they are exactly "0", "1", … in order). The network is weighted when any edge has a
 * `weight` attribute (edges without one weigh 1, the GEXF convention). Self-loops and parallel edges
 * are dropped and counted by {@link buildNetwork}. Throws a GraphError naming the node or edge for a
 * non-numeric weight or a malformed attribute column. O(n + m).
 */
export function fromGraphology(graph: Graph, options: FromGraphologyOptions = {}): Network {
  const place = options.place ?? 'graph';
  const isDirected = options.directed ?? (graph.type === 'directed' || graph.directedSize > 0);
  const keys = graph.nodes();
  const indexOf = new Map<string, number>();
  for (let u = 0; u < keys.length; u++) indexOf.set(keys[u] as string, u);
  const records = keys.map((key) => graph.getNodeAttributes(key));
  const { attributes, labels } = readNodeAttributes(place, keys, records);
  const isWeighted = graph.someEdge((_edge, edgeAttributes) => edgeAttributes['weight'] !== undefined);
  const edges = createEdgeBuffer(isDirected ? 2 * graph.size : graph.size, isWeighted);
  graph.forEachEdge((_edge, edgeAttributes, source, target, _sa, _ta, isUndirected) => {
    const u = indexOf.get(source) as number;
    const v = indexOf.get(target) as number;
    const weight = isWeighted ? edgeWeight(place, source, target, edgeAttributes) : 1;
    pushEdge(edges, u, v, weight);
    if (isDirected && isUndirected) pushEdge(edges, v, u, weight);
  });
  return buildNetwork(edges, {
    nodeCount: keys.length,
    isDirected,
    ids: idsOrNull(keys),
    labels,
    attributes,
    place,
  });
}
