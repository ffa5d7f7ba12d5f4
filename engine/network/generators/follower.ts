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
 * 3. Each follow is returned with probability `reciprocity`. A follow-back that v's account already
 *    has is not added twice (erased silently: the pair simply follows each other). Hence the share
 *    of linked pairs that follow each other is about `reciprocity`.
 */
import { binomial, type Rng, uniform53 } from '../../rng.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { eraseLoopsAndRepeats } from './assemble.js';
import { expectedCapacity } from './erdos-renyi.js';

/** Default power-law exponent of the follower-count distribution (microblogs measure 2–2.5). */
export const DEFAULT_FOLLOWER_EXPONENT = 2.3;

/** Walker's alias table for weights w (Vose 1991): `prob` and `alias`, both of length n. O(n). */
export function buildAliasTable(weights: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    const scaled = ((weights[i] as number) * n) / total;
    prob[i] = scaled;
    if (scaled < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const s = small[--smallCount] as number;
    const l = large[largeCount - 1] as number;
    alias[s] = l;
    const rest = (prob[l] as number) + (prob[s] as number) - 1;
    prob[l] = rest;
    if (rest < 1) {
      largeCount--;
      small[smallCount++] = l;
    }
  }
  while (largeCount > 0) prob[large[--largeCount] as number] = 1;
  while (smallCount > 0) prob[small[--smallCount] as number] = 1;
  return { prob, alias };
}

/**
 * Generates the follower graph (always directed). O(n + arcs) expected time; allocates the
 * attractiveness and alias arrays (n each), a marker array, the arc list and the CSR.
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
  const { prob, alias } = buildAliasTable(attractiveness);
  const edges = createEdgeBuffer(expectedCapacity(n * following * (1 + reciprocity)));
  // marker[u] === v + 1 while v is choosing: u is already followed by v.
  const marker = new Int32Array(n);
  const p = n > 1 ? Math.min(1, following / (n - 1)) : 0;
  for (let v = 0; v < n; v++) {
    const count = binomial(rng, n - 1, p);
    const stamp = v + 1;
    for (let i = 0; i < count; i++) {
      let failures = 0;
      let u = -1;
      for (;;) {
        if (failures < 32) {
          const slot = Math.floor(rng() * n);
          u = rng() < (prob[slot] as number) ? slot : (alias[slot] as number);
        } else {
          u = Math.floor(rng() * n);
        }
        if (u !== v && marker[u] !== stamp) break;
        failures++;
      }
      marker[u] = stamp;
      pushEdge(edges, u, v);
      if (rng() < reciprocity) pushEdge(edges, v, u);
    }
  }
  eraseLoopsAndRepeats(edges, true);
  return buildNetwork(edges, { nodeCount: n, isDirected: true, place: 'network' });
}
