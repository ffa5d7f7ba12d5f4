/**
 * Platform presets: how a feed turns a post into views. Each preset fixes the chance that a follower
 * actually sees a share in their feed (`feedReach`), the chance that a brand follower sees a brand
 * post (`ownedReach`, the brand page's organic reach), and how long a post takes to be seen
 * (`meanDelayHours`, `delay`). Every value can be overridden in `campaign.platform`.
 *
 * The numbers are assumptions, not measurements of any real platform; they follow the usual industry
 * orders of magnitude (brand pages reach a few percent of their followers organically; a microblog is
 * fast and chronological-ish; a content platform is slow to be watched but its subscription feed
 * shows most uploads). The README section "The campaign model" states them and why.
 */

/** The platform presets. */
export const PLATFORM_PRESETS = ['microblog', 'social-site', 'content-platform'] as const;
export type PlatformPreset = (typeof PLATFORM_PRESETS)[number];

/** How long a post waits before a follower sees it. */
export const DELAY_DISTRIBUTIONS = ['exponential', 'fixed'] as const;
export type DelayDistribution = (typeof DELAY_DISTRIBUTIONS)[number];

/** A complete platform: every field resolved. */
export interface Platform {
  readonly preset: PlatformPreset;
  /** Chance (0–1) that a given follower sees a person's share or recommendation. */
  readonly feedReach: number;
  /** Chance (0–1) that a given brand follower sees a brand post (organic page reach). */
  readonly ownedReach: number;
  /** Mean time, in hours, from a post to a follower seeing it (> 0). */
  readonly meanDelayHours: number;
  /** `exponential` waits with that mean, or a `fixed` wait of exactly that many hours. */
  readonly delay: DelayDistribution;
}

/** The presets' values, frozen. */
export const PLATFORM_DEFAULTS: Readonly<Record<PlatformPreset, Platform>> = Object.freeze({
  // Twitter/X-like: a follower timeline that moves fast; a share is seen within a couple of hours
  // by a quarter of followers; brand accounts reach about a tenth of their followers.
  microblog: Object.freeze({
    preset: 'microblog',
    feedReach: 0.25,
    ownedReach: 0.1,
    meanDelayHours: 2,
    delay: 'exponential',
  }),
  // Facebook-like: an algorithmic friends feed shows a friend's share to about a fifth of friends
  // within the day; brand pages reach about 5% of their fans organically.
  'social-site': Object.freeze({
    preset: 'social-site',
    feedReach: 0.2,
    ownedReach: 0.05,
    meanDelayHours: 8,
    delay: 'exponential',
  }),
  // YouTube/TikTok-like: subscription feeds show most uploads, but watching takes about a day; a
  // channel's subscribers see a third of its uploads.
  'content-platform': Object.freeze({
    preset: 'content-platform',
    feedReach: 0.35,
    ownedReach: 0.3,
    meanDelayHours: 24,
    delay: 'exponential',
  }),
});
