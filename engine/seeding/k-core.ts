/**
 * Seeding strategy `k-core`: people in the innermost core first. The k-core is the largest subgraph
 * in which everyone has at least k neighbours; a person's core number is the largest such k. Seeds in
 * the innermost core spread further than seeds of equal degree on the periphery (Kitsak et al.,
 * "Identification of influential spreaders in complex networks", Nature Physics 2010).
 *
 * Core numbers by the Batagelj–Zaversnik bucket algorithm ("An O(m) algorithm for cores
 * decomposition of networks", 2003): O(n + m). On a directed network the degree is in-degree plus
 * out-degree and an arc in both directions counts twice, as in networkx's `core_number`.
 * Among people of the same core number, higher out-degree first, then lower index.
 */
import type { Network } from '../network/network.js';
import { outDegrees, topByScore } from './ranking.js';

/** Core number of every person (Int32Array, n). O(n + arcs) time; allocates four Int32Arrays of n. */
export function coreNumbers(network: Network): Int32Array {
  const n = network.nodeCount;
  const outOffsets = network.outOffsets;
  const outTargets = network.outTargets;
  const inOffsets = network.inOffsets;
  const inSources = network.inSources;
  const isDirected = network.isDirected;
  // degree[u] becomes u's core number as the algorithm peels the graph.
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) {
    let d = (outOffsets[u + 1] as number) - (outOffsets[u] as number);
    if (isDirected) d += (inOffsets[u + 1] as number) - (inOffsets[u] as number);
    degree[u] = d;
    if (d > maxDegree) maxDegree = d;
  }
  // binStart[d]: first position in `order` of the people of current degree d.
  const binStart = new Int32Array(maxDegree + 2);
  for (let u = 0; u < n; u++) binStart[(degree[u] as number) + 1]!++;
  for (let d = 0; d <= maxDegree; d++)
    binStart[d + 1] = (binStart[d + 1] as number) + (binStart[d] as number);
  // order: people sorted by current degree; position[u]: u's slot in order.
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  const cursor = binStart.slice(0, maxDegree + 1);
  for (let u = 0; u < n; u++) {
    const slot = cursor[degree[u] as number]!++;
    order[slot] = u;
    position[u] = slot;
  }
  for (let i = 0; i < n; i++) {
    const v = order[i] as number;
    const dv = degree[v] as number;
    for (let pass = 0; pass < (isDirected ? 2 : 1); pass++) {
      const offsets = pass === 0 ? outOffsets : inOffsets;
      const neighbours = pass === 0 ? outTargets : inSources;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const u = neighbours[e] as number;
        const du = degree[u] as number;
        if (du <= dv) continue;
        // Move u to the front of its bin, then shrink the bin: u's degree drops by one.
        const pu = position[u] as number;
        const pw = binStart[du] as number;
        const w = order[pw] as number;
        if (u !== w) {
          order[pu] = w;
          position[w] = pu;
          order[pw] = u;
          position[u] = pw;
        }
        binStart[du] = pw + 1;
        degree[u] = du - 1;
      }
    }
  }
  return degree;
}

/** The k audience members of highest core number, best first; ties by out-degree, then lower index. */
export function kCoreSeeds(network: Network, audience: Uint8Array | null, k: number): Int32Array {
  return topByScore(coreNumbers(network), outDegrees(network.outOffsets), audience, k);
}
