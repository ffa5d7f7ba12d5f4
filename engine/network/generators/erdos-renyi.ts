/**
 * Erdős–Rényi G(n, p) and the geometric-skipping samplers it shares with the stochastic block model.
 *
 * Instead of one coin flip per pair, each sampler jumps straight to the next chosen pair: the gap
 * between successes of Bernoulli(p) trials is geometric, so a pass costs O(n + m) expected time
 * whatever p (Batagelj & Brandes, "Efficient generation of large random networks", Phys. Rev. E 71,
 * 036113, 2005, algorithm G(n, p)). Pair indices are doubles, exact up to 2⁵³ pairs.
 */
import { geometric, type Rng } from '../../rng.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, type EdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { networkFromGrowthEdges } from './assemble.js';

/**
 * Pushes each unordered pair {base + v, base + w} (0 ≤ w < v < size) with probability p, as
 * (base + v, base + w) in ascending v then w: a growth-ordered list. O(size + edges) expected.
 */
export function sampleTrianglePairs(
  rng: Rng,
  size: number,
  p: number,
  base: number,
  edges: EdgeBuffer,
): void {
  if (p <= 0 || size < 2) return;
  let v = 1;
  let w = -1;
  while (v < size) {
    w += 1 + geometric(rng, p);
    while (w >= v && v < size) {
      w -= v;
      v++;
    }
    if (v < size) pushEdge(edges, base + v, base + w);
  }
}

/**
 * Pushes each pair (rowBase + r, colBase + c), r < rows, c < cols, with probability p, in row-major
 * order. O(rows + edges) expected.
 */
export function sampleRectanglePairs(
  rng: Rng,
  rows: number,
  cols: number,
  p: number,
  rowBase: number,
  colBase: number,
  edges: EdgeBuffer,
): void {
  if (p <= 0 || rows < 1 || cols < 1) return;
  let r = 0;
  let c = -1;
  while (r < rows) {
    c += 1 + geometric(rng, p);
    while (c >= cols && r < rows) {
      c -= cols;
      r++;
    }
    if (r < rows) pushEdge(edges, rowBase + r, colBase + c);
  }
}

/**
 * Pushes each ordered pair (base + u, base + v), u ≠ v < size, with probability p, sorted by u then
 * v. Row u has size − 1 slots; slot j maps to v = j when j < u, else j + 1. O(size + arcs) expected.
 */
export function sampleOrderedPairs(rng: Rng, size: number, p: number, base: number, edges: EdgeBuffer): void {
  if (p <= 0 || size < 2) return;
  const cols = size - 1;
  let u = 0;
  let j = -1;
  while (u < size) {
    j += 1 + geometric(rng, p);
    while (j >= cols && u < size) {
      j -= cols;
      u++;
    }
    if (u < size) pushEdge(edges, base + u, base + (j < u ? j : j + 1));
  }
}

/** Room for the expected count plus six standard deviations, so the buffer rarely grows. */
export function expectedCapacity(expected: number): number {
  return Math.ceil(expected + 6 * Math.sqrt(expected) + 16);
}

/**
 * G(n, p) with p = meanDegree / (n − 1): each pair (each ordered pair when directed, so the mean
 * out-degree is meanDegree) is linked independently. Undirected graphs go straight into CSR, since
 * the sampler emits them in growth order. O(n + m) expected time.
 */
export function generateErdosRenyi(rng: Rng, n: number, meanDegree: number, isDirected: boolean): Network {
  const p = n > 1 ? Math.min(1, meanDegree / (n - 1)) : 0;
  const expected = isDirected ? n * meanDegree : (n * meanDegree) / 2;
  const edges = createEdgeBuffer(expectedCapacity(expected));
  if (isDirected) {
    sampleOrderedPairs(rng, n, p, 0, edges);
    return buildNetwork(edges, { nodeCount: n, isDirected: true, place: 'network' });
  }
  sampleTrianglePairs(rng, n, p, 0, edges);
  return networkFromGrowthEdges(n, edges.sources, edges.targets, edges.length, false);
}
