/**
 * SNAP-style edge lists: one `source target [weight]` per line, separated by whitespace or commas;
 * lines starting with `#` or `%` are comments; blank lines are skipped. Ids are any strings without
 * whitespace or commas; the file-id ↔ index map is kept in `network.ids` in order of first
 * appearance. Every edge line has the same number of columns as the first one: two (unweighted) or
 * three (weighted). Directedness is not in the file: the caller says it.
 *
 * An edge list cannot hold isolated people or node attributes: the writer drops them with a warning.
 */
import { GraphError } from '../../errors.js';
import { warn } from '../../warn.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { idsOrNull } from './node-attributes.js';

const SEPARATOR = /[\s,]+/;
const EXPECTED = 'expected "source target [weight]"';

function shown(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);
}

/**
 * Reads an edge list. `place` names the file in messages. Throws a GraphError naming the line number
 * and showing the line for a line with one or more than three columns, a column count that differs
 * from the first edge line, or a weight that is not a finite number. O(length of text).
 */
export function readEdgeList(text: string, options: { place: string; directed?: boolean }): Network {
  const { place } = options;
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const nodeIndex = (id: string): number => {
    let u = indexOf.get(id);
    if (u === undefined) {
      u = ids.length;
      indexOf.set(id, u);
      ids.push(id);
    }
    return u;
  };
  let buffer: ReturnType<typeof createEdgeBuffer> | null = null;
  let columns = 0;
  let firstLine = 0;
  let lineNumber = 0;
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    lineNumber++;
    const raw = text.slice(start, end);
    start = end + 1;
    const line = raw.trim();
    if (line === '' || line.charCodeAt(0) === 35 /* # */ || line.charCodeAt(0) === 37 /* % */) continue;
    const fields = line.split(SEPARATOR);
    if (fields.length < 2 || fields.length > 3) {
      throw new GraphError(`${place}: line ${lineNumber}: ${EXPECTED}, got ${shown(raw.trimEnd())}`);
    }
    if (buffer === null) {
      columns = fields.length;
      firstLine = lineNumber;
      buffer = createEdgeBuffer(Math.max(16, text.length / 16), columns === 3);
    } else if (fields.length !== columns) {
      throw new GraphError(
        `${place}: line ${lineNumber}: expected ${columns} columns like line ${firstLine}, got ${fields.length} in ` +
          `${shown(raw.trimEnd())}`,
      );
    }
    let weight = 1;
    if (columns === 3) {
      const field = fields[2] as string;
      weight = Number(field);
      if (field === '' || !Number.isFinite(weight)) {
        const hint = lineNumber === firstLine ? ' (a header line? comment it out with #)' : '';
        throw new GraphError(
          `${place}: line ${lineNumber}: weight: expected a finite number, got ${JSON.stringify(field)} in ` +
            `${shown(raw.trimEnd())}${hint}`,
        );
      }
    }
    pushEdge(buffer, nodeIndex(fields[0] as string), nodeIndex(fields[1] as string), weight);
  }
  return buildNetwork(buffer ?? createEdgeBuffer(0), {
    nodeCount: ids.length,
    isDirected: options.directed === true,
    ids: idsOrNull(ids),
    place,
  });
}

/** The ids a file shows for every person: the file ids, or the indices as strings. O(n). */
export function displayIds(network: Network): readonly string[] {
  if (network.ids !== null) return network.ids;
  const ids = new Array<string>(network.nodeCount);
  for (let u = 0; u < network.nodeCount; u++) ids[u] = String(u);
  return ids;
}

/**
 * Writes `network` as an edge list: a comment header, then one line per edge (undirected edges once,
 * the smaller index first), with the weight when the network has weights. Weights are written with
 * full precision, so they read back exactly. Throws a GraphError for an id an edge list cannot hold
 * (empty, containing whitespace or a comma, or starting with # or %). Warns when isolated people or
 * node attributes are dropped. O(n + m); returns one string.
 */
export function writeEdgeList(network: Network, place = 'edge list'): string {
  const ids = displayIds(network);
  for (const id of ids) {
    if (id === '' || /[\s,]/.test(id) || id.startsWith('#') || id.startsWith('%')) {
      throw new GraphError(
        `${place}: node id ${JSON.stringify(id)} cannot be written in an edge list (ids there are non-empty, without ` +
          'whitespace or commas, not starting with # or %); use the gexf, graphml or json format',
      );
    }
  }
  const { nodeCount: n, outOffsets, outTargets, outWeights, isDirected } = network;
  const lines: string[] = [
    `# viralsim edge list: ${n} nodes, ${network.edgeCount} ${isDirected ? 'arcs, directed' : 'edges, undirected'}`,
    `# source target${outWeights !== null ? ' weight' : ''}`,
  ];
  let isolated = 0;
  for (let u = 0; u < n; u++) {
    const begin = outOffsets[u] as number;
    const end = outOffsets[u + 1] as number;
    if (begin === end && (network.inOffsets[u + 1] as number) === (network.inOffsets[u] as number))
      isolated++;
    const source = ids[u] as string;
    for (let e = begin; e < end; e++) {
      const v = outTargets[e] as number;
      if (!isDirected && v < u) continue;
      lines.push(
        outWeights === null
          ? `${source} ${ids[v] as string}`
          : `${source} ${ids[v] as string} ${outWeights[e] as number}`,
      );
    }
  }
  if (isolated > 0) {
    warn(
      `${place}: ${isolated} isolated node(s) cannot be written in an edge list and are left out; use the gexf, ` +
        'graphml or json format to keep them',
    );
  }
  const hasAttributes =
    network.labels !== null ||
    network.attributes.community !== null ||
    Object.keys(network.attributes.columns).length > 0;
  if (hasAttributes) {
    warn(
      `${place}: node attributes cannot be written in an edge list and are left out; use the gexf, graphml or ` +
        'json format to keep them',
    );
  }
  lines.push('');
  return lines.join('\n');
}
