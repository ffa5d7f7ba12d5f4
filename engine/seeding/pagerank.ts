/**
 * Seeding strategy `pagerank`: PageRank by power iteration on the CSR arrays.
 *
 * Direction. A message flows along out-arcs (u → v: v sees u's posts). We want people whose posts
 * spread far, so we rank on the REVERSED graph: each person passes their attention to the people
 * they follow, and someone followed by many well-followed people ranks high. On the original arrays:
 *
 *   rank[u] = (1 − d)/n + d·D/n + d · Σ_{v ∈ out(u)} rank[v] / inDegree(v)
 *
 * where d is the damping (0.85) and D the total rank of "dangling" people (in-degree 0: they follow
 * no one, so their attention is spread evenly over everyone). On an undirected network this is
 * ordinary PageRank. Ranks sum to 1. Iteration stops when the L1 change falls below the tolerance
 * (1e-10) or after the iteration limit (100). Reference: Page, Brin, Motwani & Winograd (1999);
 * dangling nodes as in Langville & Meyer, "Deeper inside PageRank" (2004).
 */
import { OptionsError } from '../errors.js';
import type { Network } from '../network/network.js';
import { topByScore } from './ranking.js';

/** Parameters of {@link pageRank}. */
export interface PageRankOptions {
  /** Chance of following an arc rather than jumping anywhere, in [0, 1). */
  damping: number;
  /** Stop when the L1 change of one iteration is below this (> 0). */
  tolerance: number;
  /** Upper bound on power iterations (a whole number ≥ 1). */
  maxIterations: number;
}

/** The standard parameters: damping 0.85, tolerance 1e-10 (L1), at most 100 iterations. */
export const PAGERANK_DEFAULTS: Readonly<PageRankOptions> = Object.freeze({
  damping: 0.85,
  tolerance: 1e-10,
  maxIterations: 100,
});

/** Fills in {@link PAGERANK_DEFAULTS} and validates; throws an OptionsError naming the bad option. */
export function resolvePageRankOptions(options: Partial<PageRankOptions> = {}): PageRankOptions {
  const resolved = { ...PAGERANK_DEFAULTS, ...options };
  validatePageRankOptions(resolved);
  return resolved;
}

/** Throws an OptionsError when an option is out of range. */
export function validatePageRankOptions(options: PageRankOptions): void {
  const { damping, tolerance, maxIterations } = options;
  if (!(damping >= 0 && damping < 1)) {
    throw new OptionsError(`pageRank: damping: expected a number in [0, 1), got ${damping}`);
  }
  if (!(tolerance > 0)) {
    throw new OptionsError(`pageRank: tolerance: expected a number > 0, got ${tolerance}`);
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new OptionsError(`pageRank: maxIterations: expected a whole number >= 1, got ${maxIterations}`);
  }
}

/**
 * PageRank of every person on the reversed graph (see the module comment): Float64Array (n), summing
 * to 1. O(iterations · (n + arcs)) time; allocates three Float64Arrays of n.
 */
export function pageRank(network: Network, options: Partial<PageRankOptions> = {}): Float64Array {
  const { damping, tolerance, maxIterations } = resolvePageRankOptions(options);
  const n = network.nodeCount;
  let rank = new Float64Array(n);
  if (n === 0) return rank;
  let next = new Float64Array(n);
  // share[v] = rank[v] / inDegree(v): what v passes to each person it follows (in-arc source).
  const share = new Float64Array(n);
  const offsets = network.outOffsets;
  const targets = network.outTargets;
  const inOffsets = network.inOffsets;
  rank.fill(1 / n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const inDegree = (inOffsets[v + 1] as number) - (inOffsets[v] as number);
      if (inDegree === 0) {
        dangling += rank[v] as number;
        share[v] = 0;
      } else {
        share[v] = (rank[v] as number) / inDegree;
      }
    }
    const base = (1 - damping + damping * dangling) / n;
    let change = 0;
    let total = 0;
    for (let u = 0; u < n; u++) {
      let sum = 0;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) sum += share[targets[e] as number] as number;
      const value = base + damping * sum;
      next[u] = value;
      total += value;
      change += Math.abs(value - (rank[u] as number));
    }
    // Renormalise so rounding never lets the total drift from 1.
    for (let u = 0; u < n; u++) next[u] = (next[u] as number) / total;
    const t = rank;
    rank = next;
    next = t;
    if (change < tolerance) break;
  }
  return rank;
}

/** The k audience members of highest PageRank, best first; ties by lower index. O(n log k) after the ranks. */
export function pageRankSeeds(network: Network, audience: Uint8Array | null, k: number): Int32Array {
  return topByScore(pageRank(network), null, audience, k);
}
