/**
 * The campaign spec: the scenario's top-level `campaign` key (the model object is just
 * `{ "type": "campaign" }`). One zod schema gives the type, the validator and the JSON Schema; every
 * number states its unit and range in `.describe()`. Every field is optional in the file:
 * {@link resolveCampaign} fills the gaps from {@link CAMPAIGN_DEFAULTS} (defaults for a mid-size brand)
 * and from the chosen platform preset, giving a {@link ResolvedCampaign} the kernel reads.
 *
 * The set of four (STYLE.md): {@link ResolvedCampaign} (the complete type), {@link CAMPAIGN_DEFAULTS}
 * (frozen) and {@link resolveCampaign} (partial → complete), in resolve.ts and re-exported here, and
 * {@link validateCampaign} (throws a ScenarioError naming every problem).
 */
import * as z from 'zod';
import { audienceFilterSchema } from '../network/audience-spec.js';
import { parseWith } from '../scenario/problems.js';
import { seedingSpecSchema } from '../seeding/spec.js';
import { DELAY_DISTRIBUTIONS, PLATFORM_PRESETS } from './platforms.js';
import { POST_DEFAULTS, type ResolvedCampaign, resolveCampaign, TIER_ENGAGEMENT_SCOPES } from './resolve.js';

export {
  CAMPAIGN_DEFAULTS,
  CRISIS_DEFAULTS,
  INFLUENCER_TIERS,
  POST_DEFAULTS,
  type ResolvedCampaign,
  type ResolvedCrisis,
  type ResolvedPost,
  resolveCampaign,
  TIER_ENGAGEMENT_DEFAULTS,
  TIER_ENGAGEMENT_SCOPES,
  type TierEngagement,
  type TierEngagementScope,
  type TierTable,
} from './resolve.js';

const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const day = z.number().int().min(0);

/** Metrics a goal can be set on (cumulative counts, money, or roi). */
export const GOAL_METRICS = [
  'conversions',
  'reach',
  'impressions',
  'engagements',
  'shares',
  'revenue',
  'referralConversions',
  'earnedImpressions',
  'advocates',
  'roi',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

const mixSchema = z
  .strictObject({
    likes: nonNegative.optional().describe('Relative weight of likes among engagements (≥ 0). Default 0.7.'),
    comments: nonNegative.optional().describe('Relative weight of comments (≥ 0). Default 0.1.'),
    clicks: nonNegative.optional().describe('Relative weight of clicks (≥ 0). Default 0.2.'),
  })
  .describe('How engagements split into likes, comments and clicks; weights are normalised.');

const postSchema = z
  .strictObject({
    day: day.optional().describe('Day the brand publishes the post (whole days from 0). Default 0.'),
    appeal: probability
      .optional()
      .describe('Chance (0–1) that a person engages at first sight of the fresh post. Default 0.05.'),
    shareability: probability
      .optional()
      .describe('Chance (0–1) that a person who engages shares the post with followers. Default 0.1.'),
    conversion: probability
      .optional()
      .describe(
        'Chance (0–1) that a person who engages buys (before trust and segment factors). Default 0.05.',
      ),
    noveltyHalfLife: z
      .number()
      .gt(0)
      .optional()
      .describe('Days over which the appeal halves as the post ages (> 0). Default 3.'),
    mix: mixSchema.optional(),
  })
  .describe('One post on the content calendar.');

const platformSchema = z
  .strictObject({
    preset: z.enum(PLATFORM_PRESETS).optional().describe('Platform preset. Default "social-site".'),
    feedReach: probability
      .optional()
      .describe("Chance (0–1) that a follower sees a person's share or recommendation. Preset value."),
    ownedReach: probability
      .optional()
      .describe('Chance (0–1) that a brand follower sees a brand post (organic reach). Preset value.'),
    meanDelayHours: z
      .number()
      .gt(0)
      .optional()
      .describe('Mean hours from a post to a follower seeing it (> 0). Preset value.'),
    delay: z
      .enum(DELAY_DISTRIBUTIONS)
      .optional()
      .describe('"exponential" waits with that mean, or a "fixed" wait. Default "exponential".'),
  })
  .describe('The platform: a preset plus overrides of its feed-reach and delay assumptions.');

const adsSchema = z
  .strictObject({
    budget: nonNegative.optional().describe('Ad budget, in currency units (≥ 0). Default 2000.'),
    cpm: z
      .number()
      .gt(0)
      .optional()
      .describe('Price per 1,000 ad impressions, in currency units (> 0). Default 10.'),
    dailyImpressions: nonNegative
      .optional()
      .describe(
        'Ad impressions bought per day (≥ 0). Default: the budget spread evenly from startDay to endDay.',
      ),
    audience: audienceFilterSchema.optional().describe('Who the ads target. Default: the campaign audience.'),
    startDay: day.optional().describe('First day ads run (whole days from 0). Default 0.'),
    endDay: day.optional().describe('Last day ads run, inclusive (≥ startDay). Default 29.'),
    post: z.number().int().min(0).optional().describe('Index of the promoted post in `posts`. Default 0.'),
  })
  .describe('Paid media: ads bought as impressions at a CPM within a budget; they stop when it is spent.');

const segmentSchema = z
  .strictObject({
    receptivity: nonNegative
      .optional()
      .describe('Multiplier (≥ 0) on the appeal for this segment. Default 1.'),
    conversion: nonNegative.optional().describe('Multiplier (≥ 0) on the conversion chance. Default 1.'),
  })
  .describe('How one segment differs.');

const crisisSchema = z
  .strictObject({
    startDay: nonNegative.describe('When the false claim starts, in days from 0 (may be fractional).'),
    seeding: seedingSpecSchema.describe('Who posts the claim first.'),
    appeal: probability
      .optional()
      .describe('Chance (0–1) that a person who sees the claim believes it. Default 0.2.'),
    shareability: probability
      .optional()
      .describe('Chance (0–1) that a believer shares the claim. Default 0.3.'),
    noveltyHalfLife: z
      .number()
      .gt(0)
      .optional()
      .describe('Days over which the claim’s appeal halves (> 0). Default 3.'),
    claimImpact: probability
      .optional()
      .describe('Fraction (0–1) by which believing the claim cuts a person’s chance to buy. Default 0.5.'),
    responseDelay: nonNegative
      .optional()
      .describe('Hours from the claim’s start to the brand’s correction (≥ 0). Default 24.'),
    correctionEffect: probability
      .optional()
      .describe(
        'Chance (0–1) that reading the correction wins a believer back (or protects a non-believer). Default 0.5.',
      ),
    correctionAppeal: probability
      .optional()
      .describe('Chance (0–1) that a person who sees the correction reads it. Default 0.3.'),
    correctionShareability: probability
      .optional()
      .describe('Chance (0–1) that a reader shares the correction. Default 0.1.'),
    responseBudget: nonNegative
      .optional()
      .describe(
        'Ad budget for the correction, in currency units (≥ 0), at the ads’ CPM, to everyone. Default 0.',
      ),
    responseDays: z
      .number()
      .gt(0)
      .optional()
      .describe('Days over which the correction budget is spread (> 0). Default 7.'),
  })
  .describe('An optional false claim that competes with the campaign, and the brand’s answer.');

const economicsSchema = z
  .strictObject({
    price: nonNegative.optional().describe('Revenue per conversion, in currency units (≥ 0). Default 50.'),
    influencerFees: z
      .strictObject({
        nano: nonNegative.optional().describe('Fee per seeded nano influencer (currency). Default 100.'),
        micro: nonNegative.optional().describe('Fee per seeded micro influencer (currency). Default 1000.'),
        macro: nonNegative.optional().describe('Fee per seeded macro influencer (currency). Default 5000.'),
        mega: nonNegative.optional().describe('Fee per seeded mega influencer (currency). Default 10000.'),
      })
      .optional()
      .describe('Fee per seeded influencer by tier (the population’s `tier` column).'),
    fixedCost: nonNegative
      .optional()
      .describe('Other costs (production, agency), in currency units. Default 0.'),
  })
  .describe('Revenue and costs.');

const goalSchema = z
  .strictObject({
    metric: z.enum(GOAL_METRICS).optional().describe('The metric the goal is on. Default "conversions".'),
    atLeast: z.number().describe('The value to reach (same unit as the metric).'),
    byDay: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Day by which to reach it (1..horizon). Default: the horizon.'),
  })
  .describe('A goal such as "at least 500 conversions by day 90"; each run reports goalHit 1 or 0.');

const tierMultiplier = z.number().min(0).max(10);

const tierEngagementSchema = z
  .strictObject({
    nano: tierMultiplier
      .optional()
      .describe('Multiplier (0–10) for posts by nano people (everyone below micro). Default 1 (the anchor).'),
    micro: tierMultiplier
      .optional()
      .describe('Multiplier (0–10) for posts by micro influencers. Default 0.59.'),
    macro: tierMultiplier
      .optional()
      .describe('Multiplier (0–10) for posts by macro influencers. Default 0.43.'),
    mega: tierMultiplier
      .optional()
      .describe('Multiplier (0–10) for posts by mega influencers. Default 0.42.'),
    scope: z
      .enum(TIER_ENGAGEMENT_SCOPES)
      .optional()
      .describe(
        '"influencer-posts": the seeded influencers’ sponsored posts only; "all-posts": also every share and recommendation, by the poster’s tier. Default "influencer-posts".',
      ),
  })
  .describe(
    'Multipliers on a viewer’s chance to engage with a post by a person of each tier (never ads or brand posts): engagement rate falls as follower count grows (Markerly 2016 like rates 4%, 2.37%, 1.7%, 1.66% for 1k–10k, 10k–100k, 100k–1M, 1M+ followers, over nano).',
  );

const campaignObjectSchema = z.strictObject({
  platform: platformSchema.optional(),
  posts: z
    .array(postSchema)
    .min(1)
    .max(64)
    .optional()
    .describe('The content calendar. Default: one post on day 0.'),
  fatigue: z
    .number()
    .min(0)
    .lt(1)
    .optional()
    .describe(
      'Each earlier view of the same post multiplies the chance to engage by (1 − fatigue); 0–1. Default 0.3.',
    ),
  followers: probability
    .optional()
    .describe('Share (0–1) of the target audience who follow the brand (owned media). Default 0.02.'),
  ads: adsSchema.optional(),
  tierEngagement: tierEngagementSchema.optional(),
  peerTrust: nonNegative
    .optional()
    .describe(
      'Multiplier (≥ 0) on the conversion chance when the view came from a peer (earned). Default 2.',
    ),
  advocacy: probability
    .optional()
    .describe('Chance (0–1) that a customer becomes an advocate and recommends the product. Default 0.1.'),
  advocacyDelayDays: nonNegative
    .optional()
    .describe('Days (≥ 0) from a purchase to the recommendation. Default 7.'),
  recommendation: z
    .strictObject({
      appeal: probability.optional().describe('Chance (0–1) that a recommendation is acted on. Default 0.3.'),
      conversion: probability
        .optional()
        .describe('Chance (0–1) that acting on it leads to a purchase, before peerTrust. Default 0.05.'),
    })
    .optional()
    .describe('What an advocate’s recommendation does.'),
  segments: z
    .record(z.string().min(1), segmentSchema)
    .optional()
    .describe('Per-segment receptivity and conversion multipliers, by segment name.'),
  audience: audienceFilterSchema.optional().describe('The target audience. Default: everyone.'),
  crisis: crisisSchema.optional(),
  economics: economicsSchema.optional(),
  goal: goalSchema.optional(),
});

/** The scenario's `campaign` object: every field optional, cross-field rules included. */
export const campaignSpecSchema = campaignObjectSchema
  .superRefine(checkCampaign)
  .describe('The marketing campaign: content, channels, platform, economics, goal and an optional crisis.');

/** A campaign as validated (fields may be missing). */
export type CampaignSpec = z.output<typeof campaignObjectSchema>;

/**
 * Cross-field rules the schema alone cannot state: `ads.endDay ≥ ads.startDay`, `ads.post` names a
 * post, every post's engagement mix has a positive total. Issues are added to `ctx` with their paths.
 */
function checkCampaign(spec: CampaignSpec, ctx: z.RefinementCtx<CampaignSpec>): void {
  const ads = spec.ads;
  const postCount = spec.posts?.length ?? 1;
  if (ads?.startDay !== undefined && ads.endDay !== undefined && ads.endDay < ads.startDay) {
    ctx.addIssue({
      code: 'custom',
      path: ['ads', 'endDay'],
      message: `expected a day ≥ ads.startDay (${ads.startDay}), got ${ads.endDay}`,
    });
  }
  if (ads?.post !== undefined && ads.post >= postCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['ads', 'post'],
      message: `expected the index of a post (0..${postCount - 1}), got ${ads.post}`,
    });
  }
  spec.posts?.forEach((post, i) => {
    const mix = { ...POST_DEFAULTS.mix, ...post.mix };
    if (!(mix.likes + mix.comments + mix.clicks > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['posts', i, 'mix'],
        message: 'expected likes, comments and clicks weights with a positive total, got 0',
      });
    }
  });
}

/**
 * Validates a raw `campaign` object and resolves it. Throws a ScenarioError listing every problem as
 * `place: campaign.path: expected …, got …` (`prefix` is the path of the object in the scenario).
 */
export function validateCampaign(
  input: unknown,
  place = 'campaign spec',
  prefix: readonly PropertyKey[] = ['campaign'],
): ResolvedCampaign {
  return resolveCampaign(parseWith(campaignSpecSchema, input, place, prefix));
}
