/**
 * The shared part of the GEXF and GraphML writers: the node and edge lists as XML, built from the
 * CSR arrays directly (a graphology Graph of a million people would take tens of seconds and gigabytes;
 * these writers take one pass). Text that XML 1.0 cannot hold (control characters) is refused.
 */
import { GraphError } from '../../errors.js';
import type { Network } from '../network.js';
import { displayIds } from './edge-list.js';
import { attributeValue, type FileAttribute, fileAttributes } from './node-attributes.js';
import { escapeXml, hasXmlIllegalCharacter } from './xml.js';

/** Escapes `text` for XML, or throws a GraphError naming `what` when XML cannot hold it. */
export function xmlText(place: string, what: string, text: string): string {
  if (hasXmlIllegalCharacter(text)) {
    throw new GraphError(
      `${place}: ${what} ${JSON.stringify(text)} holds a control character XML cannot store; use the json or ` +
        'edgelist format',
    );
  }
  return escapeXml(text);
}

/** What the format-specific writer supplies: how to write one node and one edge. */
export interface XmlElementWriters {
  /** One node line, given its escaped id and its attributes (name, escaped value). */
  node(id: string, values: readonly (readonly [FileAttribute, string])[]): string;
  /** One edge line, given its index, escaped endpoints and weight (null when unweighted). */
  edge(index: number, source: string, target: string, weight: number | null): string;
}

/**
 * The node lines and the edge lines of `network` (undirected edges once, smaller index first), in
 * index order. O(n + m).
 */
export function xmlElements(
  network: Network,
  place: string,
  writers: XmlElementWriters,
): { nodes: string[]; edges: string[] } {
  const present = fileAttributes(network);
  const ids = displayIds(network).map((id) => xmlText(place, 'node id', id));
  const n = network.nodeCount;
  const nodes = new Array<string>(n);
  const values: [FileAttribute, string][] = [];
  for (let u = 0; u < n; u++) {
    values.length = 0;
    for (const attribute of present) {
      const value = attributeValue(network, attribute.name, u);
      if (value !== undefined) values.push([attribute, xmlText(place, attribute.name, String(value))]);
    }
    nodes[u] = writers.node(ids[u] as string, values);
  }
  const edges: string[] = [];
  const { outOffsets, outTargets, outWeights, isDirected } = network;
  for (let u = 0; u < n; u++) {
    const end = outOffsets[u + 1] as number;
    for (let e = outOffsets[u] as number; e < end; e++) {
      const v = outTargets[e] as number;
      if (!isDirected && v < u) continue;
      const weight = outWeights === null ? null : (outWeights[e] as number);
      edges.push(writers.edge(edges.length, ids[u] as string, ids[v] as string, weight));
    }
  }
  return { nodes, edges };
}
