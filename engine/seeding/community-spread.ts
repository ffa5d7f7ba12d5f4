/**
 * Seeding strategy `community-spread`: seeds spread over communities, so the message starts in many
 * separate circles instead of saturating one.
 *
 * Communities come from `network.attributes.community` when the generator or file gave them (e.g. the
 * blocks of a stochastic block model), else from {@link detectCommunities}. Communities are visited
 * largest first (size counted among audience members; ties by lower community label), taking one
 * seed from each in turn and starting again from the largest once every community has given one;
 * communities with no audience member left are skipped. Within a community, people go by higher
 * out-degree, then lower index.
 */
import { detectCommunities } from '../network/communities.js';
import type { Network } from '../network/network.js';
import type { Rng } from '../rng.js';
import { outDegrees } from './ranking.js';

/**
 * k distinct audience members, round-robin over communities (see the module comment), in selection
 * order. `rng` is used only when communities have to be detected. O(n + maxDegree + C log C) time
 * after detection (C communities); allocates O(n).
 */
export function communitySpreadSeeds(
  network: Network,
  audience: Uint8Array | null,
  k: number,
  rng: Rng,
): Int32Array {
  const n = network.nodeCount;
  const seeds = new Int32Array(k);
  if (k === 0) return seeds;
  const { labels, communityCount } = denseLabels(
    network.attributes.community ?? detectCommunities(network, rng),
  );

  // Phase 1: community sizes among the audience, and the visiting order (largest first).
  const sizes = new Int32Array(communityCount);
  for (let u = 0; u < n; u++) if (audience === null || audience[u] === 1) sizes[labels[u] as number]!++;
  const visit = Array.from({ length: communityCount }, (_, c) => c).filter((c) => (sizes[c] as number) > 0);
  visit.sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);

  // Phase 2: audience members by out-degree (descending, stable in index), counting sort.
  const degrees = outDegrees(network.outOffsets);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) if ((degrees[u] as number) > maxDegree) maxDegree = degrees[u] as number;
  const degreeStart = new Int32Array(maxDegree + 2);
  let memberCount = 0;
  for (let u = 0; u < n; u++) {
    if (audience !== null && audience[u] === 0) continue;
    degreeStart[maxDegree - (degrees[u] as number) + 1]!++;
    memberCount++;
  }
  for (let d = 0; d <= maxDegree; d++)
    degreeStart[d + 1] = (degreeStart[d + 1] as number) + (degreeStart[d] as number);
  const byDegree = new Int32Array(memberCount);
  for (let u = 0; u < n; u++) {
    if (audience !== null && audience[u] === 0) continue;
    byDegree[degreeStart[maxDegree - (degrees[u] as number)]!++] = u;
  }

  // Phase 3: stable bucketing by community, buckets laid out in visiting order.
  const bucketStart = new Int32Array(communityCount);
  let offset = 0;
  for (const c of visit) {
    bucketStart[c] = offset;
    offset += sizes[c] as number;
  }
  const bucketCursor = bucketStart.slice();
  const buckets = new Int32Array(memberCount);
  for (let i = 0; i < memberCount; i++) {
    const u = byDegree[i] as number;
    buckets[bucketCursor[labels[u] as number]!++] = u;
  }

  // Phase 4: round robin. Round r visits the communities with more than r members: a prefix of
  // `visit`, which only shrinks, so the whole phase is O(k + C).
  let active = visit.length;
  let picked = 0;
  for (let round = 0; picked < k; round++) {
    while (active > 0 && (sizes[visit[active - 1] as number] as number) <= round) active--;
    if (active === 0) break;
    for (let i = 0; i < active && picked < k; i++) {
      const c = visit[i] as number;
      seeds[picked++] = buckets[(bucketStart[c] as number) + round] as number;
    }
  }
  return seeds;
}

/**
 * Community labels as 0..C−1. Generators and detection already number them so; a file may use any
 * whole numbers (negative, sparse, huge), which are renumbered in ascending order, so "lower label
 * first" keeps its meaning. O(n), or O(n log n) when renumbering.
 */
function denseLabels(raw: Int32Array): { labels: Int32Array; communityCount: number } {
  const n = raw.length;
  let min = 0;
  let max = -1;
  for (let u = 0; u < n; u++) {
    const c = raw[u] as number;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  if (min >= 0 && max <= n) return { labels: raw, communityCount: max + 1 };
  const distinct = Array.from(new Set(raw)).sort((a, b) => a - b);
  const code = new Map(distinct.map((c, i) => [c, i]));
  const labels = new Int32Array(n);
  for (let u = 0; u < n; u++) labels[u] = code.get(raw[u] as number) as number;
  return { labels, communityCount: distinct.length };
}
