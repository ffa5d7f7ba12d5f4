// Test helper: a network as plain data keyed by file ids, so two networks can be compared whatever
// their index order (edge lists renumber people in order of first appearance).
import { displayIds } from '../../../engine/network/formats/edge-list.js';
import { attributeValue, fileAttributes } from '../../../engine/network/formats/node-attributes.js';
import type { Network } from '../../../engine/network/network.js';

export interface NetworkView {
  directed: boolean;
  /** One entry per person in index order: id plus attribute values. */
  nodes: Record<string, string | number>[];
  /** `source target [weight]` by id, sorted; undirected edges with the smaller id first. */
  edges: string[];
}

export function viewOf(network: Network): NetworkView {
  const ids = displayIds(network);
  const present = fileAttributes(network);
  const nodes = ids.map((id, u) => {
    const node: Record<string, string | number> = { id };
    for (const { name } of present) {
      const value = attributeValue(network, name, u);
      if (value !== undefined) node[name] = value;
    }
    return node;
  });
  const edges: string[] = [];
  for (let u = 0; u < network.nodeCount; u++) {
    for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
      const v = network.outTargets[e] as number;
      if (!network.isDirected && v < u) continue;
      let [a, b] = [ids[u] as string, ids[v] as string];
      if (!network.isDirected && b < a) [a, b] = [b, a];
      edges.push(network.outWeights === null ? `${a} ${b}` : `${a} ${b} ${network.outWeights[e]}`);
    }
  }
  edges.sort();
  return { directed: network.isDirected, nodes, edges };
}

/** The view without person order nor isolated people nor attributes: what an edge list keeps. */
export function edgeView(network: Network): { directed: boolean; ids: string[]; edges: string[] } {
  const view = viewOf(network);
  const ids = new Set<string>();
  for (const edge of view.edges) {
    const [a, b] = edge.split(' ');
    ids.add(a as string);
    ids.add(b as string);
  }
  return { directed: view.directed, ids: [...ids].sort(), edges: view.edges };
}
