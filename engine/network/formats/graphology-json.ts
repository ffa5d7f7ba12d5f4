/**
 * graphology's serialised JSON form, `{ attributes, options, nodes: [{ key, attributes }], edges:
 * [{ key?, source, target, attributes?, undirected? }] }` (what `graph.export()` gives and
 * `Graph.from()` takes), read and written straight from and to the CSR arrays. Node attributes as in
 * every format; the edge attribute `weight` is the weight. Written one node or edge per line, so files
 * stay diffable and large ones stay cheap.
 */
import { describeValue, GraphError } from '../../errors.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { displayIds } from './edge-list.js';
import { parseJsonText } from './json-text.js';
import { attributeValue, fileAttributes, idsOrNull, readNodeAttributes } from './node-attributes.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(place: string, path: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new GraphError(`${place}: ${path}: expected a string or number, got ${describeValue(value)}`);
}

function arrayAt(place: string, document: Json, name: string, isRequired: boolean): unknown[] {
  const value = document[name];
  if (value === undefined && !isRequired) return [];
  if (!Array.isArray(value)) {
    throw new GraphError(`${place}: ${name}: expected an array, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Reads graphology serialised JSON. `directed` overrides the file: by default the graph is directed
 * when `options.type` is `directed`, or when it is not `undirected` and some edge lacks
 * `undirected: true`. Throws a GraphError naming the JSON path for malformed JSON, a missing
 * `nodes` array, a node key repeated or of the wrong type, an edge to an unknown node, or a weight
 * that is not a finite number. O(length of text).
 */
export function readGraphologyJson(text: string, options: { place: string; directed?: boolean }): Network {
  const { place } = options;
  const document = parseJsonText(text, place);
  if (!isObject(document)) {
    throw new GraphError(
      `${place}: expected a graphology JSON object { nodes, edges }, got ${describeValue(document)}`,
    );
  }
  const nodes = arrayAt(place, document, 'nodes', true);
  const edges = arrayAt(place, document, 'edges', false);
  const graphOptions = document['options'];
  const type = isObject(graphOptions) ? graphOptions['type'] : undefined;
  const keys = new Array<string>(nodes.length);
  const records = new Array<Json | undefined>(nodes.length);
  const indexOf = new Map<string, number>();
  nodes.forEach((node, u) => {
    if (!isObject(node)) {
      throw new GraphError(
        `${place}: nodes[${u}]: expected an object { key, attributes }, got ${describeValue(node)}`,
      );
    }
    const key = keyOf(place, `nodes[${u}].key`, node['key']);
    if (indexOf.has(key)) {
      throw new GraphError(
        `${place}: nodes[${u}].key: expected unique keys, got ${JSON.stringify(key)} twice`,
      );
    }
    const attributes = node['attributes'];
    if (attributes !== undefined && !isObject(attributes)) {
      throw new GraphError(
        `${place}: nodes[${u}].attributes: expected an object, got ${describeValue(attributes)}`,
      );
    }
    indexOf.set(key, u);
    keys[u] = key;
    records[u] = attributes;
  });
  const isDirected =
    options.directed ??
    (type === 'directed' || (type !== 'undirected' && edges.some((edge) => !isUndirectedEdge(edge))));
  const isWeighted = edges.some(
    (edge) => isObject(edge) && isObject(edge['attributes']) && 'weight' in edge['attributes'],
  );
  const buffer = createEdgeBuffer(edges.length * (isDirected ? 2 : 1), isWeighted);
  edges.forEach((edge, i) => {
    if (!isObject(edge)) {
      throw new GraphError(
        `${place}: edges[${i}]: expected an object { source, target }, got ${describeValue(edge)}`,
      );
    }
    const endpoint = (name: 'source' | 'target'): number => {
      const key = keyOf(place, `edges[${i}].${name}`, edge[name]);
      const u = indexOf.get(key);
      if (u === undefined) {
        throw new GraphError(
          `${place}: edges[${i}].${name}: expected a node key, got ${JSON.stringify(key)}, which is not a node`,
        );
      }
      return u;
    };
    const u = endpoint('source');
    const v = endpoint('target');
    const attributes = edge['attributes'];
    const raw = isObject(attributes) ? attributes['weight'] : undefined;
    if (raw !== undefined && !(typeof raw === 'number' && Number.isFinite(raw))) {
      throw new GraphError(
        `${place}: edges[${i}].attributes.weight: expected a finite number, got ${describeValue(raw)}`,
      );
    }
    const weight = raw ?? 1;
    pushEdge(buffer, u, v, weight);
    const isUndirected = type === 'undirected' || (type !== 'directed' && isUndirectedEdge(edge));
    if (isDirected && isUndirected) pushEdge(buffer, v, u, weight);
  });
  const { attributes, labels } = readNodeAttributes(place, keys, records);
  return buildNetwork(buffer, {
    nodeCount: keys.length,
    isDirected,
    ids: idsOrNull(keys),
    labels,
    attributes,
    place,
  });
}

function isUndirectedEdge(edge: unknown): boolean {
  return isObject(edge) && edge['undirected'] === true;
}

/**
 * Writes `network` as graphology serialised JSON (`Graph.from(JSON.parse(text))` rebuilds it):
 * options `{ type, multi: false, allowSelfLoops: false }`, node keys the ids, node attributes for the
 * columns the network has, and `weight` edge attributes when weighted. O(n + m).
 */
export function writeGraphologyJson(network: Network): string {
  const ids = displayIds(network);
  const present = fileAttributes(network);
  const n = network.nodeCount;
  const lines: string[] = [];
  const type = network.isDirected ? 'directed' : 'undirected';
  lines.push(`{"attributes":{},"options":{"type":"${type}","multi":false,"allowSelfLoops":false},"nodes":[`);
  for (let u = 0; u < n; u++) {
    const attributes: Record<string, string | number> = {};
    for (const { name } of present) {
      const value = attributeValue(network, name, u);
      if (value !== undefined) attributes[name] = value;
    }
    const node = present.length === 0 ? { key: ids[u] } : { key: ids[u], attributes };
    lines.push(`${JSON.stringify(node)}${u + 1 < n ? ',' : ''}`);
  }
  lines.push('],"edges":[');
  const { outOffsets, outTargets, outWeights, isDirected } = network;
  const undirectedFlag = isDirected ? '' : ',"undirected":true';
  let first = true;
  for (let u = 0; u < n; u++) {
    const end = outOffsets[u + 1] as number;
    const source = JSON.stringify(ids[u]);
    for (let e = outOffsets[u] as number; e < end; e++) {
      const v = outTargets[e] as number;
      if (!isDirected && v < u) continue;
      const weight = outWeights === null ? '' : `,"attributes":{"weight":${outWeights[e] as number}}`;
      lines.push(
        `${first ? '' : ','}{"source":${source},"target":${JSON.stringify(ids[v])}${weight}${undirectedFlag}}`,
      );
      first = false;
    }
  }
  lines.push(']}', '');
  return lines.join('\n');
}
