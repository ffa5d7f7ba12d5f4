/**
 * The population: who the people of a network are. Fills the attribute columns `segment`, `region`,
 * `ageBand` and `interest` from the scenario's `population` object, each drawn at random from given
 * shares or by community (homophily: similar people are connected), and always `tier`, the
 * influencer tier by follower count.
 *
 * Followers: out-degree on a directed network (arc u → v means v follows u, so u's out-arcs are
 * their followers), degree on an undirected one; each counts `followerScale` real followers.
 * Shares are non-negative weights normalised by their sum (which must be positive).
 * Invariants: each column has one code per person and at most 256 names, in the order given.
 * The spec's schema and the validating {@link assignPopulation} are in population-spec.ts, so the run
 * pipeline does not load zod.
 */
import { type Rng, weightedChoice } from '../rng.js';
import { detectCommunities } from './communities.js';
import type { AttributeColumn, Network } from './network.js';
import type { PopulationSpec } from './population-spec.js';

/** The attributes a population spec may assign, in the order they are drawn. */
export const POPULATION_ATTRIBUTES = ['segment', 'region', 'ageBand', 'interest'] as const;
export type PopulationAttribute = (typeof POPULATION_ATTRIBUTES)[number];

/** Influencer tier names, from the smallest following to the largest (codes 0..3). */
export const TIER_NAMES = ['nano', 'micro', 'macro', 'mega'] as const;
export type TierName = (typeof TIER_NAMES)[number];

/** How an attribute is assigned: independently per person, or per community with homophily. */
export const ASSIGN_MODES = ['random', 'community'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

/**
 * Defaults. Tier thresholds are minimum follower counts (after `followerScale`): on synthetic
 * graphs of 10³–10⁶ people with mean degree near 10, about 5% of people reach micro (≥ 20), a few
 * in a thousand macro (≥ 100) and only the largest hubs mega (≥ 1000), a pyramid like the real one
 * (nano 1k–10k, micro 10k–100k, macro 100k–1M, mega above, in real followers).
 */
export const POPULATION_DEFAULTS = Object.freeze({
  assign: 'random' as AssignMode,
  homophily: 0.8,
  tiers: Object.freeze({ micro: 20, macro: 100, mega: 1000 }),
  followerScale: 1,
});

export type { PopulationSpec } from './population-spec.js';

/** One attribute with defaults applied: names, normalised running shares, mode. */
export interface ResolvedAttributeSpec {
  names: readonly string[];
  /** Running sums of the normalised shares (last entry 1). */
  cumulative: Float64Array;
  assign: AssignMode;
  homophily: number;
}

/** A population spec with every default applied. */
export interface ResolvedPopulationSpec {
  attributes: Partial<Record<PopulationAttribute, ResolvedAttributeSpec>>;
  tiers: { micro: number; macro: number; mega: number };
  followerScale: number;
}

/** Applies the defaults to a validated spec (or to none: tiers only). O(values). */
export function resolvePopulationSpec(spec: PopulationSpec | undefined): ResolvedPopulationSpec {
  const attributes: Partial<Record<PopulationAttribute, ResolvedAttributeSpec>> = {};
  for (const name of POPULATION_ATTRIBUTES) {
    const attribute = spec?.[name];
    if (attribute === undefined) continue;
    const names = Object.keys(attribute.values);
    const shares = Object.values(attribute.values);
    const total = shares.reduce((sum, share) => sum + share, 0);
    const cumulative = new Float64Array(shares.length);
    let running = 0;
    shares.forEach((share, i) => {
      running += share / total;
      cumulative[i] = running;
    });
    attributes[name] = {
      names,
      cumulative,
      assign: attribute.assign ?? POPULATION_DEFAULTS.assign,
      homophily: attribute.homophily ?? POPULATION_DEFAULTS.homophily,
    };
  }
  return {
    attributes,
    tiers: { ...POPULATION_DEFAULTS.tiers, ...spec?.tiers },
    followerScale: spec?.followerScale ?? POPULATION_DEFAULTS.followerScale,
  };
}

/** The tier code (index in {@link TIER_NAMES}) of a follower count. O(1). */
export function tierOf(
  followers: number,
  tiers: ResolvedPopulationSpec['tiers'],
  followerScale: number,
): number {
  const real = followers * followerScale;
  if (real >= tiers.mega) return 3;
  if (real >= tiers.macro) return 2;
  if (real >= tiers.micro) return 1;
  return 0;
}

function drawColumn(
  attribute: ResolvedAttributeSpec,
  n: number,
  communities: Int32Array | null,
  rng: Rng,
): Uint8Array {
  const codes = new Uint8Array(n);
  const cumulative = attribute.cumulative;
  if (communities === null) {
    for (let u = 0; u < n; u++) codes[u] = weightedChoice(rng, cumulative);
    return codes;
  }
  let communityCount = 0;
  for (let u = 0; u < n; u++) communityCount = Math.max(communityCount, (communities[u] as number) + 1);
  const communityValue = new Uint8Array(communityCount);
  for (let c = 0; c < communityCount; c++) communityValue[c] = weightedChoice(rng, cumulative);
  const homophily = attribute.homophily;
  for (let u = 0; u < n; u++) {
    codes[u] =
      rng() < homophily
        ? (communityValue[communities[u] as number] as number)
        : weightedChoice(rng, cumulative);
  }
  return codes;
}

/**
 * Fills `network.attributes.columns`: each attribute the spec names (in the order segment, region,
 * ageBand, interest), then always `tier`. With assign 'community' the communities are
 * `network.attributes.community` when present (a block model, a karate club), else detected once by
 * label propagation from `rng` and stored there for later steps (seeding). The spec must be valid
 * (assignPopulation in population-spec.ts validates first). O(n + m) time plus detection; allocates
 * one byte per person per column.
 */
export function assignValidPopulation(network: Network, spec: PopulationSpec | undefined, rng: Rng): void {
  const resolved = resolvePopulationSpec(spec);
  const n = network.nodeCount;
  const columns = network.attributes.columns;
  for (const name of POPULATION_ATTRIBUTES) {
    const attribute = resolved.attributes[name];
    if (attribute === undefined) continue;
    let communities: Int32Array | null = null;
    if (attribute.assign === 'community') {
      communities = network.attributes.community ?? detectCommunities(network, rng);
      network.attributes.community = communities;
    }
    const column: AttributeColumn = {
      codes: drawColumn(attribute, n, communities, rng),
      names: attribute.names,
    };
    columns[name] = column;
  }
  const offsets = network.outOffsets;
  const tiers = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    tiers[u] = tierOf(
      (offsets[u + 1] as number) - (offsets[u] as number),
      resolved.tiers,
      resolved.followerScale,
    );
  }
  columns.tier = { codes: tiers, names: TIER_NAMES };
}
