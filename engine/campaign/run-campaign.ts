/**
 * One run of the campaign model: continuous time in days, event-driven on the shared event queue.
 *
 * Phases: (1) resolve the campaign against the network once (cached, prepare.ts); (2) draw the brand's
 * followers and queue the calendar (posts, the crisis start); (3) the event loop, day by day, merging
 * three time-ordered sources: paid ad impressions, correction ad impressions and the queue (peer
 * exposures, owned deliveries, advocacy, calendar events); at the end of each day the counters are
 * snapshot for the series; (4) metrics, series, forest and cascade metrics.
 *
 * Ads are not queued one by one: a flight of T impressions (the budget over the CPM, or
 * dailyImpressions per day, whichever ends first) is delivered evenly in time, impression j at
 * start + (j + ½) / rate, each to a person drawn uniformly from the ad audience. Day bins are closed
 * on the right: day d holds the events with d < time ≤ d + 1 (day 0 also holds time 0), so the
 * series at time d + 1 equals what a replay of the trace up to that time counts.
 */
import { OptionsError, ScenarioError } from '../errors.js';
import { computeCascadeMetrics } from '../metrics/cascade.js';
import type { Network } from '../network/network.js';
import type { Rng } from '../rng.js';
import {
  clearEventQueue,
  peekKind,
  peekNode,
  peekSource,
  peekTime,
  popEvent,
  pushEvent,
} from '../simulation/event-queue.js';
import { createTrace, trimTrace } from '../simulation/trace.js';
import type { CascadeForest, RunResult } from '../simulation/types.js';
import {
  CAMPAIGN_CHANNEL_NAMES,
  CAMPAIGN_KIND_NAMES,
  CAMPAIGN_STATE_NAMES,
  CHANNEL,
  COUNTER,
  COUNTER_COUNT,
  EVENT,
  ITEM_OFFSET,
  ITEM_SPAN,
  STAGE,
} from './codes.js';
import { seeClaim, seeCorrection, startClaim } from './crisis.js';
import {
  becomeAdvocate,
  type CampaignState,
  createCampaignState,
  influencerPost,
  publishToFollowers,
  seePost,
  seeRecommendation,
} from './kernel.js';
import { type CampaignTotals, campaignMetrics, campaignSeries, ROW_WIDTH } from './metrics.js';
import { type PreparedCampaign, prepareCampaign } from './prepare.js';
import type { CampaignSpec } from './spec.js';

/** Options of {@link runCampaign}. */
export interface RunCampaignOptions {
  /** Days to simulate (> 0). */
  horizon: number;
  /** Record every event in `trace`. */
  shouldTrace: boolean;
  /** Who posts the false claim first (from `campaign.crisis.seeding`); required with a crisis. */
  crisisSeeds?: Int32Array;
  /** The target-audience mask (`audienceMask(network, campaign.audience)`); null: everyone. */
  audience: Uint8Array | null;
  /** Prefix for error messages, e.g. the scenario file name. */
  place?: string;
  /**
   * False to skip the daily series (the result's `series` is then empty): a batch that keeps only
   * metrics saves its columns (about 40 arrays per run) and their code. Default true.
   */
  shouldKeepSeries?: boolean;
}

/** The series of a run that kept none (see {@link RunCampaignOptions.shouldKeepSeries}). */
const NO_SERIES = Object.freeze({ time: new Float64Array(0), columns: Object.freeze({}) });

/** A campaign run: a RunResult plus what customer value needs. */
export interface CampaignRunResult extends RunResult {
  /** Conversions credited to each person as referrer (Int32Array, n): their indirect value / price. */
  referrals: Int32Array;
  /** The brand's followers in this run (Int32Array), ascending. */
  followers: Int32Array;
}

/** An ad flight delivered evenly in time: impression j at `start + (j + 0.5) / rate`. */
interface Flight {
  count: number;
  start: number;
  rate: number;
  next: number;
  delivered: number;
}

function flight(count: number, start: number, rate: number): Flight {
  const isLive = count > 0 && rate > 0;
  return { count, start, rate, next: isLive ? start + 0.5 / rate : Number.POSITIVE_INFINITY, delivered: 0 };
}

function advanceFlight(f: Flight): void {
  f.delivered++;
  f.next = f.delivered < f.count ? f.start + (f.delivered + 0.5) / f.rate : Number.POSITIVE_INFINITY;
}

/** Whole impressions a budget buys at a CPM, never more than the budget. */
function impressionsFor(budget: number, cpm: number): number {
  let count = Math.floor((budget * 1000) / cpm);
  while (count > 0 && (count * cpm) / 1000 > budget) count--;
  return count;
}

function campaignFlight(prepared: PreparedCampaign): Flight {
  const ads = prepared.campaign.ads;
  if (prepared.adTargets.length === 0) return flight(0, 0, 0);
  const days = ads.endDay - ads.startDay + 1;
  let count = impressionsFor(ads.budget, ads.cpm);
  let rate = count / days;
  if (ads.dailyImpressions !== null) {
    rate = ads.dailyImpressions;
    count = Math.min(count, Math.floor(ads.dailyImpressions * days));
  }
  return flight(count, ads.startDay, rate);
}

/** Each member of the pool follows the brand with probability `fraction` (geometric skipping). */
function drawFollowers(pool: Int32Array, fraction: number, rng: Rng): Int32Array {
  if (fraction <= 0 || pool.length === 0) return new Int32Array(0);
  if (fraction >= 1) return pool.slice();
  const chosen = new Int32Array(pool.length);
  const logMiss = Math.log1p(-fraction);
  let count = 0;
  let i = Math.floor(Math.log(1 - rng()) / logMiss);
  while (i < pool.length) {
    chosen[count++] = pool[i] as number;
    i += 1 + Math.floor(Math.log(1 - rng()) / logMiss);
  }
  return chosen.slice(0, count);
}

function checkInputs(
  network: Network,
  prepared: PreparedCampaign,
  seeds: Int32Array,
  options: RunCampaignOptions,
): void {
  const place = options.place === undefined ? '' : `${options.place}: `;
  if (!(options.horizon > 0 && Number.isFinite(options.horizon))) {
    throw new OptionsError(
      `${place}runCampaign: horizon: expected a finite number of days > 0, got ${options.horizon}`,
    );
  }
  const n = network.nodeCount;
  for (const list of [seeds, options.crisisSeeds ?? new Int32Array(0)]) {
    for (const u of list) {
      if (!(u >= 0 && u < n))
        throw new OptionsError(`${place}runCampaign: seeds: expected indices in 0..${n - 1}, got ${u}`);
    }
  }
  const c = prepared.campaign;
  if (c.crisis !== null && options.crisisSeeds === undefined) {
    throw new OptionsError(
      `${place}runCampaign: crisisSeeds: a campaign with a crisis needs them (select them from campaign.crisis.seeding)`,
    );
  }
  const days = Math.ceil(options.horizon);
  if (c.goal !== null && c.goal.byDay !== null && c.goal.byDay > days) {
    throw new ScenarioError(
      `${place}campaign.goal.byDay: expected a day within the horizon (1..${days}), got ${c.goal.byDay}`,
    );
  }
}

function seedFees(prepared: PreparedCampaign, seeds: Int32Array, place: string): number {
  if (seeds.length === 0) return 0;
  const fees = prepared.campaign.economics.influencerFees;
  const { tierFee, tierCodes } = prepared;
  if (tierFee === null || tierCodes === null) {
    if (fees.nano === 0 && fees.micro === 0 && fees.macro === 0 && fees.mega === 0) return 0;
    throw new ScenarioError(
      `${place}campaign.economics.influencerFees: the network has no tier attribute to price the seeded influencers; add a population to the scenario or set every fee to 0`,
    );
  }
  let total = 0;
  for (const u of seeds) total += tierFee[tierCodes[u] as number] as number;
  return total;
}

/** Handles one queued event. */
function dispatch(
  s: CampaignState,
  seeds: Int32Array,
  crisisSeeds: Int32Array,
  followers: Int32Array,
  kind: number,
  v: number,
  source: number,
  time: number,
  onResponse: (time: number) => void,
): void {
  const postCount = s.prepared.postCount;
  if (kind < 3 * ITEM_SPAN) {
    const item = kind % ITEM_SPAN;
    const channel = (kind - item) / ITEM_SPAN;
    if (item < postCount) seePost(s, v, item, channel, source, time);
    else if (item === postCount + ITEM_OFFSET.recommendation) seeRecommendation(s, v, source, time);
    else if (item === postCount + ITEM_OFFSET.claim) seeClaim(s, v, source, time);
    else seeCorrection(s, v, channel, source, time);
  } else if (kind === EVENT.advocate) {
    becomeAdvocate(s, v, time);
  } else if (kind === EVENT.publish) {
    publishToFollowers(s, followers, followers.length, v, time, s.exposureRng);
    if (v === 0) for (const u of seeds) influencerPost(s, u, 0, time);
  } else if (kind === EVENT.crisisStart) {
    startClaim(s, crisisSeeds, time);
    const crisis = s.prepared.campaign.crisis;
    if (crisis !== null) pushEvent(s.queue, time + crisis.responseDelay / 24, 0, EVENT.responseStart, -1);
  } else if (kind === EVENT.responseStart) {
    publishToFollowers(s, followers, followers.length, postCount + ITEM_OFFSET.correction, time, s.crisisRng);
    onResponse(time);
  }
}

/**
 * Runs the campaign once on `network` (see the module comment and the README's "The campaign model").
 * `seeds` are the seeded influencers (they publish post 0 on its day as sponsored posts);
 * `streams(purpose)` gives the run's independent streams: `exposure` (feed reach and delays),
 * `engagement`, `advocacy`, `ads` (ad targets), `owned` (who follows the brand), `crisis` and
 * `crisis-ads`. Returns a {@link CampaignRunResult} whose forest is the share cascade. Throws
 * OptionsError for bad options and ScenarioError for a campaign the network cannot satisfy.
 * O(n · posts + events · log(queue)); allocates the run's state, O(n · (posts + 3)) bytes.
 */
export function runCampaign(
  network: Network,
  campaign: CampaignSpec,
  seeds: Int32Array,
  streams: (purpose: string) => Rng,
  options: RunCampaignOptions,
): CampaignRunResult {
  const place = options.place === undefined ? '' : `${options.place}: `;
  const prepared = prepareCampaign(network, campaign, options.audience, place);
  checkInputs(network, prepared, seeds, options);
  const c = prepared.campaign;
  const influencerFees = seedFees(prepared, seeds, place);
  const crisisSeeds = options.crisisSeeds ?? new Int32Array(0);
  const trace = options.shouldTrace ? createTrace(CAMPAIGN_KIND_NAMES, CAMPAIGN_CHANNEL_NAMES, 4096) : null;
  const s = createCampaignState(prepared, network.outOffsets, network.outTargets, streams, trace);
  const queue = s.queue;
  clearEventQueue(queue);

  // Phase 2: followers, calendar, crisis, flights.
  const followers = drawFollowers(prepared.followerPool, c.followers, streams('owned'));
  c.posts.forEach((post, p) => {
    pushEvent(queue, post.day, p, EVENT.publish, -1);
  });
  if (c.crisis !== null) pushEvent(queue, c.crisis.startDay, 0, EVENT.crisisStart, -1);
  const ads = campaignFlight(prepared);
  const adRng = streams('ads');
  const adTargets = prepared.adTargets;
  const adPost = c.ads.post;
  let correction = flight(0, 0, 0);
  const correctionRng = streams('crisis-ads');
  let responseTime = c.crisis === null ? 0 : Number.NaN;
  const onResponse = (time: number) => {
    const crisis = c.crisis;
    if (crisis === null) return;
    responseTime = crisis.responseDelay;
    const count = impressionsFor(crisis.responseBudget, c.ads.cpm);
    correction = flight(count, time, count / crisis.responseDays);
  };

  // Phase 3: the event loop, one day at a time.
  const horizon = options.horizon;
  const days = Math.ceil(horizon);
  const rows = new Float64Array(days * ROW_WIDTH);
  const n = network.nodeCount;
  for (let day = 0; day < days; day++) {
    const end = Math.min(day + 1, horizon);
    for (;;) {
      const queueTime = peekTime(queue);
      const adTime = ads.next;
      const correctionTime = correction.next;
      if (adTime <= queueTime && adTime <= correctionTime) {
        if (adTime > end) break;
        const v = adTargets[Math.floor(adRng() * adTargets.length)] as number;
        s.counters[COUNTER.adImpressions] = (s.counters[COUNTER.adImpressions] as number) + 1;
        advanceFlight(ads);
        seePost(s, v, adPost, CHANNEL.paid, -1, adTime);
      } else if (correctionTime <= queueTime) {
        if (correctionTime > end) break;
        const v = Math.floor(correctionRng() * n);
        s.counters[COUNTER.correctionAdImpressions] =
          (s.counters[COUNTER.correctionAdImpressions] as number) + 1;
        advanceFlight(correction);
        seeCorrection(s, v, CHANNEL.paid, -1, correctionTime);
      } else {
        if (queueTime > end) break;
        const kind = peekKind(queue);
        const v = peekNode(queue);
        const source = peekSource(queue);
        popEvent(queue);
        dispatch(s, seeds, crisisSeeds, followers, kind, v, source, queueTime, onResponse);
      }
    }
    rows.set(s.counters, day * ROW_WIDTH);
    rows.set(s.stageCounts, day * ROW_WIDTH + COUNTER_COUNT);
  }

  // Phase 4: results.
  let referralsByCustomers = 0;
  for (let u = 0; u < n; u++) {
    if ((s.stage[u] as number) >= STAGE.converted) referralsByCustomers += s.referrals[u] as number;
  }
  const totals: CampaignTotals = {
    prepared,
    nodeCount: n,
    influencerFees,
    responseTime,
    referralsByCustomers,
  };
  const forest: CascadeForest = { parent: s.parent, generation: s.generation, reachedTime: s.reachedTime };
  const cascade = computeCascadeMetrics(network, forest, seeds, options.audience, prepared.cascadeScratch);
  const metrics = campaignMetrics(totals, rows, days);
  metrics['depth'] = cascade.depth;
  metrics['structuralVirality'] = cascade.structuralVirality;
  // The original audience is the target audience when one is given; otherwise it is the people the
  // brand reached itself (ads, its own posts, its influencers' posts), so reach beyond it is earned reach.
  const earnedReach = metrics['earnedReach'] ?? 0;
  const reach = metrics['reach'] ?? 0;
  metrics['beyondAudience'] = options.audience === null ? earnedReach : cascade.beyondAudience;
  metrics['beyondAudienceFraction'] =
    options.audience === null ? (reach === 0 ? 0 : earnedReach / reach) : cascade.beyondAudienceFraction;
  return {
    model: 'campaign',
    stateNames: CAMPAIGN_STATE_NAMES,
    finalState: s.stage,
    finalCounts: Array.from(s.stageCounts),
    forest,
    series:
      options.shouldKeepSeries === false
        ? NO_SERIES
        : campaignSeries(totals, rows, days, horizon, CAMPAIGN_STATE_NAMES),
    seeds,
    metrics,
    trace: trace === null ? null : trimTrace(trace),
    referrals: s.referrals,
    followers,
  };
}
