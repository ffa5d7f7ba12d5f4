/**
 * Builds the CSR {@link Network} from an edge list in O(n + m) time: two stable counting sorts (by
 * target, then by source) leave every neighbour list sorted, so duplicates are adjacent and dropped in
 * one pass. Policy: self-loops and duplicate edges are dropped and counted, with one warning each;
 * for duplicates the first weight is kept. Input is validated (ids in range, finite weights) before any
 * large allocation, and the memory the arrays will need is estimated first and refused over a limit.
 */
import { GraphError } from '../errors.js';
import { warn } from '../warn.js';
import type { EdgeBuffer } from './edge-buffer.js';
import type { Network, NodeAttributes } from './network.js';

/** Largest estimated array memory a network may take, in bytes (4 GiB). */
export const MAX_NETWORK_BYTES = 4 * 1024 ** 3;

/** Largest node count a network may have (ids are 32-bit signed integers). */
export const MAX_NODE_COUNT = 2 ** 31 - 2;

/**
 * Estimated bytes of typed arrays to build and hold a network of `nodeCount` people and `edgeCount`
 * edges (arcs when directed), including the builder's temporaries. O(1).
 */
export function estimateNetworkBytes(
  nodeCount: number,
  edgeCount: number,
  isDirected: boolean,
  isWeighted = false,
): number {
  const arcs = isDirected ? edgeCount : 2 * edgeCount;
  const perArc = 4 + (isWeighted ? 8 : 0);
  const arrays = (isDirected ? 2 : 1) * (arcs * perArc + (nodeCount + 1) * 4);
  const temporaries = arcs * perArc + edgeCount * 8 + nodeCount * 8;
  return arrays + temporaries + nodeCount * 8;
}

/** Formats a byte count for messages ("1.2 GB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1e3)} kB`;
}

/**
 * Refuses, before allocating, a network whose arrays would not fit: throws a GraphError that states
 * the estimate. `place` names what is being built (e.g. `network`).
 */
export function assertNetworkFits(
  place: string,
  nodeCount: number,
  edgeCount: number,
  isDirected: boolean,
  isWeighted = false,
): void {
  if (nodeCount > MAX_NODE_COUNT) {
    throw new GraphError(`${place}: expected at most ${MAX_NODE_COUNT} nodes, got ${nodeCount}`);
  }
  const bytes = estimateNetworkBytes(nodeCount, edgeCount, isDirected, isWeighted);
  if (!(bytes <= MAX_NETWORK_BYTES)) {
    throw new GraphError(
      `${place}: ${nodeCount} nodes and about ${Math.round(edgeCount)} edges need an estimated ` +
        `${formatBytes(bytes)} of arrays, more than the ${formatBytes(MAX_NETWORK_BYTES)} limit; use a smaller network`,
    );
  }
}

/** What {@link buildNetwork} needs besides the edges. */
export interface BuildNetworkOptions {
  nodeCount: number;
  isDirected: boolean;
  /** File ids (index → id), or null when the indices are the ids. */
  ids?: readonly string[] | null;
  labels?: readonly string[] | null;
  attributes?: NodeAttributes;
  /** Where the edges came from, for messages (e.g. `graph.txt`). */
  place?: string;
}

/**
 * Builds a network from `edges`. Validates every id and weight, drops and counts self-loops and
 * duplicates (one warning each), and stores undirected edges in both directions. O(n + m) time;
 * allocates the CSR arrays plus temporaries of one arc array.
 */
export function buildNetwork(edges: EdgeBuffer, options: BuildNetworkOptions): Network {
  const n = options.nodeCount;
  const place = options.place ?? 'network';
  if (!Number.isInteger(n) || n < 0) {
    throw new GraphError(`${place}: nodes: expected a whole number >= 0, got ${n}`);
  }
  const isDirected = options.isDirected;
  const isWeighted = edges.weights !== null;
  assertNetworkFits(place, n, edges.length, isDirected, isWeighted);
  const m = edges.length;
  const src = edges.sources;
  const dst = edges.targets;
  const w = edges.weights;

  // Phase 1: validate and count arcs per target (self-loops excluded).
  const byTarget = new Int32Array(n + 1);
  let selfLoops = 0;
  for (let i = 0; i < m; i++) {
    const u = src[i] as number;
    const v = dst[i] as number;
    if (!(u >= 0 && u < n && v >= 0 && v < n)) {
      throw new GraphError(`${place}: edge ${i + 1}: expected node indices in 0..${n - 1}, got ${u} -> ${v}`);
    }
    if (w !== null && !Number.isFinite(w[i] as number)) {
      throw new GraphError(`${place}: edge ${i + 1}: expected a finite weight, got ${w[i]}`);
    }
    if (u === v) {
      selfLoops++;
      continue;
    }
    byTarget[v + 1]!++;
    if (!isDirected) byTarget[u + 1]!++;
  }
  for (let u = 0; u < n; u++) byTarget[u + 1] = (byTarget[u + 1] as number) + (byTarget[u] as number);
  const arcs = byTarget[n] as number;

  // Phase 2: counting sort by target. tmpSource[k] is the source of the k-th arc in target order.
  const tmpSource = new Int32Array(arcs);
  const tmpWeight = w !== null ? new Float64Array(arcs) : null;
  const cursor = byTarget.slice(0, n);
  const outCount = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const u = src[i] as number;
    const v = dst[i] as number;
    if (u === v) continue;
    let k = cursor[v]!++;
    tmpSource[k] = u;
    if (tmpWeight !== null) tmpWeight[k] = w![i] as number;
    outCount[u + 1]!++;
    if (!isDirected) {
      k = cursor[u]!++;
      tmpSource[k] = v;
      if (tmpWeight !== null) tmpWeight[k] = w![i] as number;
      outCount[v + 1]!++;
    }
  }

  // Phase 3: stable counting sort by source, walking targets in order: every row ends up sorted.
  for (let u = 0; u < n; u++) outCount[u + 1] = (outCount[u + 1] as number) + (outCount[u] as number);
  const outOffsets = outCount;
  const outTargets = new Int32Array(arcs);
  const outWeights = tmpWeight !== null ? new Float64Array(arcs) : null;
  const rowCursor = outOffsets.slice(0, n);
  for (let v = 0; v < n; v++) {
    const end = byTarget[v + 1] as number;
    for (let k = byTarget[v] as number; k < end; k++) {
      const u = tmpSource[k] as number;
      const e = rowCursor[u]!++;
      outTargets[e] = v;
      if (outWeights !== null) outWeights[e] = tmpWeight![k] as number;
    }
  }

  // Phase 4: drop adjacent duplicates (first weight kept), compacting in place.
  let write = 0;
  let read = 0;
  for (let u = 0; u < n; u++) {
    const end = outOffsets[u + 1] as number;
    outOffsets[u] = write;
    let previous = -1;
    for (; read < end; read++) {
      const v = outTargets[read] as number;
      if (v === previous) continue;
      previous = v;
      outTargets[write] = v;
      if (outWeights !== null) outWeights[write] = outWeights[read] as number;
      write++;
    }
  }
  outOffsets[n] = write;
  const removed = arcs - write;
  const duplicates = isDirected ? removed : removed / 2;
  const finalTargets = write === arcs ? outTargets : outTargets.slice(0, write);
  const finalWeights = outWeights === null || write === arcs ? outWeights : outWeights.slice(0, write);
  if (outOffsets[n] !== finalTargets.length) {
    throw new Error(
      `buildNetwork: last offset ${outOffsets[n]} differs from arc count ${finalTargets.length}`,
    );
  }
  if (selfLoops > 0) {
    warn(
      `${place}: dropped ${selfLoops} self-loop(s); viralsim networks have none (remove them from the input to silence this)`,
    );
  }
  if (duplicates > 0) {
    warn(
      `${place}: dropped ${duplicates} duplicate edge(s), keeping the first weight (remove them from the input to silence this)`,
    );
  }

  // Phase 5: in-arcs. Undirected networks share the out-arrays.
  let inOffsets: Int32Array = outOffsets;
  let inSources: Int32Array = finalTargets;
  let inWeights: Float64Array | null = finalWeights;
  if (isDirected) {
    ({ inOffsets, inSources, inWeights } = transpose(n, outOffsets, finalTargets, finalWeights));
  }
  return {
    nodeCount: n,
    edgeCount: isDirected ? write : write / 2,
    arcCount: write,
    isDirected,
    outOffsets,
    outTargets: finalTargets,
    outWeights: finalWeights,
    inOffsets,
    inSources,
    inWeights,
    ids: options.ids ?? null,
    labels: options.labels ?? null,
    attributes: options.attributes ?? { columns: {}, community: null },
    selfLoopsDropped: selfLoops,
    duplicatesDropped: duplicates,
  };
}

/** The in-arc CSR of a directed CSR: rows sorted, since sources are visited in order. O(n + m). */
function transpose(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
): { inOffsets: Int32Array; inSources: Int32Array; inWeights: Float64Array | null } {
  const inOffsets = new Int32Array(n + 1);
  const a = targets.length;
  for (let e = 0; e < a; e++) inOffsets[(targets[e] as number) + 1]!++;
  for (let v = 0; v < n; v++) inOffsets[v + 1] = (inOffsets[v + 1] as number) + (inOffsets[v] as number);
  const inSources = new Int32Array(a);
  const inWeights = weights !== null ? new Float64Array(a) : null;
  const cursor = inOffsets.slice(0, n);
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const k = cursor[targets[e] as number]!++;
      inSources[k] = u;
      if (inWeights !== null) inWeights[k] = weights![e] as number;
    }
  }
  return { inOffsets, inSources, inWeights };
}
