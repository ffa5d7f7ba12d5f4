/**
 * Per-network preparation of a campaign: everything that does not change between runs is resolved
 * once into typed arrays (segment multipliers per person, the engagement multiplier of each person's
 * posts by tier, the ad targets, the people who may follow the brand, influencer fees per tier code,
 * the posts' parameters) and cached per network (the last campaign spec and audience mask prepared
 * for it), so a Monte Carlo batch pays for it once. Attribute lookups and user-facing names never
 * reach the kernel.
 *
 * Invariants: a prepared campaign is read-only except its event queue and cascade scratch, which one
 * run at a time borrows (runs are synchronous, so two runs never share it at once).
 */
import { ScenarioError } from '../errors.js';
import { type CascadeScratch, createCascadeScratch } from '../metrics/cascade.js';
import { audienceMask } from '../network/audience.js';
import type { Network } from '../network/network.js';
import { createEventQueue, type EventQueue } from '../simulation/event-queue.js';
import { ITEM_OFFSET, MAX_POSTS } from './codes.js';
import { INFLUENCER_TIERS, type ResolvedCampaign, resolveCampaign } from './resolve.js';
import type { CampaignSpec } from './spec.js';

/** A campaign resolved against one network. */
export interface PreparedCampaign {
  readonly campaign: ResolvedCampaign;
  readonly nodeCount: number;
  readonly postCount: number;
  /** Items per person in the exposure counters: posts, recommendation, claim, correction. */
  readonly stride: number;
  /** Appeal multiplier per person (Float64Array, n), or null when every segment has 1. */
  readonly receptivity: Float64Array | null;
  /** Conversion multiplier per person (Float64Array, n), or null when every segment has 1. */
  readonly conversionFactor: Float64Array | null;
  /** The people ads may be shown to (Int32Array), ascending. */
  readonly adTargets: Int32Array;
  /** The people who may follow the brand: the target audience (Int32Array), ascending. */
  readonly followerPool: Int32Array;
  /** Influencer fee by tier code (Float64Array, 256), or null when the network has no tier column. */
  readonly tierFee: Float64Array | null;
  /** Tier code per person, or null. */
  readonly tierCodes: Uint8Array | null;
  /**
   * Engagement multiplier of posts by each person, from their tier (`tierEngagement`; Float64Array,
   * n), or null when it is 1 for everyone (no tier column, or every tier's multiplier is 1).
   */
  readonly posterEngagement: Float64Array | null;
  /** Whether posterEngagement also scales shares and recommendations (scope `all-posts`). */
  readonly isTierEngagementOnAllPosts: boolean;
  /** Posts' parameters, one entry per post (Float64Array, postCount each). */
  readonly postDay: Float64Array;
  readonly postAppeal: Float64Array;
  readonly postShareability: Float64Array;
  readonly postConversion: Float64Array;
  /** ln 2 / noveltyHalfLife, per day. */
  readonly postDecay: Float64Array;
  /** Cumulative likes, comments, clicks weights per post (Float64Array, 3 · postCount). */
  readonly postMix: Float64Array;
  /** fatiguePower[c] = (1 − fatigue)^c for c = 0..255 (Float64Array, 256). */
  readonly fatiguePower: Float64Array;
  /** The event queue runs borrow. */
  readonly queue: EventQueue;
  /** Working memory for the cascade metrics, which runs borrow. */
  readonly cascadeScratch: CascadeScratch;
}

/**
 * One entry per network: the last campaign prepared for it, keyed by the spec's JSON text (so a spec
 * edited in place is never served stale) and the audience mask's identity. One entry is enough for a
 * Monte Carlo batch or a sweep, which run one campaign after another, and bounds the memory held.
 */
const cache = new WeakMap<
  Network,
  { key: string; audience: Uint8Array | null; prepared: PreparedCampaign }
>();

function listMembers(mask: Uint8Array | null, n: number): Int32Array {
  if (mask === null) {
    const all = new Int32Array(n);
    for (let u = 0; u < n; u++) all[u] = u;
    return all;
  }
  let count = 0;
  for (let u = 0; u < n; u++) count += mask[u] as number;
  const members = new Int32Array(count);
  let i = 0;
  for (let u = 0; u < n; u++) if (mask[u] === 1) members[i++] = u;
  return members;
}

function segmentFactors(
  network: Network,
  campaign: ResolvedCampaign,
  place: string,
): { receptivity: Float64Array | null; conversionFactor: Float64Array | null } {
  const names = Object.keys(campaign.segments);
  if (names.length === 0) return { receptivity: null, conversionFactor: null };
  const column = network.attributes.columns.segment;
  if (column === undefined) {
    throw new ScenarioError(
      `${place}campaign.segments: the network has no segment attribute; add segments to the scenario's population`,
    );
  }
  const n = network.nodeCount;
  const byCodeReceptivity = new Float64Array(256).fill(1);
  const byCodeConversion = new Float64Array(256).fill(1);
  const problems: string[] = [];
  for (const name of names) {
    const code = column.names.indexOf(name);
    if (code < 0) {
      const known = column.names.map((v) => JSON.stringify(v)).join(', ');
      problems.push(
        `${place}campaign.segments.${name}: unknown segment ${JSON.stringify(name)}, known: ${known}`,
      );
      continue;
    }
    const segment = campaign.segments[name] as { receptivity: number; conversion: number };
    byCodeReceptivity[code] = segment.receptivity;
    byCodeConversion[code] = segment.conversion;
  }
  if (problems.length > 0) {
    const head = problems.length === 1 ? '' : `${problems.length} problems:\n  `;
    throw new ScenarioError(`${head}${problems.join('\n  ')}`, problems);
  }
  const receptivity = new Float64Array(n);
  const conversionFactor = new Float64Array(n);
  const codes = column.codes;
  for (let u = 0; u < n; u++) {
    const code = codes[u] as number;
    receptivity[u] = byCodeReceptivity[code] as number;
    conversionFactor[u] = byCodeConversion[code] as number;
  }
  return { receptivity, conversionFactor };
}

function tierFees(network: Network, campaign: ResolvedCampaign): Float64Array | null {
  const column = network.attributes.columns.tier;
  if (column === undefined) return null;
  const fees = new Float64Array(256);
  const table = campaign.economics.influencerFees;
  column.names.forEach((name, code) => {
    const tier = INFLUENCER_TIERS.find((t) => t === name);
    fees[code] = tier === undefined ? 0 : table[tier];
  });
  return fees;
}

/**
 * The engagement multiplier of each person's posts, from their tier. Tier names outside
 * INFLUENCER_TIERS get 1. Without a tier column every person counts as nano (whose default is 1); a
 * `tierEngagement` the spec sets explicitly is then refused rather than silently ignored.
 */
function posterEngagement(
  network: Network,
  spec: CampaignSpec,
  campaign: ResolvedCampaign,
  place: string,
): Float64Array | null {
  const table = campaign.tierEngagement;
  const column = network.attributes.columns.tier;
  if (column === undefined) {
    if (spec.tierEngagement !== undefined) {
      throw new ScenarioError(
        `${place}campaign.tierEngagement: the network has no tier attribute to read posters' tiers from; add a population to the scenario or remove tierEngagement`,
      );
    }
    return null;
  }
  const byCode = new Float64Array(256).fill(1);
  column.names.forEach((name, code) => {
    const tier = INFLUENCER_TIERS.find((t) => t === name);
    if (tier !== undefined) byCode[code] = table[tier];
  });
  const n = network.nodeCount;
  const codes = column.codes;
  let isAllOne = true;
  for (let u = 0; u < n && isAllOne; u++) isAllOne = byCode[codes[u] as number] === 1;
  if (isAllOne) return null;
  const factor = new Float64Array(n);
  for (let u = 0; u < n; u++) factor[u] = byCode[codes[u] as number] as number;
  return factor;
}

/**
 * Resolves `spec` against `network` (see the module comment), or returns the cached result for the
 * same network, the same spec (by value) and the same audience mask object. `audience` is the campaign's target-audience mask
 * (null: everyone); `place` prefixes error messages (e.g. `city.json: `). Throws ScenarioError for
 * segments or ad audiences the network cannot satisfy. O(n) the first time; O(size of the spec) when
 * cached.
 */
export function prepareCampaign(
  network: Network,
  spec: CampaignSpec,
  audience: Uint8Array | null,
  place = '',
): PreparedCampaign {
  const key = JSON.stringify(spec);
  const hit = cache.get(network);
  if (hit !== undefined && hit.key === key && hit.audience === audience) return hit.prepared;
  const campaign = resolveCampaign(spec);
  const n = network.nodeCount;
  const postCount = campaign.posts.length;
  if (postCount > MAX_POSTS) {
    throw new ScenarioError(`${place}campaign.posts: expected at most ${MAX_POSTS} posts, got ${postCount}`);
  }
  const adMask =
    campaign.ads.audience === null
      ? audience
      : audienceMask(
          network,
          campaign.ads.audience,
          place === '' ? undefined : place.replace(/: $/, ''),
          'campaign.ads.audience',
        );
  const { receptivity, conversionFactor } = segmentFactors(network, campaign, place);
  const postMix = new Float64Array(3 * postCount);
  campaign.posts.forEach((post, p) => {
    postMix[3 * p] = post.mix.likes;
    postMix[3 * p + 1] = post.mix.likes + post.mix.comments;
    postMix[3 * p + 2] = post.mix.likes + post.mix.comments + post.mix.clicks;
  });
  const fatiguePower = new Float64Array(256);
  for (let c = 0; c < 256; c++) fatiguePower[c] = (1 - campaign.fatigue) ** c;
  const prepared: PreparedCampaign = {
    campaign,
    nodeCount: n,
    postCount,
    stride: postCount + ITEM_OFFSET.correction + 1,
    receptivity,
    conversionFactor,
    adTargets: listMembers(adMask, n),
    followerPool: listMembers(audience, n),
    tierFee: tierFees(network, campaign),
    tierCodes: network.attributes.columns.tier?.codes ?? null,
    posterEngagement: posterEngagement(network, spec, campaign, place),
    isTierEngagementOnAllPosts: campaign.tierEngagement.scope === 'all-posts',
    postDay: Float64Array.from(campaign.posts, (post) => post.day),
    postAppeal: Float64Array.from(campaign.posts, (post) => post.appeal),
    postShareability: Float64Array.from(campaign.posts, (post) => post.shareability),
    postConversion: Float64Array.from(campaign.posts, (post) => post.conversion),
    postDecay: Float64Array.from(campaign.posts, (post) => Math.LN2 / post.noveltyHalfLife),
    postMix,
    fatiguePower,
    queue: createEventQueue(4096),
    cascadeScratch: createCascadeScratch(n),
  };
  cache.set(network, { key, audience, prepared });
  return prepared;
}
