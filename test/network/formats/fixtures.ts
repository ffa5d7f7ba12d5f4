// Test helper: reads a file of test/fixtures/graphs and builds small networks for format tests.
import { readFileSync } from 'node:fs';
import { buildNetwork } from '../../../engine/network/build.js';
import { createEdgeBuffer, pushEdge } from '../../../engine/network/edge-buffer.js';
import type { Network, NodeAttributes } from '../../../engine/network/network.js';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/graphs/${name}`, import.meta.url), 'utf8');
}

export interface SmallGraph {
  nodeCount: number;
  edges: readonly (readonly [number, number])[];
  weights?: readonly number[];
  isDirected?: boolean;
  ids?: readonly string[] | null;
  labels?: readonly string[] | null;
  attributes?: NodeAttributes;
}

export function smallNetwork(graph: SmallGraph): Network {
  const buffer = createEdgeBuffer(graph.edges.length, graph.weights !== undefined);
  graph.edges.forEach(([u, v], i) => {
    pushEdge(buffer, u, v, graph.weights?.[i] ?? 1);
  });
  return buildNetwork(buffer, {
    nodeCount: graph.nodeCount,
    isDirected: graph.isDirected ?? false,
    ids: graph.ids ?? null,
    labels: graph.labels ?? null,
    ...(graph.attributes === undefined ? {} : { attributes: graph.attributes }),
  });
}
