/**
 * The configuration model with a power-law degree sequence (Molloy & Reed 1995; Newman, "The
 * structure and function of complex networks", SIAM Review 45, 2003, §4.2).
 *
 * 1. Each person's degree is drawn from P(k) ∝ k^−exponent on minDegree..maxDegree by inverting the
 *    discrete cumulative distribution (53-bit uniforms, so the far tail is reachable). When the degree
 *    sum is odd, one random person's degree is redrawn (up to 64 times), else nudged by one.
 * 2. Stubs are shuffled and paired in order (uniform matching).
 * 3. Self-loops and repeated edges from the matching are erased and counted (the "erased"
 *    configuration model), with one warning per network; the realised degrees are therefore slightly
 *    below the drawn ones, mostly for the largest hubs.
 *
 * The model is undirected; `directed` stores each edge as two opposite arcs.
 */
import { type Rng, shuffleInPlace, uniform53 } from '../../rng.js';
import { warn } from '../../warn.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { eraseLoopsAndRepeats } from './assemble.js';

/** Running sums of k^−exponent for k = minDegree..maxDegree. O(maxDegree − minDegree). */
function degreeCumulative(exponent: number, minDegree: number, maxDegree: number): Float64Array {
  const cumulative = new Float64Array(maxDegree - minDegree + 1);
  let total = 0;
  for (let k = minDegree; k <= maxDegree; k++) {
    total += k ** -exponent;
    cumulative[k - minDegree] = total;
  }
  return cumulative;
}

/** Mean of the truncated discrete power law. O(maxDegree − minDegree). */
export function powerLawMeanDegree(exponent: number, minDegree: number, maxDegree: number): number {
  let weight = 0;
  let moment = 0;
  for (let k = minDegree; k <= maxDegree; k++) {
    const p = k ** -exponent;
    weight += p;
    moment += k * p;
  }
  return moment / weight;
}

function drawDegree(rng: Rng, cumulative: Float64Array, minDegree: number): number {
  const x = uniform53(rng) * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return minDegree + lo;
}

/**
 * Draws the degree sequence (Int32Array, n) with an even sum. O(n log(maxDegree − minDegree)).
 */
export function drawPowerLawDegrees(
  rng: Rng,
  n: number,
  exponent: number,
  minDegree: number,
  maxDegree: number,
): Int32Array {
  const cumulative = degreeCumulative(exponent, minDegree, maxDegree);
  const degrees = new Int32Array(n);
  let sum = 0;
  for (let u = 0; u < n; u++) {
    const k = drawDegree(rng, cumulative, minDegree);
    degrees[u] = k;
    sum += k;
  }
  for (let attempt = 0; attempt < 64 && sum % 2 === 1; attempt++) {
    const u = Math.floor(rng() * n);
    const k = drawDegree(rng, cumulative, minDegree);
    sum += k - (degrees[u] as number);
    degrees[u] = k;
  }
  if (sum % 2 === 1) {
    // Every degree has the same parity (minDegree = maxDegree, odd n): one person loses a stub.
    const u = Math.floor(rng() * n);
    degrees[u] = (degrees[u] as number) + ((degrees[u] as number) < maxDegree ? 1 : -1);
  }
  return degrees;
}

/**
 * The erased configuration model. O(n + m) expected time; allocates the stub array (4 bytes per
 * stub), the edge list, the erasure table and the CSR.
 */
export function generateConfiguration(
  rng: Rng,
  n: number,
  exponent: number,
  minDegree: number,
  maxDegree: number,
  isDirected: boolean,
): Network {
  const degrees = drawPowerLawDegrees(rng, n, exponent, minDegree, maxDegree);
  let stubCount = 0;
  for (let u = 0; u < n; u++) stubCount += degrees[u] as number;
  const stubs = new Int32Array(stubCount);
  let s = 0;
  for (let u = 0; u < n; u++) {
    const k = degrees[u] as number;
    for (let i = 0; i < k; i++) stubs[s++] = u;
  }
  shuffleInPlace(rng, stubs);
  const pairs = stubCount >> 1;
  const edges = createEdgeBuffer(pairs);
  for (let i = 0; i < pairs; i++) pushEdge(edges, stubs[2 * i] as number, stubs[2 * i + 1] as number);
  const erased = eraseLoopsAndRepeats(edges, false);
  if (erased.selfLoops + erased.duplicates > 0) {
    warn(
      `network: configuration: stub matching drew ${erased.selfLoops} self-loop(s) and ${erased.duplicates} ` +
        `repeated edge(s), erased as the model prescribes, so the largest degrees come out slightly lower ` +
        `(a smaller maxDegree makes this rarer)`,
    );
  }
  if (isDirected) {
    const count = edges.length;
    for (let i = 0; i < count; i++) pushEdge(edges, edges.targets[i] as number, edges.sources[i] as number);
  }
  const network = buildNetwork(edges, { nodeCount: n, isDirected, place: 'network' });
  return { ...network, selfLoopsDropped: erased.selfLoops, duplicatesDropped: erased.duplicates };
}
