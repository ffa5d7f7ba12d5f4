/**
 * Seeding strategy `top-degree`: the people with the most out-arcs (followers on a follower graph,
 * friends on an undirected one), i.e. whose posts reach the most people directly. Ties go to the lower
 * index.
 */
import type { Network } from '../network/network.js';
import { outDegrees, topByScore } from './ranking.js';

/**
 * The k audience members of highest out-degree, best first. O(n log k) time; allocates O(n).
 */
export function topDegreeSeeds(network: Network, audience: Uint8Array | null, k: number): Int32Array {
  return topByScore(outDegrees(network.outOffsets), null, audience, k);
}
