/**
 * A growable list of edges in typed arrays, filled by generators and file readers before the CSR is
 * built. Capacity doubles when full (never per push); `push` allocates nothing otherwise.
 */

/** Edges as parallel arrays; only the first `length` entries are meaningful. */
export interface EdgeBuffer {
  sources: Int32Array;
  targets: Int32Array;
  /** Per-edge weights, or null for an unweighted list. */
  weights: Float64Array | null;
  length: number;
}

/** Creates an empty buffer with room for `capacity` edges. Allocates O(capacity). */
export function createEdgeBuffer(capacity: number, isWeighted = false): EdgeBuffer {
  const size = Math.max(16, Math.ceil(capacity));
  return {
    sources: new Int32Array(size),
    targets: new Int32Array(size),
    weights: isWeighted ? new Float64Array(size) : null,
    length: 0,
  };
}

function grow(buffer: EdgeBuffer): void {
  const size = buffer.sources.length * 2;
  const sources = new Int32Array(size);
  sources.set(buffer.sources);
  const targets = new Int32Array(size);
  targets.set(buffer.targets);
  buffer.sources = sources;
  buffer.targets = targets;
  if (buffer.weights !== null) {
    const weights = new Float64Array(size);
    weights.set(buffer.weights);
    buffer.weights = weights;
  }
}

/** Appends the edge (u, v) with an optional weight (ignored by unweighted buffers). Amortised O(1). */
export function pushEdge(buffer: EdgeBuffer, u: number, v: number, weight = 1): void {
  if (buffer.length === buffer.sources.length) grow(buffer);
  const i = buffer.length;
  buffer.sources[i] = u;
  buffer.targets[i] = v;
  if (buffer.weights !== null) buffer.weights[i] = weight;
  buffer.length = i + 1;
}
