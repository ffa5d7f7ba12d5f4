/**
 * The complete campaign: the {@link ResolvedCampaign} type the kernel reads, the frozen defaults (a
 * mid-size brand on a social site) and {@link resolveCampaign}, which fills every field a validated
 * {@link CampaignSpec} leaves out from the defaults and the platform preset. Part of the spec's set of
 * four (STYLE.md); the schema and the validator live in spec.ts.
 */
import type { AudienceFilter } from '../network/audience.js';
import type { SeedingSpec } from '../seeding/spec.js';
import { PLATFORM_DEFAULTS, type Platform } from './platforms.js';
import type { CampaignSpec, GoalMetric } from './spec.js';

/** Influencer tiers, as named by the population's `tier` column. */
export const INFLUENCER_TIERS = ['nano', 'micro', 'macro', 'mega'] as const;

/** One number per influencer tier. */
export interface TierTable {
  readonly nano: number;
  readonly micro: number;
  readonly macro: number;
  readonly mega: number;
}

/** Which posts by people the tier engagement multipliers scale. */
export const TIER_ENGAGEMENT_SCOPES = ['influencer-posts', 'all-posts'] as const;
export type TierEngagementScope = (typeof TIER_ENGAGEMENT_SCOPES)[number];

/** Engagement multipliers by the poster's tier, and the posts they apply to. */
export interface TierEngagement extends TierTable {
  /**
   * `influencer-posts`: only the seeded influencers' sponsored posts; `all-posts`: also every share
   * and recommendation, by the sharer's or recommender's tier.
   */
  readonly scope: TierEngagementScope;
}

/**
 * Default engagement multipliers by the poster's tier: Markerly's 2016 Instagram like rates by
 * follower count (1k–10k: 4%, 10k–100k: 2.37%, 100k–1M: about 1.7%, 1M–10M: 1.66%), each over the
 * nano rate, so nano = 1 is the anchor: `appeal` stays the chance to engage with a post by the brand
 * or an ordinary person. By default they scale the seeded influencers' sponsored posts only, so the
 * calibration of ordinary word of mouth (shares, recommendations) is untouched.
 */
export const TIER_ENGAGEMENT_DEFAULTS: TierEngagement = Object.freeze({
  nano: 1,
  micro: 0.59,
  macro: 0.43,
  mega: 0.42,
  scope: 'influencer-posts',
});

/** A complete post. */
export interface ResolvedPost {
  readonly day: number;
  readonly appeal: number;
  readonly shareability: number;
  readonly conversion: number;
  readonly noveltyHalfLife: number;
  readonly mix: { readonly likes: number; readonly comments: number; readonly clicks: number };
}

/** A complete crisis. */
export interface ResolvedCrisis {
  readonly startDay: number;
  readonly seeding: SeedingSpec;
  readonly appeal: number;
  readonly shareability: number;
  readonly noveltyHalfLife: number;
  readonly claimImpact: number;
  readonly responseDelay: number;
  readonly correctionEffect: number;
  readonly correctionAppeal: number;
  readonly correctionShareability: number;
  readonly responseBudget: number;
  readonly responseDays: number;
}

/** A complete campaign: what the kernel reads. */
export interface ResolvedCampaign {
  readonly platform: Platform;
  readonly posts: readonly ResolvedPost[];
  readonly fatigue: number;
  readonly followers: number;
  readonly ads: {
    readonly budget: number;
    readonly cpm: number;
    /** null: spread the budget evenly over the flight. */
    readonly dailyImpressions: number | null;
    /** null: the campaign audience. */
    readonly audience: AudienceFilter | null;
    readonly startDay: number;
    readonly endDay: number;
    readonly post: number;
  };
  /** Engagement multiplier by the poster's tier, for the posts its scope names. */
  readonly tierEngagement: TierEngagement;
  readonly peerTrust: number;
  readonly advocacy: number;
  readonly advocacyDelayDays: number;
  readonly recommendation: { readonly appeal: number; readonly conversion: number };
  readonly segments: Readonly<Record<string, { readonly receptivity: number; readonly conversion: number }>>;
  readonly audience: AudienceFilter | null;
  readonly crisis: ResolvedCrisis | null;
  readonly economics: {
    readonly price: number;
    readonly influencerFees: TierTable;
    readonly fixedCost: number;
  };
  /** null: no goal (goalHit is NaN). `byDay` null: the horizon. */
  readonly goal: {
    readonly metric: GoalMetric;
    readonly atLeast: number;
    readonly byDay: number | null;
  } | null;
}

/** Defaults for one post. */
export const POST_DEFAULTS: ResolvedPost = Object.freeze({
  day: 0,
  appeal: 0.05,
  shareability: 0.1,
  conversion: 0.05,
  noveltyHalfLife: 3,
  mix: Object.freeze({ likes: 0.7, comments: 0.1, clicks: 0.2 }),
});

/** Defaults for the crisis fields that have one (`startDay` and `seeding` are required). */
export const CRISIS_DEFAULTS = Object.freeze({
  appeal: 0.2,
  shareability: 0.3,
  noveltyHalfLife: 3,
  claimImpact: 0.5,
  responseDelay: 24,
  correctionEffect: 0.5,
  correctionAppeal: 0.3,
  correctionShareability: 0.1,
  responseBudget: 0,
  responseDays: 7,
});

/** The defaults: a mid-size brand on a social site, one post, a small ad flight, no crisis. */
export const CAMPAIGN_DEFAULTS: ResolvedCampaign = Object.freeze({
  platform: PLATFORM_DEFAULTS['social-site'],
  posts: Object.freeze([POST_DEFAULTS]),
  fatigue: 0.3,
  followers: 0.02,
  ads: Object.freeze({
    budget: 2000,
    cpm: 10,
    dailyImpressions: null,
    audience: null,
    startDay: 0,
    endDay: 29,
    post: 0,
  }),
  tierEngagement: TIER_ENGAGEMENT_DEFAULTS,
  peerTrust: 2,
  advocacy: 0.1,
  advocacyDelayDays: 7,
  recommendation: Object.freeze({ appeal: 0.3, conversion: 0.05 }),
  segments: Object.freeze({}),
  audience: null,
  crisis: null,
  economics: Object.freeze({
    price: 50,
    influencerFees: Object.freeze({ nano: 100, micro: 1000, macro: 5000, mega: 10000 }),
    fixedCost: 0,
  }),
  goal: null,
});

/** The fields of `object` that are not undefined (a spread then keeps the defaults for the others). */
function definedFields<T extends object>(object: T | undefined): Partial<T> {
  if (object === undefined) return {};
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function resolvePost(post: NonNullable<CampaignSpec['posts']>[number]): ResolvedPost {
  const d = POST_DEFAULTS;
  const mix = post.mix ?? {};
  return Object.freeze({
    day: post.day ?? d.day,
    appeal: post.appeal ?? d.appeal,
    shareability: post.shareability ?? d.shareability,
    conversion: post.conversion ?? d.conversion,
    noveltyHalfLife: post.noveltyHalfLife ?? d.noveltyHalfLife,
    mix: Object.freeze({
      likes: mix.likes ?? d.mix.likes,
      comments: mix.comments ?? d.mix.comments,
      clicks: mix.clicks ?? d.mix.clicks,
    }),
  });
}

/**
 * Fills every missing field of a validated campaign from {@link CAMPAIGN_DEFAULTS} and the platform
 * preset. Returns a new frozen object; does not check cross-field rules (see {@link validateCampaign}).
 */
export function resolveCampaign(spec: CampaignSpec): ResolvedCampaign {
  const d = CAMPAIGN_DEFAULTS;
  const preset = PLATFORM_DEFAULTS[spec.platform?.preset ?? d.platform.preset];
  const p = spec.platform ?? {};
  const ads = spec.ads ?? {};
  const econ = spec.economics ?? {};
  const fees = econ.influencerFees ?? {};
  const crisis = spec.crisis;
  const segments: Record<string, { receptivity: number; conversion: number }> = {};
  for (const [name, segment] of Object.entries(spec.segments ?? {})) {
    segments[name] = Object.freeze({
      receptivity: segment.receptivity ?? 1,
      conversion: segment.conversion ?? 1,
    });
  }
  return Object.freeze({
    platform: Object.freeze({
      preset: preset.preset,
      feedReach: p.feedReach ?? preset.feedReach,
      ownedReach: p.ownedReach ?? preset.ownedReach,
      meanDelayHours: p.meanDelayHours ?? preset.meanDelayHours,
      delay: p.delay ?? preset.delay,
    }),
    posts: Object.freeze((spec.posts ?? [{}]).map(resolvePost)),
    fatigue: spec.fatigue ?? d.fatigue,
    followers: spec.followers ?? d.followers,
    ads: Object.freeze({
      budget: ads.budget ?? d.ads.budget,
      cpm: ads.cpm ?? d.ads.cpm,
      dailyImpressions: ads.dailyImpressions ?? null,
      audience: ads.audience ?? null,
      startDay: ads.startDay ?? d.ads.startDay,
      endDay: ads.endDay ?? d.ads.endDay,
      post: ads.post ?? d.ads.post,
    }),
    tierEngagement: Object.freeze({ ...d.tierEngagement, ...definedFields(spec.tierEngagement) }),
    peerTrust: spec.peerTrust ?? d.peerTrust,
    advocacy: spec.advocacy ?? d.advocacy,
    advocacyDelayDays: spec.advocacyDelayDays ?? d.advocacyDelayDays,
    recommendation: Object.freeze({
      appeal: spec.recommendation?.appeal ?? d.recommendation.appeal,
      conversion: spec.recommendation?.conversion ?? d.recommendation.conversion,
    }),
    segments: Object.freeze(segments),
    audience: spec.audience ?? null,
    crisis:
      crisis === undefined
        ? null
        : Object.freeze({
            ...CRISIS_DEFAULTS,
            ...Object.fromEntries(Object.entries(crisis).filter(([, v]) => v !== undefined)),
          } as ResolvedCrisis),
    economics: Object.freeze({
      price: econ.price ?? d.economics.price,
      influencerFees: Object.freeze({
        nano: fees.nano ?? d.economics.influencerFees.nano,
        micro: fees.micro ?? d.economics.influencerFees.micro,
        macro: fees.macro ?? d.economics.influencerFees.macro,
        mega: fees.mega ?? d.economics.influencerFees.mega,
      }),
      fixedCost: econ.fixedCost ?? d.economics.fixedCost,
    }),
    goal:
      spec.goal === undefined
        ? null
        : Object.freeze({
            metric: spec.goal.metric ?? 'conversions',
            atLeast: spec.goal.atLeast,
            byDay: spec.goal.byDay ?? null,
          }),
  });
}
