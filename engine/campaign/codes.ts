/**
 * The small integer codes of the campaign model: funnel stages, channels, content items, trace event
 * kinds, queued event kinds and counter slots. Strings never appear in the kernel; these tables name
 * the codes for results, traces and documentation.
 *
 * Invariants: a funnel stage only rises (a person's stage is the furthest stage reached); the trace
 * kinds 0..4 are named like the stages 1..5, so a trace replays the funnel (see trace.ts).
 */

/** Funnel stages, in order; a person's state is the furthest stage they reached. */
export const STAGE = { unaware: 0, exposed: 1, engaged: 2, shared: 3, converted: 4, advocate: 5 } as const;

/** The campaign model's state names, in code order (the `stateNames` of its RunResult). */
export const CAMPAIGN_STATE_NAMES = [
  'unaware',
  'exposed',
  'engaged',
  'shared',
  'converted',
  'advocate',
] as const;

/** Channels: every impression, engagement and conversion carries one. */
export const CHANNEL = { paid: 0, owned: 1, earned: 2 } as const;

/** Channel names, indexed by channel code (the trace's `channelNames`). */
export const CAMPAIGN_CHANNEL_NAMES = ['paid', 'owned', 'earned'] as const;

/** Most posts a calendar may hold (item codes must fit a byte together with the channel). */
export const MAX_POSTS = 64;

/**
 * Content items: posts are 0..postCount−1; then an advocate's recommendation, the false claim and
 * the brand's correction. Per-person exposure counters are laid out with a stride of postCount + 3.
 */
export const ITEM_OFFSET = { recommendation: 0, claim: 1, correction: 2 } as const;

/** Item codes span 0..ITEM_SPAN−1 in queued exposure kinds (kind = item + ITEM_SPAN · channel). */
export const ITEM_SPAN = MAX_POSTS + 3;

/** Queued control events (above every exposure kind, which are < 3 · ITEM_SPAN = 201). */
export const EVENT = { advocate: 240, publish: 241, crisisStart: 242, responseStart: 243 } as const;

/** Per-person, per-item exposure counter value meaning "already engaged with this item". */
export const ENGAGED_MARK = 255;

/** Largest exposure count kept before saturating. */
export const MAX_EXPOSURE_COUNT = 254;

/**
 * Trace event kinds. The first five enter a funnel stage (kind k enters stage k + 1); the rest change
 * no state: `impression` (a view of campaign content: a post or a recommendation), `like`, `comment`,
 * `click` (engagements), `share` (a person shares a post), `influencer-post` (a seeded influencer's
 * sponsored post), then the crisis: `claim-impression`, `believe`, `claim-share`,
 * `correction-impression`, `correction-read`, `won-back` (a believer stops believing), `protected`
 * (a non-believer will not believe the claim) and `correction-share`.
 */
export const CAMPAIGN_KIND_NAMES = [
  'exposed',
  'engaged',
  'shared',
  'converted',
  'advocate',
  'impression',
  'like',
  'comment',
  'click',
  'share',
  'influencer-post',
  'claim-impression',
  'believe',
  'claim-share',
  'correction-impression',
  'correction-read',
  'won-back',
  'protected',
  'correction-share',
] as const;

/** Trace kind codes by name. */
export const KIND = {
  impression: 5,
  like: 6,
  comment: 7,
  click: 8,
  share: 9,
  influencerPost: 10,
  claimImpression: 11,
  believe: 12,
  claimShare: 13,
  correctionImpression: 14,
  correctionRead: 15,
  wonBack: 16,
  protected: 17,
  correctionShare: 18,
} as const;

/** Claim states per person. */
export const CLAIM = { none: 0, believes: 1, wonBack: 2, protected: 3 } as const;

/**
 * Counter slots of the kernel's Float64Array of running totals. Impressions, engagements and
 * conversions are kept per channel (slot + channel code).
 */
export const COUNTER = {
  impressions: 0, // + channel (3 slots)
  engagements: 3, // + channel
  conversions: 6, // + channel
  reach: 9,
  likes: 10,
  comments: 11,
  clicks: 12,
  shares: 13,
  advocates: 14,
  adImpressions: 15,
  influencerImpressions: 16,
  influencerPosts: 17,
  campaignMentions: 18,
  claimMentions: 19,
  claimImpressions: 20,
  claimReach: 21,
  believers: 22,
  wonBack: 23,
  protected: 24,
  correctionImpressions: 25,
  correctionReach: 26,
  correctionReads: 27,
  correctionShares: 28,
  correctionAdImpressions: 29,
  reachByChannel: 30, // + channel: people first reached through it
} as const;

/** Number of counter slots. */
export const COUNTER_COUNT = 33;
