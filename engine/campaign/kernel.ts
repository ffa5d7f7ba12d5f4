/**
 * The campaign kernel: one run's state in typed arrays and the handlers for campaign content (posts
 * and recommendations). A view is an impression; the chance to engage with an influencer's post (and,
 * with tierEngagement scope all-posts, any share or recommendation) is scaled by the poster's tier
 * (engagement falls as follower count grows; resolved per person in prepare.ts). A person engages
 * with an item at most once (their exposure counter for it is then marked); an engaged person may
 * share the post (their followers then see it later, through the shared event queue) and may buy
 * (once per person); a customer may become an advocate and recommend the product after a delay.
 *
 * Invariants: the funnel stage only rises; every impression, engagement and conversion adds to its
 * channel's counter and, when tracing, records one event with that channel; the forest records, for
 * each person, the source of their first view (−1 for ads, the brand's own posts and seeds). Nothing
 * here allocates except the queue and trace growing by doubling.
 */
import type { Rng } from '../rng.js';
import { type EventQueue, pushEvent } from '../simulation/event-queue.js';
import { recordEvent } from '../simulation/trace.js';
import type { Trace } from '../simulation/types.js';
import {
  CHANNEL,
  CLAIM,
  COUNTER,
  COUNTER_COUNT,
  ENGAGED_MARK,
  EVENT,
  ITEM_SPAN,
  KIND,
  MAX_EXPOSURE_COUNT,
  STAGE,
} from './codes.js';
import type { PreparedCampaign } from './prepare.js';

/** One run's mutable state. Arrays of length n unless stated. */
export interface CampaignState {
  readonly prepared: PreparedCampaign;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  /** Funnel stage per person (Uint8Array). */
  readonly stage: Uint8Array;
  /** People per stage (Float64Array, 6). */
  readonly stageCounts: Float64Array;
  /** Views per person and item, saturating; ENGAGED_MARK once engaged (Uint8Array, n · stride). */
  readonly exposures: Uint8Array;
  /** Claim state per person (CLAIM codes). */
  readonly claim: Uint8Array;
  /** Bit 0: has seen the claim; bit 1: has seen the correction. */
  readonly crisisSeen: Uint8Array;
  /** Conversions credited to each person as referrer (Int32Array). */
  readonly referrals: Int32Array;
  readonly parent: Int32Array;
  readonly generation: Int32Array;
  readonly reachedTime: Float64Array;
  /** Running totals (Float64Array, COUNTER_COUNT), slots in COUNTER. */
  readonly counters: Float64Array;
  readonly queue: EventQueue;
  readonly trace: Trace | null;
  readonly exposureRng: Rng;
  readonly engagementRng: Rng;
  readonly advocacyRng: Rng;
  readonly crisisRng: Rng;
  /** Share and recommendation visibility and delay, resolved from the platform. */
  readonly feedReach: number;
  readonly logMissReach: number;
  readonly meanDelayDays: number;
  readonly isFixedDelay: boolean;
  readonly peerTrust: number;
  readonly advocacy: number;
  readonly advocacyDelayDays: number;
  readonly claimImpact: number;
  /** The crisis start time (days), +Infinity until it starts. */
  crisisStart: number;
}

/** Allocates the state of one run: O(n · (posts + 3)) bytes, zeroed. */
export function createCampaignState(
  prepared: PreparedCampaign,
  outOffsets: Int32Array,
  outTargets: Int32Array,
  streams: (purpose: string) => Rng,
  trace: Trace | null,
): CampaignState {
  const n = prepared.nodeCount;
  const c = prepared.campaign;
  const stageCounts = new Float64Array(6);
  stageCounts[0] = n;
  const feedReach = c.platform.feedReach;
  return {
    prepared,
    outOffsets,
    outTargets,
    stage: new Uint8Array(n),
    stageCounts,
    exposures: new Uint8Array(n * prepared.stride),
    claim: new Uint8Array(n),
    crisisSeen: new Uint8Array(n),
    referrals: new Int32Array(n),
    parent: new Int32Array(n).fill(-1),
    generation: new Int32Array(n).fill(-1),
    reachedTime: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    counters: new Float64Array(COUNTER_COUNT),
    queue: prepared.queue,
    trace,
    exposureRng: streams('exposure'),
    engagementRng: streams('engagement'),
    advocacyRng: streams('advocacy'),
    crisisRng: streams('crisis'),
    feedReach,
    logMissReach: feedReach < 1 && feedReach > 0 ? Math.log1p(-feedReach) : 0,
    meanDelayDays: c.platform.meanDelayHours / 24,
    isFixedDelay: c.platform.delay === 'fixed',
    peerTrust: c.peerTrust,
    advocacy: c.advocacy,
    advocacyDelayDays: c.advocacyDelayDays,
    claimImpact: c.crisis?.claimImpact ?? 0,
    crisisStart: Number.POSITIVE_INFINITY,
  };
}

/**
 * Moves person v up to `stage` (no-op when already there or further), through channel `channel`,
 * caused by `source`. The first move out of `unaware` reaches v: sets the forest and the reach.
 */
export function advance(
  s: CampaignState,
  v: number,
  stage: number,
  time: number,
  source: number,
  channel: number,
): void {
  const old = s.stage[v] as number;
  if (old >= stage) return;
  s.stage[v] = stage;
  s.stageCounts[old] = (s.stageCounts[old] as number) - 1;
  s.stageCounts[stage] = (s.stageCounts[stage] as number) + 1;
  if (old === STAGE.unaware) {
    s.counters[COUNTER.reach] = (s.counters[COUNTER.reach] as number) + 1;
    s.counters[COUNTER.reachByChannel + channel] =
      (s.counters[COUNTER.reachByChannel + channel] as number) + 1;
    s.parent[v] = source;
    s.generation[v] = source < 0 ? 0 : (s.generation[source] as number) + 1;
    s.reachedTime[v] = time;
  }
  if (s.trace !== null) recordEvent(s.trace, time, stage - 1, v, source, channel);
}

/** Records a trace event when tracing. */
export function note(
  s: CampaignState,
  time: number,
  kind: number,
  v: number,
  source: number,
  channel: number,
): void {
  if (s.trace !== null) recordEvent(s.trace, time, kind, v, source, channel);
}

/** A feed delay in days, from the exposure stream. */
function feedDelay(s: CampaignState, rng: Rng): number {
  return s.isFixedDelay ? s.meanDelayDays : -Math.log(1 - rng()) * s.meanDelayDays;
}

/**
 * Person u posts `item` at `time` through `channel`: each out-neighbour independently sees it with
 * probability feedReach after a feed delay. Geometric skipping over u's arc list: one draw per view
 * (plus one), not one per arc. Draws from `rng` (the exposure stream, or the crisis stream for the
 * claim and the correction).
 */
export function broadcast(
  s: CampaignState,
  u: number,
  item: number,
  channel: number,
  time: number,
  rng: Rng,
): void {
  const p = s.feedReach;
  if (p <= 0) return;
  const targets = s.outTargets;
  const end = s.outOffsets[u + 1] as number;
  const kind = item + ITEM_SPAN * channel;
  const queue = s.queue;
  let e = s.outOffsets[u] as number;
  if (p >= 1) {
    for (; e < end; e++) pushEvent(queue, time + feedDelay(s, rng), targets[e] as number, kind, u);
    return;
  }
  const logMiss = s.logMissReach;
  e += Math.floor(Math.log(1 - rng()) / logMiss);
  while (e < end) {
    pushEvent(queue, time + feedDelay(s, rng), targets[e] as number, kind, u);
    e += 1 + Math.floor(Math.log(1 - rng()) / logMiss);
  }
}

/**
 * Person v buys, at `time`, through `channel`, after a view caused by `source`. An earned conversion
 * is a referral credited to `source`. Schedules advocacy.
 */
function convert(s: CampaignState, v: number, channel: number, source: number, time: number): void {
  s.counters[COUNTER.conversions + channel] = (s.counters[COUNTER.conversions + channel] as number) + 1;
  if (channel === CHANNEL.earned && source >= 0) s.referrals[source] = (s.referrals[source] as number) + 1;
  advance(s, v, STAGE.converted, time, source, channel);
  if (s.advocacy > 0 && s.advocacyRng() < s.advocacy) {
    pushEvent(s.queue, time + s.advocacyDelayDays, v, EVENT.advocate, -1);
  }
}

/** The chance v buys after engaging with an item of base conversion chance `base` through `channel`. */
function conversionChance(s: CampaignState, v: number, base: number, channel: number): number {
  const factor = s.prepared.conversionFactor;
  let q = base * (factor === null ? 1 : (factor[v] as number));
  if (channel === CHANNEL.earned) q *= s.peerTrust;
  if (s.claim[v] === CLAIM.believes) q *= 1 - s.claimImpact;
  return q;
}

/** Counts a view of campaign content and reaches v if it is their first. */
function countImpression(s: CampaignState, v: number, channel: number, source: number, time: number): void {
  s.counters[COUNTER.impressions + channel] = (s.counters[COUNTER.impressions + channel] as number) + 1;
  if (channel === CHANNEL.paid && source >= 0)
    s.counters[COUNTER.influencerImpressions] = (s.counters[COUNTER.influencerImpressions] as number) + 1;
  if (s.stage[v] === STAGE.unaware) advance(s, v, STAGE.exposed, time, source, channel);
  if (s.trace !== null) recordEvent(s.trace, time, KIND.impression, v, source, channel);
}

/**
 * Person v sees post p at `time` through `channel` (source: the sharer or influencer, −1 for ads and
 * the brand's own posts). Engagement chance: appeal · 2^(−age / noveltyHalfLife) · receptivity ·
 * tierEngagement(source's tier) · (1 − fatigue)^(earlier views of p), age clamped at 0; the tier
 * factor applies to influencers' sponsored posts (paid, source ≥ 0), and to shares only with scope
 * all-posts; it is 1 for ads and brand posts. Multiplying the bound draws nothing, so a factor of 1
 * leaves the run bit-identical.
 */
export function seePost(
  s: CampaignState,
  v: number,
  p: number,
  channel: number,
  source: number,
  time: number,
): void {
  countImpression(s, v, channel, source, time);
  const pr = s.prepared;
  const slot = v * pr.stride + p;
  const seen = s.exposures[slot] as number;
  if (seen === ENGAGED_MARK) return;
  s.exposures[slot] = seen < MAX_EXPOSURE_COUNT ? seen + 1 : MAX_EXPOSURE_COUNT;
  // One draw x; engage when x < bound · novelty. The novelty factor is ≤ 1, so most views are
  // rejected against the bound alone, without computing the exponential.
  let bound = (pr.postAppeal[p] as number) * (pr.fatiguePower[seen] as number);
  if (pr.receptivity !== null) bound *= pr.receptivity[v] as number;
  // Tier engagement: a person's post (source ≥ 0) is an influencer's sponsored post when paid, a
  // share when earned; shares are scaled only with scope all-posts.
  const tierFactor = pr.posterEngagement;
  if (source >= 0 && tierFactor !== null && (channel === CHANNEL.paid || pr.isTierEngagementOnAllPosts)) {
    bound *= tierFactor[source] as number;
  }
  if (bound <= 0) return;
  const rng = s.engagementRng;
  const x = rng();
  if (x >= bound) return;
  const age = time - (pr.postDay[p] as number);
  if (age > 0 && x >= bound * Math.exp(-age * (pr.postDecay[p] as number))) return;
  // Engaged: which kind of engagement, then share, then buy.
  s.exposures[slot] = ENGAGED_MARK;
  s.counters[COUNTER.engagements + channel] = (s.counters[COUNTER.engagements + channel] as number) + 1;
  const mix = pr.postMix;
  const pick = rng() * (mix[3 * p + 2] as number);
  const kind =
    pick < (mix[3 * p] as number) ? KIND.like : pick < (mix[3 * p + 1] as number) ? KIND.comment : KIND.click;
  s.counters[COUNTER.likes + kind - KIND.like] = (s.counters[COUNTER.likes + kind - KIND.like] as number) + 1;
  note(s, time, kind, v, source, channel);
  advance(s, v, STAGE.engaged, time, source, channel);
  if (rng() < (pr.postShareability[p] as number)) {
    s.counters[COUNTER.shares] = (s.counters[COUNTER.shares] as number) + 1;
    s.counters[COUNTER.campaignMentions] = (s.counters[COUNTER.campaignMentions] as number) + 1;
    note(s, time, KIND.share, v, -1, CHANNEL.earned);
    advance(s, v, STAGE.shared, time, -1, CHANNEL.earned);
    broadcast(s, v, p, CHANNEL.earned, time, s.exposureRng);
  }
  if (
    (s.stage[v] as number) < STAGE.converted &&
    rng() < conversionChance(s, v, pr.postConversion[p] as number, channel)
  ) {
    convert(s, v, channel, source, time);
  }
}

/**
 * Person v sees an advocate's recommendation (earned). Acting on it is a click, with chance
 * recommendation.appeal · receptivity · (1 − fatigue)^(earlier views), times the advocate's tier
 * engagement with scope all-posts; it converts with the recommendation's conversion chance (times
 * peerTrust and the segment factor). Recommendations are not re-shared and do not age.
 */
export function seeRecommendation(s: CampaignState, v: number, source: number, time: number): void {
  countImpression(s, v, CHANNEL.earned, source, time);
  const pr = s.prepared;
  const slot = v * pr.stride + pr.postCount;
  const seen = s.exposures[slot] as number;
  if (seen === ENGAGED_MARK) return;
  s.exposures[slot] = seen < MAX_EXPOSURE_COUNT ? seen + 1 : MAX_EXPOSURE_COUNT;
  const recommendation = pr.campaign.recommendation;
  let chance = recommendation.appeal * (pr.fatiguePower[seen] as number);
  if (pr.receptivity !== null) chance *= pr.receptivity[v] as number;
  if (pr.posterEngagement !== null && pr.isTierEngagementOnAllPosts) {
    chance *= pr.posterEngagement[source] as number;
  }
  if (chance <= 0) return;
  const rng = s.engagementRng;
  if (rng() >= chance) return;
  s.exposures[slot] = ENGAGED_MARK;
  s.counters[COUNTER.engagements + CHANNEL.earned] =
    (s.counters[COUNTER.engagements + CHANNEL.earned] as number) + 1;
  s.counters[COUNTER.clicks] = (s.counters[COUNTER.clicks] as number) + 1;
  note(s, time, KIND.click, v, source, CHANNEL.earned);
  advance(s, v, STAGE.engaged, time, source, CHANNEL.earned);
  if (
    (s.stage[v] as number) < STAGE.converted &&
    rng() < conversionChance(s, v, recommendation.conversion, CHANNEL.earned)
  ) {
    convert(s, v, CHANNEL.earned, source, time);
  }
}

/** Customer v becomes an advocate and recommends the product to their followers. */
export function becomeAdvocate(s: CampaignState, v: number, time: number): void {
  s.counters[COUNTER.advocates] = (s.counters[COUNTER.advocates] as number) + 1;
  s.counters[COUNTER.campaignMentions] = (s.counters[COUNTER.campaignMentions] as number) + 1;
  advance(s, v, STAGE.advocate, time, -1, CHANNEL.earned);
  broadcast(s, v, s.prepared.postCount, CHANNEL.earned, time, s.exposureRng);
}

/**
 * Seeded influencer v publishes post p as a sponsored post (paid media): v counts as having shared
 * it, and their followers see it through the feed with v as the source.
 */
export function influencerPost(s: CampaignState, v: number, p: number, time: number): void {
  const pr = s.prepared;
  s.exposures[v * pr.stride + p] = ENGAGED_MARK;
  s.counters[COUNTER.influencerPosts] = (s.counters[COUNTER.influencerPosts] as number) + 1;
  s.counters[COUNTER.campaignMentions] = (s.counters[COUNTER.campaignMentions] as number) + 1;
  advance(s, v, STAGE.shared, time, -1, CHANNEL.paid);
  note(s, time, KIND.influencerPost, v, -1, CHANNEL.paid);
  broadcast(s, v, p, CHANNEL.paid, time, s.exposureRng);
}

/**
 * The brand publishes post p (or the correction, item `item`) to its followers: each sees it with
 * probability ownedReach after a feed delay. Draws from `rng`.
 */
export function publishToFollowers(
  s: CampaignState,
  followers: Int32Array,
  followerCount: number,
  item: number,
  time: number,
  rng: Rng,
): void {
  const reach = s.prepared.campaign.platform.ownedReach;
  if (reach <= 0) return;
  const kind = item + ITEM_SPAN * CHANNEL.owned;
  for (let i = 0; i < followerCount; i++) {
    if (reach < 1 && rng() >= reach) continue;
    pushEvent(s.queue, time + feedDelay(s, rng), followers[i] as number, kind, -1);
  }
}
