/**
 * Engagement by the poster's tier (`tierEngagement`): the multipliers resolve per person, act
 * exactly on influencers' sponsored posts (and on shares and recommendations only with scope
 * all-posts), and, over many views, a micro-influencer's post engages at a higher rate than a
 * mega-influencer's at equal impressions, each at the rate the defaults specify.
 */
import { describe, expect, it } from 'vitest';
import { prepareCampaign } from '../../engine/campaign/prepare.js';
import { type CampaignSpec, TIER_ENGAGEMENT_DEFAULTS, validateCampaign } from '../../engine/campaign/spec.js';
import { ScenarioError } from '../../engine/errors.js';
import { networkOf, QUIET, run } from './helpers.js';

/** Tier codes of the helpers' tier column. */
const NANO = 0;
const MICRO = 1;
const MEGA = 3;

const CERTAIN_FEED = { feedReach: 1, ownedReach: 1, meanDelayHours: 24, delay: 'fixed' } as const;

/** A directed star: hub 0 (of tier `hubTier`) is followed by people 1..leaves, all nano. */
function star(leaves: number, hubTier: number) {
  const edges: [number, number][] = [];
  for (let v = 1; v <= leaves; v++) edges.push([0, v]);
  return networkOf(leaves + 1, edges, true, [hubTier, ...new Array(leaves).fill(NANO)]);
}

/** A directed path 0 → 1 → 2 where 0 is a nano influencer and 1 is a mega person. */
function nanoMegaPath() {
  return networkOf(
    3,
    [
      [0, 1],
      [1, 2],
    ],
    true,
    [NANO, MEGA, NANO],
  );
}

describe('tierEngagement', () => {
  it('validateCampaign fills tierEngagement from Markerly-derived defaults with nano as the anchor', () => {
    const campaign = validateCampaign({ tierEngagement: { mega: 0.3 } });
    expect(campaign.tierEngagement).toEqual({ ...TIER_ENGAGEMENT_DEFAULTS, mega: 0.3 });
    expect(TIER_ENGAGEMENT_DEFAULTS).toEqual({
      nano: 1,
      micro: 0.59,
      macro: 0.43,
      mega: 0.42,
      scope: 'influencer-posts',
    });
    expect(() => validateCampaign({ tierEngagement: { micro: 11 } })).toThrow(
      /campaign\.tierEngagement\.micro: expected a number <= 10, got 11/,
    );
    expect(() => validateCampaign({ tierEngagement: { scope: 'shares' } })).toThrow(
      /campaign\.tierEngagement\.scope/,
    );
  });

  it('prepareCampaign resolves each person’s multiplier from their tier, and none when all are 1', () => {
    const network = networkOf(5, [], true, [0, 1, 2, 3, 1]);
    const prepared = prepareCampaign(network, { tierEngagement: { macro: 0.5 } }, null);
    expect(Array.from(prepared.posterEngagement ?? [])).toEqual([1, 0.59, 0.5, 0.42, 0.59]);
    expect(prepared.isTierEngagementOnAllPosts).toBe(false);
    const flat = prepareCampaign(network, { tierEngagement: { micro: 1, macro: 1, mega: 1 } }, null);
    expect(flat.posterEngagement).toBeNull();
  });

  it('runCampaign with tierEngagement mega 0 gives a mega influencer’s post impressions but no engagements', () => {
    const campaign = (mega: number): CampaignSpec => ({
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: 1, shareability: 0, conversion: 1, noveltyHalfLife: 1e9 }],
      tierEngagement: { micro: 1, mega },
      economics: { influencerFees: { mega: 0 } },
    });
    const silenced = run(star(10, MEGA), campaign(0), [0]).metrics;
    expect(silenced['influencerImpressions']).toBe(10);
    expect(silenced['engagements']).toBe(0);
    expect(silenced['conversions']).toBe(0);
    const full = run(star(10, MEGA), campaign(1), [0]).metrics;
    expect(full['influencerImpressions']).toBe(10);
    expect(full['engagements']).toBe(10);
    // The multiplier is the poster's: the same campaign through a micro hub (micro 1) is untouched.
    expect(run(star(10, MICRO), campaign(0), [0]).metrics['engagements']).toBe(10);
  });

  it('runCampaign scales a mega person’s share and recommendation only with scope all-posts', () => {
    // 0 (nano) posts; 1 (mega) engages, buys, shares at once and recommends a day later; 2 sees both.
    const campaign = (scope: 'influencer-posts' | 'all-posts', shareability: number): CampaignSpec => ({
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: 1, shareability, conversion: shareability === 1 ? 0 : 1, noveltyHalfLife: 1e9 }],
      advocacy: 1,
      advocacyDelayDays: 1,
      recommendation: { appeal: 1, conversion: 0 },
      tierEngagement: { mega: 0, scope },
      economics: { influencerFees: { nano: 0 } },
    });
    const share = (scope: 'influencer-posts' | 'all-posts') =>
      run(nanoMegaPath(), campaign(scope, 1), [0], { horizon: 10 }).metrics;
    expect(share('influencer-posts')['earnedImpressions']).toBe(1);
    expect(share('influencer-posts')['earnedEngagements']).toBe(1);
    expect(share('all-posts')['earnedImpressions']).toBe(1);
    expect(share('all-posts')['earnedEngagements']).toBe(0);
    const recommend = (scope: 'influencer-posts' | 'all-posts') =>
      run(nanoMegaPath(), campaign(scope, 0), [0], { horizon: 10 }).metrics;
    expect(recommend('influencer-posts')['advocates']).toBe(1);
    expect(recommend('influencer-posts')['earnedEngagements']).toBe(1);
    expect(recommend('all-posts')['earnedImpressions']).toBe(1);
    expect(recommend('all-posts')['earnedEngagements']).toBe(0);
  });

  it('runCampaign on a network without tiers refuses an explicit tierEngagement, naming it', () => {
    const network = star(3, NANO);
    delete network.attributes.columns.tier;
    const campaign: CampaignSpec = { ...QUIET, tierEngagement: { micro: 0.5 } };
    expect(() => run(network, campaign, [])).toThrow(ScenarioError);
    expect(() => run(network, campaign, [])).toThrow(/campaign\.tierEngagement: the network has no tier/);
    expect(run(network, { ...QUIET }, []).metrics['engagements']).toBe(0);
  });
});

/** Followers of each hub: every follower sees the hub's one post once (feedReach 1). */
const LEAVES = 500;
/** Runs: pooled views per tier = RUNS · LEAVES = 10,000, so each rate has a standard error ≈ 0.003. */
const RUNS = 20;
/** The post's appeal: expected rates APPEAL · 0.59 = 0.118 (micro) and APPEAL · 0.42 = 0.084 (mega). */
const APPEAL = 0.2;
/** Standard errors tolerated (a 4σ band fails by chance about 6e-5 of the time). */
const TOLERATED_SE = 4;

describe('tierEngagement behaviour', () => {
  it('runCampaign at equal impressions engages a micro-influencer’s followers at a higher rate than a mega-influencer’s', () => {
    // Hub 0 (micro) and hub 1 (mega) each have LEAVES followers of their own, all nano.
    const edges: [number, number][] = [];
    for (let i = 0; i < LEAVES; i++) {
      edges.push([0, 2 + i]);
      edges.push([1, 2 + LEAVES + i]);
    }
    const tiers = [MICRO, MEGA, ...new Array(2 * LEAVES).fill(NANO)];
    const network = networkOf(2 + 2 * LEAVES, edges, true, tiers);
    const campaign: CampaignSpec = {
      ...QUIET,
      platform: CERTAIN_FEED,
      posts: [{ appeal: APPEAL, shareability: 0, conversion: 0, noveltyHalfLife: 1e9 }],
      economics: { influencerFees: { micro: 0, mega: 0 } },
    };
    const views = [0, 0];
    const engagements = [0, 0];
    for (let r = 0; r < RUNS; r++) {
      const trace = run(network, campaign, [0, 1], { seed: 17, run: r, horizon: 3 }).trace;
      if (trace === null) throw new Error('expected a trace');
      const impression = trace.kindNames.indexOf('impression');
      const engagementKinds = new Set(['like', 'comment', 'click'].map((k) => trace.kindNames.indexOf(k)));
      for (let i = 0; i < trace.length; i++) {
        const source = trace.source[i] as number;
        if (source !== 0 && source !== 1) continue;
        const kind = trace.kind[i] as number;
        if (kind === impression) views[source] = (views[source] as number) + 1;
        else if (engagementKinds.has(kind)) engagements[source] = (engagements[source] as number) + 1;
      }
    }
    expect(views).toEqual([RUNS * LEAVES, RUNS * LEAVES]);
    const rate = engagements.map((e) => e / (RUNS * LEAVES));
    const expected = [APPEAL * TIER_ENGAGEMENT_DEFAULTS.micro, APPEAL * TIER_ENGAGEMENT_DEFAULTS.mega];
    const se = expected.map((p) => Math.sqrt((p * (1 - p)) / (RUNS * LEAVES)));
    for (const k of [0, 1]) {
      expect(Math.abs((rate[k] as number) - (expected[k] as number))).toBeLessThan(
        TOLERATED_SE * (se[k] as number),
      );
    }
    const seDifference = Math.hypot(se[0] as number, se[1] as number);
    expect((rate[0] as number) - (rate[1] as number)).toBeGreaterThan(TOLERATED_SE * seDifference);
  });
});
