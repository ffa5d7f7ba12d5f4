/**
 * GEXF (Gephi's format, version 1.3 written; 1.1–1.3 read). Reading goes through graphology-gexf's
 * parser on a document parsed by {@link parseXml} (so malformed XML is reported with its line and
 * column) after {@link checkGraphElements}; writing is direct from the CSR arrays. Node attributes are
 * declared `<attribute>`s (the label is the node's `label`), weights the edges' `weight`.
 */
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { fromGraphology } from '../graphology.js';
import type { Network } from '../network.js';
import { fileAttributes } from './node-attributes.js';
import { checkGraphElements, parseXml, runGraphologyParser } from './xml.js';
import { xmlElements } from './xml-writer.js';

/**
 * Reads a GEXF document. `directed` overrides the file's edge type (see fromGraphology). Throws a
 * GraphError for malformed XML (line and column), a node without an id or with a repeated one, an
 * edge to a missing node (its line), or a non-numeric weight. O(length of text).
 */
export function readGexf(text: string, options: { place: string; directed?: boolean }): Network {
  const { place } = options;
  const document = parseXml(text, place, 'gexf');
  checkGraphElements(document, place);
  const declared = document.getElementsByTagName('graph').item(0)?.getAttribute('defaultedgetype');
  const graph = runGraphologyParser(place, document, text, (source) =>
    parse(Graph, source, { allowUndeclaredAttributes: true }),
  );
  const directed = options.directed ?? (declared === 'directed' || graph.directedSize > 0);
  return fromGraphology(graph, { place, directed });
}

/**
 * Writes `network` as GEXF 1.3: node ids as in `network.ids` (or the indices), declared node
 * attributes for each column the network has, labels, and edge weights when weighted. O(n + m).
 */
export function writeGexf(network: Network, place = 'gexf'): string {
  const present = fileAttributes(network).filter(({ name }) => name !== 'label');
  const { nodes, edges } = xmlElements(network, place, {
    node(id, values) {
      let label = '';
      let attvalues = '';
      for (const [attribute, value] of values) {
        if (attribute.name === 'label') label = ` label="${value}"`;
        else attvalues += `<attvalue for="${attribute.name}" value="${value}"/>`;
      }
      const body = attvalues === '' ? '/>' : `><attvalues>${attvalues}</attvalues></node>`;
      return `      <node id="${id}"${label}${body}`;
    },
    edge(index, source, target, weight) {
      const weightText = weight === null ? '' : ` weight="${weight}"`;
      return `      <edge id="${index}" source="${source}" target="${target}"${weightText}/>`;
    },
  });
  const declarations = present.map(
    ({ name, type }) => `      <attribute id="${name}" title="${name}" type="${type}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>viralsim</creator></meta>',
    `  <graph defaultedgetype="${network.isDirected ? 'directed' : 'undirected'}" mode="static">`,
    ...(declarations.length === 0
      ? []
      : ['    <attributes class="node" mode="static">', ...declarations, '    </attributes>']),
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
