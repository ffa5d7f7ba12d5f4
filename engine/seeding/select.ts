/**
 * Chooses a run's seeds from the scenario's `seeding` object: resolves the audience, turns `count` or
 * `fraction` into a number of seeds, and dispatches to the strategy (one file each).
 *
 * Number of seeds: `count` as given; `fraction` × (audience size, or n without an audience), rounded to
 * the nearest whole number (halves up) and at least 1 when the fraction is above 0. Seeds are distinct,
 * lie in the audience and come in selection order (best first for the ranking strategies, draw order
 * for `random`, round-robin order for `community-spread`, listed order for `nodes`).
 */
import { ScenarioError } from '../errors.js';
import { audienceMask } from '../network/audience.js';
import type { Network } from '../network/network.js';
import type { Rng } from '../rng.js';
import { communitySpreadSeeds } from './community-spread.js';
import { kCoreSeeds } from './k-core.js';
import { listedSeeds } from './nodes.js';
import { pageRankSeeds } from './pagerank.js';
import { randomSeeds } from './random.js';
import type { SeedingSpec } from './spec.js';
import { topDegreeSeeds } from './top-degree.js';

/**
 * The seeds for `spec` on `network` (Int32Array of person indices, in selection order). `rng` is the
 * run's seeding stream (used by `random`, and by `community-spread` when communities must be
 * detected). `place` (a file name or description) prefixes error messages and `path` is the JSON
 * path of the seeding object in the scenario (default `seeding`; e.g. `model.b.seeding`). Throws a ScenarioError for
 * an unknown audience value, too many seeds or bad node ids. Cost: that of the strategy, at most
 * O(n log k + arcs) (PageRank: O(100 · (n + arcs))).
 */
export function selectSeeds(
  network: Network,
  spec: SeedingSpec,
  rng: Rng,
  place?: string,
  path = 'seeding',
): Int32Array {
  const audience = audienceMask(network, spec.audience, place, `${path}.audience`);
  return selectSeedsIn(network, spec, audience, rng, place, path);
}

/**
 * {@link selectSeeds} with the audience mask already resolved (from {@link audienceMask}, so a caller
 * that also needs the mask, e.g. for `beyondAudience`, resolves it once).
 */
export function selectSeedsIn(
  network: Network,
  spec: SeedingSpec,
  audience: Uint8Array | null,
  rng: Rng,
  place?: string,
  path = 'seeding',
): Int32Array {
  const where = place === undefined ? path : `${place}: ${path}`;
  if (spec.strategy === 'nodes') return listedSeeds(network, audience, spec.nodes ?? [], where);
  const audienceSize = audience === null ? network.nodeCount : countMembers(audience);
  const k = seedCount(spec, audienceSize, where);
  switch (spec.strategy) {
    case 'random':
      return randomSeeds(network, audience, k, rng);
    case 'top-degree':
      return topDegreeSeeds(network, audience, k);
    case 'pagerank':
      return pageRankSeeds(network, audience, k);
    case 'k-core':
      return kCoreSeeds(network, audience, k);
    case 'community-spread':
      return communitySpreadSeeds(network, audience, k, rng);
  }
}

/**
 * The number of seeds `spec` asks for among `audienceSize` people (see the module comment). Throws a
 * ScenarioError stating both numbers when there are not enough people; `where` is the place and path
 * of the seeding object for the message (e.g. `city.json: seeding`).
 */
export function seedCount(spec: SeedingSpec, audienceSize: number, where = 'seeding'): number {
  const among =
    spec.audience === undefined
      ? `the network has ${audienceSize} people`
      : `the seeding audience has ${audienceSize} people`;
  if (spec.count !== undefined) {
    if (spec.count > audienceSize) {
      throw new ScenarioError(`${where}.count: asks for ${spec.count} seeds but ${among}`);
    }
    return spec.count;
  }
  const fraction = spec.fraction ?? 0;
  const k = fraction > 0 ? Math.max(1, Math.round(fraction * audienceSize)) : 0;
  if (k > audienceSize) {
    throw new ScenarioError(`${where}.fraction: ${fraction} asks for at least one seed but ${among}`);
  }
  return k;
}

/**
 * True when {@link selectSeeds} gives the same seeds whatever stream it is handed: every strategy but
 * `random`, except `community-spread` on a network without communities (detection draws from the
 * stream). A caller running many runs on one network may then select once and reuse the seeds, which
 * saves PageRank (about 2 s at 10 million arcs) or core numbers on every run. O(1).
 */
export function isSeedingFixed(network: Network, spec: SeedingSpec): boolean {
  if (spec.strategy === 'random') return false;
  if (spec.strategy === 'community-spread') return network.attributes.community !== null;
  return true;
}

function countMembers(mask: Uint8Array): number {
  let count = 0;
  for (let u = 0; u < mask.length; u++) count += mask[u] as number;
  return count;
}
