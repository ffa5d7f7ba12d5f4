/**
 * Properties of the campaign model on small random networks and random campaigns (fast-check, fixed
 * seed): funnel order, channel parts summing to totals, spend within budget, the roi formula, the trace
 * recomputing every counter, the state and the forest, and determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATE_NAMES } from '../../engine/campaign/codes.js';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { countsFromTrace, forestFromTrace, stateAtTime } from '../../engine/simulation/trace.js';
import { networkOf, recount, run } from './helpers.js';

const FC_SEED = 20260415;
const RUNS = 120;

const probability = fc.double({ min: 0, max: 1, noNaN: true });

const caseArbitrary = fc
  .record({
    nodeCount: fc.integer({ min: 2, max: 25 }),
    isDirected: fc.boolean(),
    edgeSeeds: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 80 }),
    seedPicks: fc.array(fc.nat(), { maxLength: 4 }),
    crisisPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    hasCrisis: fc.boolean(),
    posts: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 6 }),
        appeal: probability,
        shareability: probability,
        conversion: probability,
        noveltyHalfLife: fc.double({ min: 0.2, max: 20, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    fatigue: fc.double({ min: 0, max: 0.95, noNaN: true }),
    followers: probability,
    budget: fc.double({ min: 0, max: 30, noNaN: true }),
    cpm: fc.double({ min: 1, max: 50, noNaN: true }),
    peerTrust: fc.double({ min: 0, max: 4, noNaN: true }),
    advocacy: probability,
    feedReach: probability,
    isFixedDelay: fc.boolean(),
    crisisAppeal: probability,
    responseDelay: fc.double({ min: 0, max: 120, noNaN: true }),
    responseBudget: fc.double({ min: 0, max: 10, noNaN: true }),
    horizon: fc.integer({ min: 1, max: 15 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((c) => {
    const edges = c.edgeSeeds
      .map(([a, b]) => [a % c.nodeCount, b % c.nodeCount] as const)
      .filter(([a, b]) => a !== b);
    const key = ([a, b]: readonly [number, number]) =>
      c.isDirected ? `${a},${b}` : `${Math.min(a, b)},${Math.max(a, b)}`;
    const unique = [...new Map(edges.map((e) => [key(e), e])).values()];
    const tiers = Array.from({ length: c.nodeCount }, (_, u) => u % 4);
    const network = networkOf(c.nodeCount, unique, c.isDirected, tiers);
    const seeds = [...new Set(c.seedPicks.map((s) => s % c.nodeCount))];
    const crisisSeeds = [...new Set(c.crisisPicks.map((s) => s % c.nodeCount))];
    const campaign: CampaignSpec = {
      platform: {
        feedReach: c.feedReach,
        meanDelayHours: 12,
        delay: c.isFixedDelay ? 'fixed' : 'exponential',
      },
      posts: c.posts,
      fatigue: c.fatigue,
      followers: c.followers,
      ads: { budget: c.budget, cpm: c.cpm, endDay: 4 },
      peerTrust: c.peerTrust,
      advocacy: c.advocacy,
      advocacyDelayDays: 1,
      economics: { price: 20 },
      ...(c.hasCrisis
        ? {
            crisis: {
              startDay: 1,
              seeding: { strategy: 'random', count: crisisSeeds.length },
              appeal: c.crisisAppeal,
              shareability: 0.5,
              responseDelay: c.responseDelay,
              responseBudget: c.responseBudget,
            },
          }
        : {}),
    };
    return {
      network,
      seeds,
      crisisSeeds: c.hasCrisis ? crisisSeeds : undefined,
      campaign,
      horizon: c.horizon,
      seed: c.seed,
      budget: c.budget,
    };
  });

describe('runCampaign properties', () => {
  it('runCampaign keeps conversions ≤ engagements ≤ impressions, reach ≤ n and spend within the budget', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const m = run(c.network, c.campaign, c.seeds, {
          seed: c.seed,
          horizon: c.horizon,
          ...(c.crisisSeeds === undefined ? {} : { crisisSeeds: c.crisisSeeds }),
        }).metrics;
        const at = (name: string) => m[name] as number;
        expect(at('conversions')).toBeLessThanOrEqual(at('engagements'));
        expect(at('engagements')).toBeLessThanOrEqual(at('impressions'));
        expect(at('reach')).toBeLessThanOrEqual(c.network.nodeCount);
        expect(at('reachFraction')).toBe(at('reach') / c.network.nodeCount);
        expect(at('adSpend')).toBeLessThanOrEqual(c.budget);
        expect(at('paidImpressions') + at('ownedImpressions') + at('earnedImpressions')).toBe(
          at('impressions'),
        );
        expect(at('directConversions') + at('referralConversions')).toBe(at('conversions'));
        expect(at('paidReach') + at('ownedReach') + at('earnedReach')).toBe(at('reach'));
        expect(at('likes') + at('comments') + at('clicks')).toBe(at('engagements'));
        expect(at('paidEngagements') + at('ownedEngagements') + at('earnedEngagements')).toBe(
          at('engagements'),
        );
        expect(at('revenue')).toBe(20 * at('conversions'));
        if (at('cost') > 0) expect(at('roi')).toBe((at('revenue') - at('cost')) / at('cost'));
        else expect(at('roi')).toBeNaN();
        expect(at('shareOfVoice')).toBeGreaterThanOrEqual(0);
        expect(at('shareOfVoice')).toBeLessThanOrEqual(1);
      }),
      { seed: FC_SEED, numRuns: RUNS },
    );
  });

  it('runCampaign trace recomputes every counter, the final states, the forest and the daily stage counts', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const result = run(c.network, c.campaign, c.seeds, {
          seed: c.seed,
          horizon: c.horizon,
          ...(c.crisisSeeds === undefined ? {} : { crisisSeeds: c.crisisSeeds }),
        });
        const trace = result.trace;
        if (trace === null) throw new Error('expected a trace');
        const counted = recount(trace);
        for (const [name, value] of Object.entries(counted)) expect(result.metrics[name], name).toBe(value);
        const n = c.network.nodeCount;
        expect(stateAtTime(trace, CAMPAIGN_STATE_NAMES, n, Number.POSITIVE_INFINITY)).toEqual(
          result.finalState,
        );
        const forest = forestFromTrace(trace, CAMPAIGN_STATE_NAMES, n);
        expect(forest.parent).toEqual(result.forest.parent);
        expect(forest.generation).toEqual(result.forest.generation);
        expect(forest.reachedTime).toEqual(result.forest.reachedTime);
        const series = countsFromTrace(trace, CAMPAIGN_STATE_NAMES, n, result.series.time);
        for (const name of CAMPAIGN_STATE_NAMES)
          expect(series.columns[name], name).toEqual(result.series.columns[name]);
        expect(series.columns['newActivations']).toEqual(result.series.columns['newReach']);
      }),
      { seed: FC_SEED + 1, numRuns: RUNS },
    );
  });

  it('runCampaign gives the same result for the same seed, with or without a trace', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const options = {
          seed: c.seed,
          horizon: c.horizon,
          ...(c.crisisSeeds === undefined ? {} : { crisisSeeds: c.crisisSeeds }),
        };
        const a = run(c.network, c.campaign, c.seeds, options);
        const b = run(c.network, c.campaign, c.seeds, { ...options, shouldTrace: false });
        expect(b.metrics).toEqual(a.metrics);
        expect(b.finalState).toEqual(a.finalState);
        expect(b.series.columns).toEqual(a.series.columns);
        expect(b.forest.reachedTime).toEqual(a.forest.reachedTime);
      }),
      { seed: FC_SEED + 2, numRuns: 60 },
    );
  });
});
