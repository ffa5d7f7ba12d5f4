/**
 * Growth by preferential attachment: Barabási–Albert and Holme–Kim.
 *
 * Both start from a complete graph on m + 1 people (so every starting person already has degree m)
 * and add people m + 1 … n − 1 one at a time, each linking to m distinct earlier people. A target is
 * drawn with probability ∝ degree by picking a uniform endpoint of the edges so far: the edge list
 * itself is the "repeated nodes" array (Barabási & Albert 1999; Batagelj & Brandes 2005). A pick
 * already linked to the newcomer is redrawn, so there are no duplicate edges.
 *
 * Holme–Kim (Holme & Kim, Phys. Rev. E 65, 026107, 2002) adds a triad-formation step: after the first
 * preferential pick, each further edge, with probability `triad`, goes to a random neighbour of the
 * last preferential target (closing a triangle), else to a new preferential pick. With triad = 0 it
 * draws exactly the same numbers as Barabási–Albert and so returns the same network.
 *
 * The edge list is growth-ordered (newcomer, earlier person), so the CSR is written in one pass.
 * Barabási–Albert holds, besides the result, only the edge list (8 bytes per edge).
 */
import { bernoulli, type Rng } from '../../rng.js';
import type { Network } from '../network.js';
import { addNeighbour, createAdjacency, type GrowableAdjacency } from './adjacency.js';
import { networkFromGrowthEdges } from './assemble.js';

/** Edges of a preferential-attachment graph on n people with m links per newcomer. O(1). */
export function attachmentEdgeCount(n: number, m: number): number {
  return (m * (m + 1)) / 2 + Math.max(0, n - m - 1) * m;
}

/** Writes the complete graph on 0..m in growth order; returns the edge count written. */
function seedClique(m: number, newer: Int32Array, older: Int32Array): number {
  let e = 0;
  for (let v = 1; v <= m; v++) {
    for (let w = 0; w < v; w++) {
      newer[e] = v;
      older[e] = w;
      e++;
    }
  }
  return e;
}

/** Whether t is among older[from..to). */
function isInGroup(older: Int32Array, from: number, to: number, t: number): boolean {
  for (let i = from; i < to; i++) if (older[i] === t) return true;
  return false;
}

/**
 * A person drawn ∝ degree among the first `endCount` edge endpoints, redrawn while already among
 * older[groupStart..e). Expected O(1) draws for m ≪ the edge count.
 */
function pickPreferential(
  rng: Rng,
  newer: Int32Array,
  older: Int32Array,
  endCount: number,
  groupStart: number,
  e: number,
): number {
  for (;;) {
    const k = Math.floor(rng() * endCount);
    const t = (k & 1) === 1 ? (older[k >> 1] as number) : (newer[k >> 1] as number);
    if (!isInGroup(older, groupStart, e, t)) return t;
  }
}

/**
 * Barabási–Albert: n people, m edges per newcomer, degree distribution ∝ k⁻³ in the tail. Requires
 * 1 ≤ m < n. O(n·m) expected time; allocates the edge list (8 bytes per edge) and the CSR.
 */
export function generateBarabasiAlbert(rng: Rng, n: number, m: number, isDirected: boolean): Network {
  const edgeCount = attachmentEdgeCount(n, m);
  const newer = new Int32Array(edgeCount);
  const older = new Int32Array(edgeCount);
  let e = seedClique(m, newer, older);
  for (let v = m + 1; v < n; v++) {
    const groupStart = e;
    const endCount = 2 * e;
    for (let i = 0; i < m; i++) {
      older[e] = pickPreferential(rng, newer, older, endCount, groupStart, e);
      newer[e] = v;
      e++;
    }
  }
  return networkFromGrowthEdges(n, newer, older, e, isDirected);
}

/**
 * A uniform neighbour of t that is neither v nor already linked to v (older[groupStart..e)), or −1
 * when there is none. Long lists use rejection (at most m of them are excluded); short ones count
 * the eligible entries first, so the choice is exactly uniform either way.
 */
function pickTriadPartner(
  rng: Rng,
  adjacency: GrowableAdjacency,
  t: number,
  v: number,
  older: Int32Array,
  groupStart: number,
  e: number,
): number {
  const pool = adjacency.pool;
  const begin = adjacency.start[t] as number;
  const length = adjacency.length[t] as number;
  if (length > 2 * (e - groupStart) + 2) {
    for (;;) {
      const x = pool[begin + Math.floor(rng() * length)] as number;
      if (x !== v && !isInGroup(older, groupStart, e, x)) return x;
    }
  }
  let eligible = 0;
  for (let i = 0; i < length; i++) {
    const x = pool[begin + i] as number;
    if (x !== v && !isInGroup(older, groupStart, e, x)) eligible++;
  }
  if (eligible === 0) return -1;
  let rank = Math.floor(rng() * eligible);
  for (let i = 0; i < length; i++) {
    const x = pool[begin + i] as number;
    if (x !== v && !isInGroup(older, groupStart, e, x) && rank-- === 0) return x;
  }
  return -1;
}

/**
 * Holme–Kim: Barabási–Albert plus triad formation with probability `triad` (0..1): scale-free with
 * tunable clustering. Requires 1 ≤ m < n. O(n·m) expected time; allocates the edge list, a growable
 * adjacency (about 4·m ints per person) and the CSR.
 */
export function generateHolmeKim(
  rng: Rng,
  n: number,
  m: number,
  triad: number,
  isDirected: boolean,
): Network {
  const edgeCount = attachmentEdgeCount(n, m);
  const newer = new Int32Array(edgeCount);
  const older = new Int32Array(edgeCount);
  let e = seedClique(m, newer, older);
  const adjacency = createAdjacency(n, 2 * m, 4 * edgeCount);
  for (let i = 0; i < e; i++) {
    addNeighbour(adjacency, newer[i] as number, older[i] as number);
    addNeighbour(adjacency, older[i] as number, newer[i] as number);
  }
  for (let v = m + 1; v < n; v++) {
    const groupStart = e;
    const endCount = 2 * e;
    let target = pickPreferential(rng, newer, older, endCount, groupStart, e);
    let partner = target;
    for (let i = 0; i < m; i++) {
      if (i > 0) {
        partner = -1;
        if (bernoulli(rng, triad))
          partner = pickTriadPartner(rng, adjacency, target, v, older, groupStart, e);
        if (partner < 0) {
          target = pickPreferential(rng, newer, older, endCount, groupStart, e);
          partner = target;
        }
      }
      older[e] = partner;
      newer[e] = v;
      e++;
      addNeighbour(adjacency, v, partner);
      addNeighbour(adjacency, partner, v);
    }
  }
  return networkFromGrowthEdges(n, newer, older, e, isDirected);
}
