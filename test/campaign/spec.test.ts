/**
 * The campaign spec: defaults, presets with overrides, and every bad input reported with its path.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_DEFAULTS } from '../../engine/campaign/platforms.js';
import { CAMPAIGN_DEFAULTS, resolveCampaign, validateCampaign } from '../../engine/campaign/spec.js';
import { ScenarioError } from '../../engine/errors.js';

describe('validateCampaign', () => {
  it('validateCampaign({}) gives the frozen defaults: one post, a social site, a 2,000 ad budget', () => {
    const campaign = validateCampaign({});
    expect(campaign).toEqual(CAMPAIGN_DEFAULTS);
    expect(Object.isFrozen(campaign)).toBe(true);
    expect(Object.isFrozen(CAMPAIGN_DEFAULTS.ads)).toBe(true);
    expect(campaign.posts).toHaveLength(1);
    expect(campaign.platform).toEqual(PLATFORM_DEFAULTS['social-site']);
    expect(campaign.ads.budget).toBe(2000);
    expect(campaign.crisis).toBeNull();
    expect(campaign.goal).toBeNull();
  });

  it('validateCampaign takes a preset and overrides one of its values', () => {
    const campaign = validateCampaign({ platform: { preset: 'microblog', feedReach: 0.5 } });
    expect(campaign.platform).toEqual({ ...PLATFORM_DEFAULTS.microblog, feedReach: 0.5 });
  });

  it('validateCampaign fills each post and crisis field it is not given', () => {
    const campaign = validateCampaign({
      posts: [{ day: 3, appeal: 0.2, mix: { likes: 1 } }],
      crisis: { startDay: 4, seeding: { strategy: 'random', count: 3 }, responseDelay: 2 },
      goal: { atLeast: 500 },
    });
    expect(campaign.posts[0]).toEqual({
      day: 3,
      appeal: 0.2,
      shareability: 0.1,
      conversion: 0.05,
      noveltyHalfLife: 3,
      mix: { likes: 1, comments: 0.1, clicks: 0.2 },
    });
    expect(campaign.crisis?.responseDelay).toBe(2);
    expect(campaign.crisis?.claimImpact).toBe(0.5);
    expect(campaign.goal).toEqual({ metric: 'conversions', atLeast: 500, byDay: null });
  });

  it('validateCampaign reports every problem at once with its JSON path', () => {
    const bad = {
      posts: [{ appeal: 1.5, mix: { likes: 0, comments: 0, clicks: 0 } }],
      ads: { cpm: 0, startDay: 5, endDay: 2, post: 3 },
      platfrom: {},
      crisis: { startDay: -1, seeding: { strategy: 'random' } },
    };
    let error: unknown;
    try {
      validateCampaign(bad, 'x.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const text = (error as ScenarioError).problems.join('\n');
    expect(text).toContain('x.json: campaign.posts[0].appeal: expected a number <= 1, got 1.5');
    expect(text).toContain('campaign.ads.cpm: expected a number > 0, got 0');
    expect(text).toContain('campaign.platfrom: unknown key');
    expect(text).toContain('campaign.crisis.startDay: expected a number >= 0, got -1');
    expect(text).toContain('campaign.crisis.seeding');
  });

  it('validateCampaign checks the cross-field rules: ad days in order, the promoted post exists, a mix with weight', () => {
    let error: unknown;
    try {
      validateCampaign({
        posts: [{ mix: { likes: 0, comments: 0, clicks: 0 } }],
        ads: { startDay: 5, endDay: 2, post: 3 },
      });
    } catch (caught) {
      error = caught;
    }
    const text = (error as ScenarioError).problems.join('\n');
    expect(text).toContain('campaign.ads.endDay: expected a day ≥ ads.startDay (5), got 2');
    expect(text).toContain('campaign.ads.post: expected the index of a post (0..0), got 3');
    expect(text).toContain(
      'campaign.posts[0].mix: expected likes, comments and clicks weights with a positive total',
    );
  });

  it('resolveCampaign leaves the input untouched and gives segments default multipliers of 1', () => {
    const input = { segments: { young: { receptivity: 2 } } };
    const campaign = resolveCampaign(input);
    expect(campaign.segments).toEqual({ young: { receptivity: 2, conversion: 1 } });
    expect(input).toEqual({ segments: { young: { receptivity: 2 } } });
  });
});
