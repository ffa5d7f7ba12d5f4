/**
 * The stochastic block model: people in blocks (communities) of given sizes; two people of the same
 * block are linked with probability pIn, of different blocks with pOut, independently. Every block
 * pair is sampled by geometric skipping (see erdos-renyi.ts), so the cost is O(n + B² + m) expected
 * for B blocks. Sets `attributes.community` to each person's block index; people are numbered block
 * by block (block 0 first).
 */
import type { Rng } from '../../rng.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer } from '../edge-buffer.js';
import type { Network } from '../network.js';
import {
  expectedCapacity,
  sampleOrderedPairs,
  sampleRectanglePairs,
  sampleTrianglePairs,
} from './erdos-renyi.js';

/** Expected edges (arcs when directed) of a block model. O(B). */
export function expectedBlockEdges(
  sizes: readonly number[],
  pIn: number,
  pOut: number,
  isDirected: boolean,
): number {
  let total = 0;
  let within = 0;
  for (const size of sizes) {
    total += size;
    within += size * (size - 1);
  }
  const between = total * total - total - within;
  const scale = isDirected ? 1 : 0.5;
  return scale * (within * pIn + between * pOut);
}

/**
 * Generates the block model. Directed: every ordered pair is a separate trial. O(n + B² + m)
 * expected time; allocates the edge list and the CSR.
 */
export function generateStochasticBlock(
  rng: Rng,
  sizes: readonly number[],
  pIn: number,
  pOut: number,
  isDirected: boolean,
): Network {
  const blockCount = sizes.length;
  const starts = new Float64Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) starts[b + 1] = (starts[b] as number) + (sizes[b] as number);
  const n = starts[blockCount] as number;
  const edges = createEdgeBuffer(expectedCapacity(expectedBlockEdges(sizes, pIn, pOut, isDirected)));
  for (let a = 0; a < blockCount; a++) {
    const sizeA = sizes[a] as number;
    const startA = starts[a] as number;
    if (isDirected) sampleOrderedPairs(rng, sizeA, pIn, startA, edges);
    else sampleTrianglePairs(rng, sizeA, pIn, startA, edges);
    for (let b = isDirected ? 0 : a + 1; b < blockCount; b++) {
      if (b === a) continue;
      sampleRectanglePairs(rng, sizeA, sizes[b] as number, pOut, startA, starts[b] as number, edges);
    }
  }
  const community = new Int32Array(n);
  for (let b = 0; b < blockCount; b++) community.fill(b, starts[b] as number, starts[b + 1] as number);
  return buildNetwork(edges, {
    nodeCount: n,
    isDirected,
    place: 'network',
    attributes: { columns: {}, community },
  });
}
