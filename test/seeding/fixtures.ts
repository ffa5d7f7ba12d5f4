// Tiny hand-made networks for the seeding tests.
import { buildNetwork } from '../../engine/network/build.js';
import { createEdgeBuffer, pushEdge } from '../../engine/network/edge-buffer.js';
import type { AttributeColumn, AttributeName, Network } from '../../engine/network/network.js';

/** Extra parts of a test network. */
export interface NetworkExtras {
  isDirected?: boolean;
  ids?: readonly string[];
  columns?: Partial<Record<AttributeName, AttributeColumn>>;
  community?: readonly number[];
}

/** A network of n people with the given edges (arcs when directed). */
export function makeNetwork(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  extras: NetworkExtras = {},
): Network {
  const buffer = createEdgeBuffer(edges.length);
  for (const [u, v] of edges) pushEdge(buffer, u, v, 1);
  return buildNetwork(buffer, {
    nodeCount,
    isDirected: extras.isDirected ?? false,
    ids: extras.ids ?? null,
    attributes: {
      columns: extras.columns ?? {},
      community: extras.community === undefined ? null : Int32Array.from(extras.community),
    },
  });
}

/** A star: person 0 linked to 1..n−1. */
export function star(nodeCount: number): Network {
  return makeNetwork(
    nodeCount,
    Array.from({ length: nodeCount - 1 }, (_, i) => [0, i + 1] as const),
  );
}

/** A path 0 − 1 − … − n−1. */
export function path(nodeCount: number): Network {
  return makeNetwork(
    nodeCount,
    Array.from({ length: nodeCount - 1 }, (_, i) => [i, i + 1] as const),
  );
}

/** A categorical column from a list of values (codes in order of first appearance in `names`). */
export function column(names: readonly string[], values: readonly string[]): AttributeColumn {
  return { names, codes: Uint8Array.from(values.map((v) => names.indexOf(v))) };
}
