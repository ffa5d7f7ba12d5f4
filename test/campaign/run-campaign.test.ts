/**
 * Small exact cases of the campaign model: with probabilities 0 or 1 and fixed delays every number is
 * known by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { OptionsError, ScenarioError } from '../../engine/errors.js';
import { serializeTrace } from '../../engine/simulation/trace.js';
import { parseTrace } from '../../engine/simulation/trace-parse.js';
import { directedPath, ISSUE_METRICS, networkOf, QUIET, recount, run } from './helpers.js';

/** A directed star: the hub 0 is followed by people 1..leaves. */
function star(leaves: number) {
  const edges: [number, number][] = [];
  for (let v = 1; v <= leaves; v++) edges.push([0, v]);
  return networkOf(leaves + 1, edges, true);
}

const CERTAIN_FEED = { feedReach: 1, ownedReach: 1, meanDelayHours: 24, delay: 'fixed' } as const;

describe('runCampaign exact cases', () => {
  it('runCampaign(appeal 0) gives impressions and no engagement', () => {
    const result = run(
      star(10),
      { ...QUIET, platform: CERTAIN_FEED, posts: [{ appeal: 0 }], ads: { budget: 10, cpm: 10 } },
      [0],
    );
    const m = result.metrics;
    expect(m['adImpressions']).toBe(1000);
    expect(m['influencerImpressions']).toBe(10);
    expect(m['paidImpressions']).toBe(1010);
    expect(m['impressions']).toBe(1010);
    for (const name of [
      'engagements',
      'likes',
      'comments',
      'clicks',
      'shares',
      'conversions',
      'earnedImpressions',
    ]) {
      expect(m[name], name).toBe(0);
    }
  });

  it('runCampaign(shareability 0, advocacy 0) gives no earned impressions', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: 1, shareability: 0, conversion: 1 }],
      ads: { budget: 5, cpm: 10 },
    };
    const m = run(star(10), campaign, [0]).metrics;
    expect(m['engagements']).toBe(10);
    expect(m['conversions']).toBe(10);
    expect(m['earnedImpressions']).toBe(0);
    expect(m['referralConversions']).toBe(0);
    expect(m['shares']).toBe(0);
  });

  it('runCampaign(budget 0) gives no paid impressions and no ad spend', () => {
    const campaign: CampaignSpec = { ...QUIET, followers: 1, platform: CERTAIN_FEED, posts: [{ appeal: 0 }] };
    const m = run(star(10), campaign, []).metrics;
    expect(m['paidImpressions']).toBe(0);
    expect(m['adSpend']).toBe(0);
    expect(m['ownedImpressions']).toBe(11);
    expect(m['cost']).toBe(0);
    expect(m['roi']).toBeNaN();
  });

  it('runCampaign on a path with every probability 1 reaches the end on the expected day', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ day: 2, appeal: 1, shareability: 1, conversion: 0, noveltyHalfLife: 1e9 }],
    };
    const result = run(directedPath(6), campaign, [0], { horizon: 10 });
    expect(Array.from(result.forest.reachedTime)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(Array.from(result.forest.parent)).toEqual([-1, 0, 1, 2, 3, 4]);
    expect(Array.from(result.forest.generation)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(result.series.columns['reach'] as Float64Array)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 6, 6, 6,
    ]);
    const m = result.metrics;
    expect(m['reach']).toBe(6);
    expect(m['depth']).toBe(5);
    expect(m['influencerImpressions']).toBe(1);
    expect(m['earnedImpressions']).toBe(4);
    expect(m['shares']).toBe(5);
    expect(m['structuralVirality']).toBeCloseTo(7 / 3, 12);
  });

  it('runCampaign buys floor(budget / cpm · 1000) impressions and never spends more than the budget', () => {
    const m = run(star(3), { ...QUIET, posts: [{ appeal: 0 }], ads: { budget: 10, cpm: 7 } }, []).metrics;
    expect(m['adImpressions']).toBe(1428);
    expect(m['adSpend']).toBeCloseTo(9.996, 12);
    expect(m['adSpend']).toBeLessThanOrEqual(10);
  });

  it('runCampaign delivers dailyImpressions per day over the flight', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      posts: [{ appeal: 0 }],
      ads: { budget: 1e6, cpm: 10, dailyImpressions: 100, startDay: 1, endDay: 3 },
    };
    const result = run(star(3), campaign, [], { horizon: 6 });
    expect(Array.from(result.series.columns['paidImpressions'] as Float64Array)).toEqual([
      0, 100, 200, 300, 300, 300,
    ]);
    expect(result.metrics['adSpend']).toBe(3);
  });

  it('runCampaign charges influencer fees by tier and books revenue at the price', () => {
    const network = networkOf(
      4,
      [
        [0, 3],
        [1, 3],
        [2, 3],
      ],
      true,
      [1, 3, 0, 0],
    );
    const campaign: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: 1, shareability: 0, conversion: 1 }],
      // Every tier engages alike here, so person 3 surely buys from the first post they see.
      tierEngagement: { micro: 1, macro: 1, mega: 1 },
      economics: { price: 40, fixedCost: 5, influencerFees: { nano: 1, micro: 10, macro: 100, mega: 1000 } },
    };
    const m = run(network, campaign, [0, 1, 2]).metrics;
    expect(m['influencerFees']).toBe(1011);
    expect(m['cost']).toBe(1016);
    expect(m['conversions']).toBe(1);
    expect(m['revenue']).toBe(40);
    expect(m['roi']).toBeCloseTo((40 - 1016) / 1016, 12);
  });

  it('runCampaign reports goalHit 1 when the goal is met by its day and 0 otherwise', () => {
    const base: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ day: 3, appeal: 1, shareability: 1, noveltyHalfLife: 1e9 }],
    };
    const path = directedPath(6);
    expect(
      run(path, { ...base, goal: { metric: 'reach', atLeast: 3, byDay: 5 } }, [0]).metrics['goalHit'],
    ).toBe(1);
    expect(
      run(path, { ...base, goal: { metric: 'reach', atLeast: 3, byDay: 4 } }, [0]).metrics['goalHit'],
    ).toBe(0);
    expect(run(path, base, [0]).metrics['goalHit']).toBeNaN();
  });

  it('runCampaign credits referral conversions to the sharer, whose customer value includes them', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: 1, shareability: 1, conversion: 1, noveltyHalfLife: 1e9 }],
      economics: { price: 10, influencerFees: { nano: 0 } },
    };
    // Influencer 0 posts; 1 buys from the sponsored post (direct) and shares; 2 buys from 1's share.
    const result = run(directedPath(3), campaign, [0]);
    const m = result.metrics;
    expect(m['directConversions']).toBe(1);
    expect(m['referralConversions']).toBe(1);
    expect(Array.from(result.referrals)).toEqual([0, 1, 0]);
    expect(m['customerValue']).toBe(15);
    expect(m['indirectValue']).toBe(5);
  });

  it('runCampaign sees a campaign edited in place between runs (the preparation cache is keyed by value)', () => {
    const network = star(10);
    const campaign = { ...QUIET, platform: CERTAIN_FEED, posts: [{ appeal: 0, noveltyHalfLife: 1e9 }] };
    expect(run(network, campaign, [0]).metrics['engagements']).toBe(0);
    (campaign.posts[0] as { appeal: number }).appeal = 1;
    expect(run(network, campaign, [0]).metrics['engagements']).toBe(10);
  });

  it('runCampaign without the series gives the same metrics and an empty series', () => {
    const network = star(30);
    const campaign = { ...QUIET, platform: CERTAIN_FEED, posts: [{ appeal: 0.6, shareability: 0.5 }] };
    const full = run(network, campaign, [0], { horizon: 20 });
    const lean = run(network, campaign, [0], { horizon: 20, shouldKeepSeries: false });
    expect(full.series.time.length).toBe(20);
    expect(full.metrics['engagements']).toBeGreaterThan(0);
    expect(lean.metrics).toEqual(full.metrics);
    expect(lean.series.time.length).toBe(0);
    expect(Object.keys(lean.series.columns)).toEqual([]);
  });

  it('runCampaign metrics carry every name issue 4 lists', () => {
    const m = run(star(3), { ...QUIET }, []).metrics;
    for (const name of ISSUE_METRICS) expect(Object.keys(m)).toContain(name);
    expect(m['shareOfVoice']).toBe(1);
    expect(m['responseTime']).toBe(0);
  });
});

describe('runCampaign trace file', () => {
  it('runCampaign trace survives serializeTrace and parseTrace and still recomputes the counters', () => {
    const campaign: CampaignSpec = {
      platform: { feedReach: 0.8 },
      posts: [{ appeal: 0.6, shareability: 0.6, conversion: 0.3 }],
      ads: { budget: 1, cpm: 10 },
      followers: 0.5,
      advocacy: 0.5,
      advocacyDelayDays: 1,
      economics: { influencerFees: { nano: 0 } },
      crisis: { startDay: 1, seeding: { strategy: 'nodes', nodes: [5] }, appeal: 0.8, responseBudget: 0.5 },
    };
    const result = run(star(12), campaign, [0], { crisisSeeds: [5] });
    const trace = result.trace;
    if (trace === null) throw new Error('expected a trace');
    const text = serializeTrace(trace, {
      model: 'campaign',
      stateNames: result.stateNames,
      nodeCount: 13,
      ids: null,
      seeds: [0],
      seed: 1,
      run: 0,
      scenario: null,
      audience: null,
    });
    const parsed = parseTrace(text, 'trace.json');
    expect(parsed.trace.kindNames).toEqual(trace.kindNames);
    expect(recount(parsed.trace)).toEqual(recount(trace));
    expect(recount(trace)['impressions']).toBe(result.metrics['impressions']);
    expect(result.metrics['claimReach']).toBeGreaterThan(0);
  });
});

describe('runCampaign with a crisis', () => {
  const crisisFeed = { ...CERTAIN_FEED } as const;
  const crisisCampaign = (responseDelay: number): CampaignSpec => ({
    ...QUIET,
    followers: 1,
    platform: crisisFeed,
    posts: [{ appeal: 0 }],
    crisis: {
      startDay: 0,
      seeding: { strategy: 'nodes', nodes: [0] },
      appeal: 1,
      shareability: 1,
      noveltyHalfLife: 1e9,
      responseDelay,
      correctionAppeal: 1,
      correctionEffect: 1,
      correctionShareability: 0,
    },
  });

  it('runCampaign answering at 36 h wins back the three believers and stops the claim at person 3', () => {
    const result = run(directedPath(5), crisisCampaign(36), [], { crisisSeeds: [0], horizon: 10 });
    const m = result.metrics;
    expect(m['claimReach']).toBe(4);
    expect(m['wonBack']).toBe(3);
    expect(m['protected']).toBe(2);
    expect(m['believers']).toBe(0);
    expect(m['claimMentions']).toBe(3);
    expect(m['responseTime']).toBe(36);
    expect(m['shareOfVoice']).toBe(0);
    expect(m['correctionReach']).toBe(5);
  });

  it('runCampaign answering after the claim has run its course lets it reach everyone, then wins them back', () => {
    const m = run(directedPath(5), crisisCampaign(150), [], { crisisSeeds: [0], horizon: 10 }).metrics;
    expect(m['claimReach']).toBe(5);
    expect(m['claimMentions']).toBe(5);
    expect(m['wonBack']).toBe(5);
    expect(m['believers']).toBe(0);
    const never = run(directedPath(5), crisisCampaign(1000), [], { crisisSeeds: [0], horizon: 10 }).metrics;
    expect(never['believers']).toBe(5);
  });

  it('runCampaign reports responseTime NaN when the response falls after the horizon', () => {
    const m = run(directedPath(5), crisisCampaign(1000), [], { crisisSeeds: [0], horizon: 10 }).metrics;
    expect(m['responseTime']).toBeNaN();
  });

  it('runCampaign with claimImpact 1 stops believers from buying', () => {
    const network = networkOf(4, [], true);
    const campaign = (claimImpact: number): CampaignSpec => ({
      ...crisisCampaign(1000),
      posts: [{ day: 1, appeal: 1, conversion: 1, noveltyHalfLife: 1e9 }],
      crisis: { ...(crisisCampaign(1000).crisis as NonNullable<CampaignSpec['crisis']>), claimImpact },
    });
    const everyone = [0, 1, 2, 3];
    expect(run(network, campaign(1), [], { crisisSeeds: everyone }).metrics['conversions']).toBe(0);
    expect(run(network, campaign(0), [], { crisisSeeds: everyone }).metrics['conversions']).toBe(4);
  });
});

describe('runCampaign bad input', () => {
  it('runCampaign with a crisis but no crisisSeeds throws an OptionsError naming crisisSeeds', () => {
    const campaign: CampaignSpec = { crisis: { startDay: 1, seeding: { strategy: 'random', count: 1 } } };
    expect(() => run(star(3), campaign, [])).toThrow(OptionsError);
    expect(() => run(star(3), campaign, [])).toThrow(/crisisSeeds/);
  });

  it('runCampaign with a goal day beyond the horizon throws a ScenarioError naming goal.byDay', () => {
    const campaign: CampaignSpec = { goal: { atLeast: 1, byDay: 40 } };
    expect(() => run(star(3), campaign, [], { horizon: 30 })).toThrow(ScenarioError);
    expect(() => run(star(3), campaign, [], { horizon: 30 })).toThrow(/campaign\.goal\.byDay/);
  });

  it('runCampaign with an unknown segment throws a ScenarioError listing the known ones', () => {
    const network = star(3);
    network.attributes.columns.segment = { codes: new Uint8Array(4), names: ['young', 'family'] };
    const campaign: CampaignSpec = { segments: { yuong: { receptivity: 2 } } };
    expect(() => run(network, campaign, [])).toThrow(ScenarioError);
    expect(() => run(network, campaign, [])).toThrow(/unknown segment "yuong", known: "young", "family"/);
  });

  it('runCampaign with seeds and fees on a network without tiers throws a ScenarioError naming the fees', () => {
    const network = star(3);
    delete network.attributes.columns.tier;
    expect(() => run(network, {}, [0])).toThrow(/campaign\.economics\.influencerFees/);
  });

  it('runCampaign with a horizon of 0 throws an OptionsError', () => {
    expect(() => run(star(3), {}, [], { horizon: 0 })).toThrow(OptionsError);
  });
});
