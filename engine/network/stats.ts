/**
 * Summary statistics of a network, all computed on the CSR typed arrays: size, degrees, clustering,
 * weakly connected components and the power-law exponent of the degree distribution.
 *
 * Conventions (stated once, used by `viralsim inspect`):
 * - Degrees are the neighbour counts of an undirected network; for a directed network they are
 *   out-degrees (the audience each person reaches: a message flows along out-arcs).
 * - Clustering and components use the undirected view (arc direction ignored, reciprocal arcs counted
 *   once). The local clustering of a person with fewer than two neighbours is 0, and the average runs
 *   over every person (the convention of NetworkX's `average_clustering`).
 */
import type { Network } from './network.js';

/** What {@link networkStats} reports; the keys `viralsim inspect --format json` prints. */
export interface NetworkStats {
  nodes: number;
  /** Undirected edges, or arcs when directed. */
  edges: number;
  directed: boolean;
  /** Mean degree (mean out-degree when directed); 0 for an empty network. */
  meanDegree: number;
  /** Largest degree (out-degree when directed). */
  maxDegree: number;
  /** Average local clustering coefficient over all people, undirected view (degree < 2 counts 0). */
  clustering: number;
  /** Number of weakly connected components (isolated people count as components). */
  components: number;
  /** People in the largest weakly connected component. */
  largestComponent: number;
  /** Maximum-likelihood power-law exponent of the degrees (see {@link powerLawExponent}); NaN if undefined. */
  degreeExponent: number;
  selfLoopsDropped: number;
  duplicatesDropped: number;
}

/** A CSR adjacency (offsets n + 1, targets sorted per row). */
interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/**
 * The undirected view of `network`: for an undirected network its own arrays; for a directed one
 * each row is the sorted union of out- and in-neighbours (reciprocal arcs once). O(n + m); allocates
 * two arrays when directed.
 */
export function undirectedView(network: Network): Adjacency {
  if (!network.isDirected) return { offsets: network.outOffsets, targets: network.outTargets };
  const n = network.nodeCount;
  const { outOffsets, outTargets, inOffsets, inSources } = network;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(2 * network.arcCount);
  let write = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = write;
    // Merge two sorted lists, dropping values present in both.
    let i = outOffsets[u] as number;
    const iEnd = outOffsets[u + 1] as number;
    let j = inOffsets[u] as number;
    const jEnd = inOffsets[u + 1] as number;
    while (i < iEnd || j < jEnd) {
      const a = i < iEnd ? (outTargets[i] as number) : 0x7fffffff;
      const b = j < jEnd ? (inSources[j] as number) : 0x7fffffff;
      if (a <= b) {
        targets[write++] = a;
        i++;
        if (a === b) j++;
      } else {
        targets[write++] = b;
        j++;
      }
    }
  }
  offsets[n] = write;
  return { offsets, targets: targets.subarray(0, write) };
}

/**
 * Local clustering coefficient of every person in the undirected view: the fraction of pairs of
 * neighbours that are themselves neighbours; 0 for fewer than two neighbours. Uses a marker array, so
 * O(Σ degree²) time; allocates a Float64Array (n) for the result and an Int32Array (n) marker.
 */
export function localClustering(network: Network): Float64Array {
  return clusteringOf(undirectedView(network), network.nodeCount);
}

function clusteringOf({ offsets, targets }: Adjacency, n: number): Float64Array {
  const result = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const begin = offsets[u] as number;
    const end = offsets[u + 1] as number;
    const degree = end - begin;
    if (degree < 2) continue;
    for (let e = begin; e < end; e++) mark[targets[e] as number] = u;
    let closed = 0;
    for (let e = begin; e < end; e++) {
      const v = targets[e] as number;
      const vEnd = offsets[v + 1] as number;
      for (let f = offsets[v] as number; f < vEnd; f++) {
        if (mark[targets[f] as number] === u) closed++;
      }
    }
    // Each triangle through u is seen twice (from v to w and from w to v): closed / 2 triangles over
    // degree·(degree − 1) / 2 pairs.
    result[u] = closed / (degree * (degree - 1));
  }
  return result;
}

/**
 * The discrete power-law exponent of `degrees` by the Clauset–Shalizi–Newman approximation to the
 * maximum-likelihood estimator (SIAM Review 51, 2009, eq. 3.7): α = 1 + N / Σ ln(k_i / (k_min − ½))
 * over the N degrees k_i ≥ k_min, with `minDegree` as k_min (default: the smallest degree, at least 1,
 * so isolated people are left out). NaN when no degree reaches k_min. O(n); allocates nothing.
 * The approximation is within about 1% of the exact discrete estimator for k_min ≥ 6 and cruder below.
 */
export function powerLawExponent(degrees: ArrayLike<number>, minDegree?: number): number {
  let kMin = minDegree ?? Number.POSITIVE_INFINITY;
  if (minDegree === undefined) {
    for (let i = 0; i < degrees.length; i++) kMin = Math.min(kMin, degrees[i] as number);
    kMin = Math.max(1, kMin);
  }
  const shift = kMin - 0.5;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < degrees.length; i++) {
    const k = degrees[i] as number;
    if (k < kMin) continue;
    count++;
    sum += Math.log(k / shift);
  }
  return count === 0 ? Number.NaN : 1 + count / sum;
}

/**
 * Weakly connected components of the undirected view: their number and the largest size. Breadth-first
 * search over a typed-array queue. O(n + m); allocates two Int32Arrays (n).
 */
function componentsOf({ offsets, targets }: Adjacency, n: number): { count: number; largest: number } {
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let count = 0;
  let largest = 0;
  for (let start = 0; start < n; start++) {
    if (seen[start] === 1) continue;
    count++;
    seen[start] = 1;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++] as number;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = targets[e] as number;
        if (seen[v] === 0) {
          seen[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    if (tail > largest) largest = tail;
  }
  return { count, largest };
}

/**
 * Every statistic of {@link NetworkStats} for `network` (conventions in the module header).
 * O(n + Σ degree²) time for the clustering, O(n + m) otherwise; allocates O(n) typed arrays, plus
 * the undirected view (O(m)) when directed.
 */
export function networkStats(network: Network): NetworkStats {
  const n = network.nodeCount;
  const view = undirectedView(network);
  const degrees = new Int32Array(n);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) {
    const degree = (network.outOffsets[u + 1] as number) - (network.outOffsets[u] as number);
    degrees[u] = degree;
    if (degree > maxDegree) maxDegree = degree;
  }
  const local = clusteringOf(view, n);
  let clusteringSum = 0;
  for (let u = 0; u < n; u++) clusteringSum += local[u] as number;
  const { count, largest } = componentsOf(view, n);
  return {
    nodes: n,
    edges: network.edgeCount,
    directed: network.isDirected,
    meanDegree: n === 0 ? 0 : network.arcCount / n,
    maxDegree,
    clustering: n === 0 ? 0 : clusteringSum / n,
    components: count,
    largestComponent: largest,
    degreeExponent: powerLawExponent(degrees),
    selfLoopsDropped: network.selfLoopsDropped,
    duplicatesDropped: network.duplicatesDropped,
  };
}
