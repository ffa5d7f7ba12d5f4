/**
 * A directed microblog ("follower") graph with a heavy-tailed follower count.
 *
 * Direction (viralsim's convention): a message flows along out-arcs, so the arc u → v means "v
 * follows u" (v sees u's posts). A person's out-degree is their follower count and their in-degree
 * the number of accounts they follow.
 *
 * 1. Each account u gets an attractiveness a_u ≥ 1 from a Pareto law with density ∝ a^−exponent
 *    (a_u = (1 − U)^(−1/(exponent − 1))). Follower counts are then Poisson mixtures with rate ∝ a_u,
 *    so their tail is ∝ k^−exponent (the fitness model: Caldarelli et al., PRL 89, 258702, 2002).
 * 2. Each person v follows Binomial(n − 1, following/(n − 1)) accounts (mean `following`), each
 *    drawn ∝ attractiveness with Walker's alias table (Vose's construction, O(1) per draw), redrawn
 *    when it is v or already followed (after 32 failed draws in a row, uniformly, so it ends).
 * 3. Each follow is returned with probability `reciprocity`, unless the followed person already
 *    follows back by their own choice (then nothing is added: no arc repeats). Hence the share of
 *    linked pairs who follow each other is about `reciprocity` (plus the rare chance mutual follows).
 */
import { binomial, type Rng, uniform53 } from '../../rng.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { expectedCapacity } from './erdos-renyi.js';

/** Default power-law exponent of the follower-count distribution (microblogs measure 2–2.5). */
export const DEFAULT_FOLLOWER_EXPONENT = 2.3;

/**
 * Walker's alias table for weights w (Vose 1991), interleaved in one Float64Array of 2n entries:
 * slot i keeps itself with probability `table[2i]`, else gives `table[2i + 1]` (an index). One
 * array, so a draw touches one cache line. O(n).
 */
export function buildAliasTable(weights: Float64Array): Float64Array {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  const table = new Float64Array(2 * n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    const scaled = ((weights[i] as number) * n) / total;
    table[2 * i] = scaled;
    table[2 * i + 1] = i;
    if (scaled < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const s = small[--smallCount] as number;
    const l = large[largeCount - 1] as number;
    table[2 * s + 1] = l;
    const rest = (table[2 * l] as number) + (table[2 * s] as number) - 1;
    table[2 * l] = rest;
    if (rest < 1) {
      largeCount--;
      small[smallCount++] = l;
    }
  }
  while (largeCount > 0) table[2 * (large[--largeCount] as number)] = 1;
  while (smallCount > 0) table[2 * (small[--smallCount] as number)] = 1;
  return table;
}

/** Whether `value` is in the sorted `values[from..to)`. O(log(to − from)). */
function isInSorted(values: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = values[mid] as number;
    if (x === value) return true;
    if (x < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Sorts `values[from..to)` ascending: insertion sort for short runs, the native sort otherwise. */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = values[i] as number;
    let j = i - 1;
    while (j >= from && (values[j] as number) > x) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = x;
  }
}

/** Lists longer than this use a marker array to reject repeats; shorter ones scan themselves. */
const SCAN_LIMIT = 48;

/**
 * Generates the follower graph (always directed). Phase 1 draws every person's follows (stored
 * grouped by follower, each group then sorted); phase 2 draws the follow-backs, skipping one the
 * followed person already made (a binary search in their group), so no arc repeats. O(n + arcs·log)
 * expected time; allocates the attractiveness and alias arrays, a marker array, the arc list and
 * the CSR.
 */
export function generateFollower(
  rng: Rng,
  n: number,
  following: number,
  reciprocity: number,
  exponent: number,
): Network {
  const attractiveness = new Float64Array(n);
  const shape = -1 / (exponent - 1);
  for (let u = 0; u < n; u++) attractiveness[u] = (1 - uniform53(rng)) ** shape;
  const alias = buildAliasTable(attractiveness);
  const edges = createEdgeBuffer(expectedCapacity(n * following * (1 + reciprocity)));
  // Phase 1. edges[groupStart[v] .. groupStart[v + 1]) are the arcs u → v of v's follows.
  const groupStart = new Int32Array(n + 1);
  // marker[u] === v + 1 while v (with a long list) is choosing: u is already followed by v.
  const marker = new Int32Array(n);
  const p = n > 1 ? Math.min(1, following / (n - 1)) : 0;
  for (let v = 0; v < n; v++) {
    const count = binomial(rng, n - 1, p);
    const start = edges.length;
    groupStart[v] = start;
    const isLong = count > SCAN_LIMIT;
    const stamp = v + 1;
    for (let i = 0; i < count; i++) {
      let failures = 0;
      let u = -1;
      for (;;) {
        if (failures < 32) {
          const slot = Math.floor(rng() * n);
          u = rng() < (alias[2 * slot] as number) ? slot : (alias[2 * slot + 1] as number);
        } else {
          u = Math.floor(rng() * n);
        }
        if (u !== v && (isLong ? marker[u] !== stamp : !isInList(edges.sources, start, start + i, u))) break;
        failures++;
      }
      if (isLong) marker[u] = stamp;
      pushEdge(edges, u, v);
    }
    sortRange(edges.sources, start, edges.length);
  }
  const followCount = edges.length;
  groupStart[n] = followCount;
  // Phase 2: the follow u → v (v follows u) is returned as v → u, unless u already follows v.
  for (let k = 0; k < followCount; k++) {
    if (!(rng() < reciprocity)) continue;
    const u = edges.sources[k] as number;
    const v = edges.targets[k] as number;
    if (isInSorted(edges.sources, groupStart[u] as number, groupStart[u + 1] as number, v)) continue;
    pushEdge(edges, v, u);
  }
  return buildNetwork(edges, { nodeCount: n, isDirected: true, place: 'network' });
}

/** Whether `value` is in `values[from..to)`. O(to − from). */
function isInList(values: Int32Array, from: number, to: number, value: number): boolean {
  for (let i = from; i < to; i++) if (values[i] === value) return true;
  return false;
}
