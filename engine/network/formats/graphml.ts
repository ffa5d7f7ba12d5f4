/**
 * GraphML. Reading goes through graphology-graphml's parser on a document parsed by {@link parseXml}
 * (malformed XML reported with its line and column) after {@link checkGraphElements}; graphology-graphml
 * has no writer, so writing is direct from the CSR arrays: one `<key>` per node attribute the network
 * has (`int` for community, `string` otherwise) and a `double` key `weight` for weighted edges.
 */
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { fromGraphology } from '../graphology.js';
import type { Network } from '../network.js';
import { fileAttributes } from './node-attributes.js';
import { checkGraphElements, parseXml, runGraphologyParser } from './xml.js';
import { xmlElements } from './xml-writer.js';

/**
 * Reads a GraphML document. `directed` overrides the file's `edgedefault` (see fromGraphology).
 * Throws a GraphError for malformed XML (line and column), a node without an id or with a repeated
 * one, an edge to a missing node (its line), or a non-numeric weight. O(length of text).
 */
export function readGraphml(text: string, options: { place: string; directed?: boolean }): Network {
  const { place } = options;
  const document = parseXml(text, place, 'graphml');
  checkGraphElements(document, place);
  const declared = document.getElementsByTagName('graph').item(0)?.getAttribute('edgedefault');
  const graph = runGraphologyParser(place, document, text, (source) => parse(Graph, source));
  const directed = options.directed ?? (declared === 'directed' || graph.directedSize > 0);
  return fromGraphology(graph, { place, directed });
}

/** Writes `network` as GraphML with its ids, attributes, labels and weights. O(n + m). */
export function writeGraphml(network: Network, place = 'graphml'): string {
  const keys = fileAttributes(network).map(
    ({ name, type }) =>
      `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type === 'integer' ? 'int' : 'string'}"/>`,
  );
  if (network.outWeights !== null) {
    keys.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  }
  const { nodes, edges } = xmlElements(network, place, {
    node(id, values) {
      if (values.length === 0) return `    <node id="${id}"/>`;
      let data = '';
      for (const [attribute, value] of values) data += `<data key="${attribute.name}">${value}</data>`;
      return `    <node id="${id}">${data}</node>`;
    },
    edge(_index, source, target, weight) {
      return weight === null
        ? `    <edge source="${source}" target="${target}"/>`
        : `    <edge source="${source}" target="${target}"><data key="weight">${weight}</data></edge>`;
    },
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    `  <graph id="G" edgedefault="${network.isDirected ? 'directed' : 'undirected'}">`,
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
