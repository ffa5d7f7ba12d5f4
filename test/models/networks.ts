/**
 * Small network builders for the model tests, on buildNetwork directly so the tests depend only on
 * the CSR core: edge lists, complete graphs, rings and Erdős–Rényi G(n, m) graphs.
 */

import type { StreamSource } from '../../engine/models/run-options.js';
import { buildNetwork } from '../../engine/network/build.js';
import { createEdgeBuffer, pushEdge } from '../../engine/network/edge-buffer.js';
import type { Network } from '../../engine/network/network.js';
import { createStream, type Rng } from '../../engine/rng.js';

/** A network from an explicit edge (arc) list, optionally weighted. */
export function fromEdges(
  nodeCount: number,
  list: readonly (readonly [number, number])[],
  isDirected = false,
  weights?: readonly number[],
): Network {
  const buffer = createEdgeBuffer(list.length, weights !== undefined);
  list.forEach(([u, v], i) => {
    pushEdge(buffer, u, v, weights?.[i] ?? 1);
  });
  return buildNetwork(buffer, { nodeCount, isDirected });
}

/** The complete undirected graph on n people. */
export function complete(n: number): Network {
  const buffer = createEdgeBuffer((n * (n - 1)) / 2);
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) pushEdge(buffer, u, v);
  return buildNetwork(buffer, { nodeCount: n, isDirected: false });
}

/** The undirected ring (cycle) on n people. */
export function ring(n: number): Network {
  const buffer = createEdgeBuffer(n);
  for (let u = 0; u < n; u++) pushEdge(buffer, u, (u + 1) % n);
  return buildNetwork(buffer, { nodeCount: n, isDirected: false });
}

/**
 * Erdős–Rényi G(n, m) with m = n·c/2 distinct edges (mean degree c), drawn from `seed`. Rejects
 * self-loops and repeats, so no warnings are emitted.
 */
export function erdosRenyi(n: number, meanDegree: number, seed: number): Network {
  const rng = createStream(seed, 'test-network');
  const m = Math.round((n * meanDegree) / 2);
  const seen = new Set<number>();
  const buffer = createEdgeBuffer(m);
  while (buffer.length < m) {
    const u = Math.floor(rng() * n);
    const v = Math.floor(rng() * n);
    if (u === v) continue;
    const key = u < v ? u * n + v : v * n + u;
    if (seen.has(key)) continue;
    seen.add(key);
    pushEdge(buffer, u, v);
  }
  return buildNetwork(buffer, { nodeCount: n, isDirected: false });
}

/** The run's streams, derived like the batch driver's: (seed, 'run', run, purpose). */
export function runStreams(seed: number, run: number): StreamSource {
  return (purpose) => createStream(seed, 'run', run, purpose);
}

/** k distinct random people of n (partial Fisher–Yates), for seeding. */
export function randomPeople(n: number, k: number, rng: Rng): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.slice(0, k);
}

/** Mean and sample standard deviation. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}
