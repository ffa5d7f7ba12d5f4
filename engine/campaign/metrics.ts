/**
 * The campaign's metrics and daily series, from the kernel's counters. The kernel snapshots its
 * counters at the end of every day into one row of a Float64Array (ROW_WIDTH values per day); this
 * module turns the last row into the per-run metrics and every row into the series columns.
 *
 * Definitions (the README's "The campaign model" states them for users):
 * - impressions count every view of campaign content (posts and recommendations), by channel:
 *   paid (ads and seeded influencers' sponsored posts), owned (the brand's posts to its followers),
 *   earned (shares and recommendations); reach counts people once (seeds included), and is split by
 *   the channel that reached each person first (paidReach, ownedReach, earnedReach).
 * - engagements = likes + comments + clicks; conversions = directConversions (paid or owned view) +
 *   referralConversions (earned view, credited to the sharer or recommender).
 * - cost = fixedCost + influencer fees + ad spend + correction ad spend; revenue = price ·
 *   conversions; roi = (revenue − cost) / cost (NaN when cost is 0).
 * - earnedToPaid = earnedImpressions / paidImpressions (NaN when there are no paid impressions).
 * - shareOfVoice = campaign mentions / (campaign mentions + claim mentions), whole horizon; mentions
 *   are posts by people: influencer posts, shares, recommendations and correction shares for the
 *   campaign, seed posts and shares for the claim; 1 when there are none of either.
 * - responseTime: hours from the claim's start to the brand's response (the configured delay), when
 *   the response falls within the horizon; 0 without a crisis; NaN when the horizon ends first.
 * - goalHit: 1 when the goal's metric reached `atLeast` by the end of day `byDay`, else 0; NaN
 *   without a goal.
 */
import { COUNTER, COUNTER_COUNT } from './codes.js';
import type { PreparedCampaign } from './prepare.js';
import type { GoalMetric } from './spec.js';

/** Values per daily snapshot row: the counters, then the six stage counts. */
export const ROW_WIDTH = COUNTER_COUNT + 6;

/** What the metrics need besides the counters. */
export interface CampaignTotals {
  readonly prepared: PreparedCampaign;
  readonly nodeCount: number;
  /** Influencer fees of the run's seeds (currency). */
  readonly influencerFees: number;
  /** Hours from the claim's start to the response; 0 without a crisis; NaN when never. */
  readonly responseTime: number;
  /** Conversions credited to people who are customers themselves. */
  readonly referralsByCustomers: number;
}

function at(rows: Float64Array, day: number, slot: number): number {
  return rows[day * ROW_WIDTH + slot] as number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/** Cost up to the end of `day` (fees and fixed cost are booked on day 0). */
function costAt(totals: CampaignTotals, rows: Float64Array, day: number): number {
  const c = totals.prepared.campaign;
  const impressions = at(rows, day, COUNTER.adImpressions) + at(rows, day, COUNTER.correctionAdImpressions);
  return c.economics.fixedCost + totals.influencerFees + (impressions * c.ads.cpm) / 1000;
}

function shareOfVoice(campaign: number, claim: number): number {
  return campaign + claim === 0 ? 1 : campaign / (campaign + claim);
}

/** Value of a goal metric at the end of `day`. */
function goalValue(metric: GoalMetric, totals: CampaignTotals, rows: Float64Array, day: number): number {
  const sum3 = (slot: number) => at(rows, day, slot) + at(rows, day, slot + 1) + at(rows, day, slot + 2);
  const conversions = sum3(COUNTER.conversions);
  const revenue = conversions * totals.prepared.campaign.economics.price;
  switch (metric) {
    case 'conversions':
      return conversions;
    case 'reach':
      return at(rows, day, COUNTER.reach);
    case 'impressions':
      return sum3(COUNTER.impressions);
    case 'engagements':
      return sum3(COUNTER.engagements);
    case 'shares':
      return at(rows, day, COUNTER.shares);
    case 'revenue':
      return revenue;
    case 'referralConversions':
      return at(rows, day, COUNTER.conversions + 2);
    case 'earnedImpressions':
      return at(rows, day, COUNTER.impressions + 2);
    case 'advocates':
      return at(rows, day, COUNTER.advocates);
    case 'roi': {
      const cost = costAt(totals, rows, day);
      return ratio(revenue - cost, cost);
    }
  }
}

/**
 * The per-run metrics from the snapshot rows of `days` days (the last row holds the totals). The
 * goal's day is clamped to the horizon (run-campaign.ts rejects a later one first). O(1).
 */
export function campaignMetrics(
  totals: CampaignTotals,
  rows: Float64Array,
  days: number,
): Record<string, number> {
  const last = days - 1;
  const c = totals.prepared.campaign;
  const get = (slot: number) => at(rows, last, slot);
  const paid = get(COUNTER.impressions);
  const owned = get(COUNTER.impressions + 1);
  const earned = get(COUNTER.impressions + 2);
  const directConversions = get(COUNTER.conversions) + get(COUNTER.conversions + 1);
  const referralConversions = get(COUNTER.conversions + 2);
  const conversions = directConversions + referralConversions;
  const adSpend = (get(COUNTER.adImpressions) * c.ads.cpm) / 1000;
  const responseSpend = (get(COUNTER.correctionAdImpressions) * c.ads.cpm) / 1000;
  const cost = costAt(totals, rows, last);
  const revenue = conversions * c.economics.price;
  const campaignMentions = get(COUNTER.campaignMentions);
  const claimMentions = get(COUNTER.claimMentions);
  let goalHit = Number.NaN;
  if (c.goal !== null) {
    const byDay = Math.min(c.goal.byDay ?? days, days);
    goalHit = goalValue(c.goal.metric, totals, rows, byDay - 1) >= c.goal.atLeast ? 1 : 0;
  }
  return {
    impressions: paid + owned + earned,
    paidImpressions: paid,
    ownedImpressions: owned,
    earnedImpressions: earned,
    reach: get(COUNTER.reach),
    reachFraction: get(COUNTER.reach) / totals.nodeCount,
    paidReach: get(COUNTER.reachByChannel),
    ownedReach: get(COUNTER.reachByChannel + 1),
    earnedReach: get(COUNTER.reachByChannel + 2),
    engagements: get(COUNTER.engagements) + get(COUNTER.engagements + 1) + get(COUNTER.engagements + 2),
    likes: get(COUNTER.likes),
    comments: get(COUNTER.comments),
    clicks: get(COUNTER.clicks),
    shares: get(COUNTER.shares),
    conversions,
    directConversions,
    referralConversions,
    advocates: get(COUNTER.advocates),
    cost,
    revenue,
    roi: ratio(revenue - cost, cost),
    earnedToPaid: ratio(earned, paid),
    shareOfVoice: shareOfVoice(campaignMentions, claimMentions),
    claimReach: get(COUNTER.claimReach),
    responseTime: totals.responseTime,
    goalHit,
    adImpressions: get(COUNTER.adImpressions),
    influencerImpressions: get(COUNTER.influencerImpressions),
    paidEngagements: get(COUNTER.engagements),
    ownedEngagements: get(COUNTER.engagements + 1),
    earnedEngagements: get(COUNTER.engagements + 2),
    paidConversions: get(COUNTER.conversions),
    ownedConversions: get(COUNTER.conversions + 1),
    adSpend,
    responseSpend,
    influencerFees: totals.influencerFees,
    influencerPosts: get(COUNTER.influencerPosts),
    customerValue: ratio(c.economics.price * (conversions + totals.referralsByCustomers), conversions),
    indirectValue: ratio(c.economics.price * totals.referralsByCustomers, conversions),
    campaignMentions,
    claimMentions,
    claimImpressions: get(COUNTER.claimImpressions),
    believers: get(COUNTER.believers),
    wonBack: get(COUNTER.wonBack),
    protected: get(COUNTER.protected),
    correctionImpressions: get(COUNTER.correctionImpressions),
    correctionReach: get(COUNTER.correctionReach),
    correctionReads: get(COUNTER.correctionReads),
    correctionShares: get(COUNTER.correctionShares),
  };
}

/** Names of the cumulative series columns (each the metric of that name, up to the end of the day). */
export const CUMULATIVE_SERIES = [
  'impressions',
  'paidImpressions',
  'ownedImpressions',
  'earnedImpressions',
  'reach',
  'reachFraction',
  'paidReach',
  'ownedReach',
  'earnedReach',
  'engagements',
  'likes',
  'comments',
  'clicks',
  'shares',
  'conversions',
  'directConversions',
  'referralConversions',
  'advocates',
  'cost',
  'revenue',
  'roi',
  'earnedToPaid',
  'shareOfVoice',
  'claimReach',
  'believers',
  'correctionReach',
] as const;

/**
 * The daily series: for each day d (time d + 1, the end of the day), the cumulative columns
 * {@link CUMULATIVE_SERIES}, the daily flows `newImpressions`, `newReach`, `newConversions`,
 * `newShares`, `newClaimReach` (during day d), and one column per funnel stage (people in it at the
 * end of the day). Allocates the columns: O(days · columns).
 */
export function campaignSeries(
  totals: CampaignTotals,
  rows: Float64Array,
  days: number,
  horizon: number,
  stateNames: readonly string[],
): { time: Float64Array; columns: Record<string, Float64Array> } {
  const c = totals.prepared.campaign;
  const time = new Float64Array(days);
  const columns: Record<string, Float64Array> = {};
  for (const name of CUMULATIVE_SERIES) columns[name] = new Float64Array(days);
  const flows = ['newImpressions', 'newReach', 'newConversions', 'newShares', 'newClaimReach'];
  for (const name of flows) columns[name] = new Float64Array(days);
  for (const name of stateNames) columns[name] = new Float64Array(days);
  const col = (name: string) => columns[name] as Float64Array;
  for (let d = 0; d < days; d++) {
    time[d] = Math.min(d + 1, horizon);
    const paid = at(rows, d, COUNTER.impressions);
    const owned = at(rows, d, COUNTER.impressions + 1);
    const earned = at(rows, d, COUNTER.impressions + 2);
    const direct = at(rows, d, COUNTER.conversions) + at(rows, d, COUNTER.conversions + 1);
    const referral = at(rows, d, COUNTER.conversions + 2);
    const cost = costAt(totals, rows, d);
    const revenue = (direct + referral) * c.economics.price;
    const values: Record<(typeof CUMULATIVE_SERIES)[number], number> = {
      impressions: paid + owned + earned,
      paidImpressions: paid,
      ownedImpressions: owned,
      earnedImpressions: earned,
      reach: at(rows, d, COUNTER.reach),
      reachFraction: at(rows, d, COUNTER.reach) / totals.nodeCount,
      paidReach: at(rows, d, COUNTER.reachByChannel),
      ownedReach: at(rows, d, COUNTER.reachByChannel + 1),
      earnedReach: at(rows, d, COUNTER.reachByChannel + 2),
      engagements:
        at(rows, d, COUNTER.engagements) +
        at(rows, d, COUNTER.engagements + 1) +
        at(rows, d, COUNTER.engagements + 2),
      likes: at(rows, d, COUNTER.likes),
      comments: at(rows, d, COUNTER.comments),
      clicks: at(rows, d, COUNTER.clicks),
      shares: at(rows, d, COUNTER.shares),
      conversions: direct + referral,
      directConversions: direct,
      referralConversions: referral,
      advocates: at(rows, d, COUNTER.advocates),
      cost,
      revenue,
      roi: ratio(revenue - cost, cost),
      earnedToPaid: ratio(earned, paid),
      shareOfVoice: shareOfVoice(at(rows, d, COUNTER.campaignMentions), at(rows, d, COUNTER.claimMentions)),
      claimReach: at(rows, d, COUNTER.claimReach),
      believers: at(rows, d, COUNTER.believers),
      correctionReach: at(rows, d, COUNTER.correctionReach),
    };
    for (const name of CUMULATIVE_SERIES) col(name)[d] = values[name];
    for (let k = 0; k < stateNames.length; k++) {
      col(stateNames[k] as string)[d] = at(rows, d, COUNTER_COUNT + k);
    }
  }
  const flowOf = (name: string, from: string) => {
    const source = col(from);
    const target = col(name);
    for (let d = 0; d < days; d++)
      target[d] = (source[d] as number) - (d === 0 ? 0 : (source[d - 1] as number));
  };
  flowOf('newImpressions', 'impressions');
  flowOf('newReach', 'reach');
  flowOf('newConversions', 'conversions');
  flowOf('newShares', 'shares');
  flowOf('newClaimReach', 'claimReach');
  return { time, columns };
}
