/**
 * Community detection by asynchronous label propagation (Raghavan, Albert & Kumara, "Near linear
 * time algorithm to detect community structures in large-scale networks", Phys. Rev. E 76, 036106,
 * 2007), on the CSR arrays.
 *
 * Every person starts in their own community. Each sweep visits people in a fresh random order; a
 * person adopts the label most frequent among their neighbours (in- and out-neighbours when
 * directed; weights ignored), ties broken uniformly at random, except that a person whose current
 * label is among the most frequent keeps it (so ties cannot flip back and forth forever). Sweeps stop
 * when nobody changes, or after {@link MAX_LABEL_SWEEPS}. O(sweeps · (n + m)) time.
 */
import { type Rng, shuffleInPlace } from '../rng.js';
import type { Network } from './network.js';

/** Most sweeps of label propagation; it usually settles in 5–10 on social graphs. */
export const MAX_LABEL_SWEEPS = 20;

/** Adds the labels of one CSR row to the tally; returns the new count of distinct labels touched. */
function tallyRow(
  offsets: Int32Array,
  neighbours: Int32Array,
  u: number,
  labels: Int32Array,
  tally: Float64Array,
  touched: Int32Array,
  touchedCount: number,
): number {
  let count = touchedCount;
  const end = offsets[u + 1] as number;
  for (let e = offsets[u] as number; e < end; e++) {
    const label = labels[neighbours[e] as number] as number;
    if (tally[label] === 0) touched[count++] = label;
    tally[label] = (tally[label] as number) + 1;
  }
  return count;
}

/**
 * A community index per person (Int32Array, n), numbered 0..C−1 densely in order of each
 * community's lowest-numbered member; isolated people form their own communities. Draws from `rng`
 * only for the visiting order and ties. O(sweeps · (n + m)) time; allocates O(n) plus one buffer of
 * the largest degree.
 */
export function detectCommunities(network: Network, rng: Rng): Int32Array {
  const n = network.nodeCount;
  const isDirected = network.isDirected;
  const outOffsets = network.outOffsets;
  const outTargets = network.outTargets;
  const inOffsets = network.inOffsets;
  const inSources = network.inSources;
  let widest = 0;
  for (let u = 0; u < n; u++) {
    let degree = (outOffsets[u + 1] as number) - (outOffsets[u] as number);
    if (isDirected) degree += (inOffsets[u + 1] as number) - (inOffsets[u] as number);
    if (degree > widest) widest = degree;
  }
  const labels = new Int32Array(n);
  const order = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    labels[u] = u;
    order[u] = u;
  }
  // tally[label] counts the label among the current person's neighbours; touched lists the labels
  // with a non-zero tally, so the reset costs the degree, not n.
  const tally = new Float64Array(n);
  const touched = new Int32Array(Math.max(1, widest));
  for (let sweep = 0; sweep < MAX_LABEL_SWEEPS; sweep++) {
    shuffleInPlace(rng, order);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const u = order[i] as number;
      let touchedCount = tallyRow(outOffsets, outTargets, u, labels, tally, touched, 0);
      if (isDirected) touchedCount = tallyRow(inOffsets, inSources, u, labels, tally, touched, touchedCount);
      if (touchedCount === 0) continue;
      let best = 0;
      for (let j = 0; j < touchedCount; j++) {
        const weight = tally[touched[j] as number] as number;
        if (weight > best) best = weight;
      }
      const current = labels[u] as number;
      if (tally[current] !== best) {
        let ties = 0;
        let chosen = current;
        for (let j = 0; j < touchedCount; j++) {
          const label = touched[j] as number;
          // Reservoir sampling over the tied labels: each is kept with probability 1 / ties.
          if (tally[label] === best && rng() * ++ties < 1) chosen = label;
        }
        labels[u] = chosen;
        changed++;
      }
      for (let j = 0; j < touchedCount; j++) tally[touched[j] as number] = 0;
    }
    if (changed === 0) break;
  }
  return relabelDensely(labels);
}

/** Renumbers labels 0..C−1 in order of first appearance; returns a new array. O(n). */
function relabelDensely(labels: Int32Array): Int32Array {
  const n = labels.length;
  const dense = new Int32Array(n).fill(-1);
  const result = new Int32Array(n);
  let next = 0;
  for (let u = 0; u < n; u++) {
    const label = labels[u] as number;
    if (dense[label] === -1) dense[label] = next++;
    result[u] = dense[label] as number;
  }
  return result;
}

/** Number of communities in a dense labelling (its largest index + 1). O(n). */
export function communityCount(communities: Int32Array): number {
  let largest = -1;
  for (let u = 0; u < communities.length; u++) {
    if ((communities[u] as number) > largest) largest = communities[u] as number;
  }
  return largest + 1;
}
