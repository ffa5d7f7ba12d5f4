/**
 * Behaviour of the campaign model over many runs, on a Holme–Kim network of 2,000 people: each test
 * compares two settings by their mean over RUNS runs and asserts the difference exceeds
 * TOLERATED_SE standard errors (Welch: √(sd_a²/R + sd_b²/R)), a margin chance practically never
 * crosses while a wrong sign or a missing effect always fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { generateNetwork } from '../../engine/network/generate.js';
import type { Network } from '../../engine/network/network.js';
import { assignPopulation } from '../../engine/network/population-spec.js';
import { createStream } from '../../engine/rng.js';
import { run } from './helpers.js';

/** Runs per setting: enough for standard errors of a few percent of the means; the file stays < 3 s. */
const RUNS = 40;
/** Standard errors the difference of means must exceed (a 4σ band fails by chance ~3e-5 of the time). */
const TOLERATED_SE = 4;
const SEEDS = [0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800];

let network: Network;
beforeAll(() => {
  network = generateNetwork(
    { type: 'holme-kim', nodes: 2000, m: 4, triad: 0.5 },
    createStream(11, 'network'),
  );
  assignPopulation(network, undefined, createStream(11, 'population'));
});

function stats(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Mean of `measure` over RUNS runs of each campaign, and the standard error of the difference b − a. */
function compare(
  a: CampaignSpec,
  b: CampaignSpec,
  measure: (m: Record<string, number>, series: Record<string, Float64Array>) => number,
  options: { crisisSeeds?: readonly number[]; horizon?: number } = {},
): { a: number; b: number; se: number } {
  const values = (campaign: CampaignSpec) => {
    const out: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const result = run(network, campaign, SEEDS, { ...options, seed: 5, run: r, shouldTrace: false });
      out.push(measure(result.metrics, result.series.columns));
    }
    return stats(out);
  };
  const sa = values(a);
  const sb = values(b);
  return { a: sa.mean, b: sb.mean, se: Math.sqrt(sa.variance / RUNS + sb.variance / RUNS) };
}

const ORGANIC: CampaignSpec = {
  ads: { budget: 5, cpm: 10 },
  followers: 0.02,
  advocacy: 0,
  economics: { influencerFees: { nano: 0, micro: 0, macro: 0, mega: 0 } },
};

describe('runCampaign behaviour', () => {
  it('runCampaign with stickier content raises the mean reach and the earned share of impressions', () => {
    const plain = { ...ORGANIC, posts: [{ appeal: 0.1, shareability: 0.1 }] };
    const sticky = { ...ORGANIC, posts: [{ appeal: 0.3, shareability: 0.4 }] };
    const reach = compare(plain, sticky, (m) => m['reach'] as number);
    expect(reach.b - reach.a).toBeGreaterThan(TOLERATED_SE * reach.se);
    const earned = compare(
      plain,
      sticky,
      (m) => (m['earnedImpressions'] as number) / (m['impressions'] as number),
    );
    expect(earned.b - earned.a).toBeGreaterThan(TOLERATED_SE * earned.se);
  });

  it('runCampaign answering a false claim in 2 h instead of 2 days lowers its reach and raises share of voice', () => {
    const crisis = (responseDelay: number): CampaignSpec => ({
      ...ORGANIC,
      platform: { feedReach: 0.4 },
      crisis: {
        startDay: 2,
        seeding: { strategy: 'random', count: 5 },
        appeal: 0.6,
        shareability: 0.8,
        responseDelay,
        correctionAppeal: 0.5,
        correctionEffect: 0.8,
        correctionShareability: 0.2,
        responseBudget: 40,
        responseDays: 2,
      },
    });
    const options = { crisisSeeds: [3, 333, 666, 999, 1333], horizon: 20 };
    const reach = compare(crisis(48), crisis(2), (m) => m['claimReach'] as number, options);
    expect(reach.a - reach.b).toBeGreaterThan(TOLERATED_SE * reach.se);
    // "Clearly different": the fast answer keeps the claim's reach at least a fifth lower.
    expect(reach.b).toBeLessThan(0.8 * reach.a);
    const voice = compare(crisis(48), crisis(2), (m) => m['shareOfVoice'] as number, options);
    expect(voice.b - voice.a).toBeGreaterThan(TOLERATED_SE * voice.se);
  });

  it('runCampaign with peerTrust 3 converts referrals at a higher rate than ads', () => {
    // Pooled over runs: conversions per engagement by channel; binomial standard errors.
    const campaign: CampaignSpec = {
      ...ORGANIC,
      ads: { budget: 100, cpm: 10 },
      peerTrust: 3,
      posts: [{ appeal: 0.3, shareability: 0.4, conversion: 0.05 }],
    };
    let adEngagements = 0;
    let adConversions = 0;
    let earnedEngagements = 0;
    let referrals = 0;
    for (let r = 0; r < RUNS; r++) {
      const m = run(network, campaign, SEEDS, { seed: 9, run: r, shouldTrace: false }).metrics;
      adEngagements += m['paidEngagements'] as number;
      adConversions += m['paidConversions'] as number;
      earnedEngagements += m['earnedEngagements'] as number;
      referrals += m['referralConversions'] as number;
    }
    const adRate = adConversions / adEngagements;
    const referralRate = referrals / earnedEngagements;
    const se = Math.sqrt(
      (adRate * (1 - adRate)) / adEngagements + (referralRate * (1 - referralRate)) / earnedEngagements,
    );
    expect(referralRate - adRate).toBeGreaterThan(TOLERATED_SE * se);
  });

  it('runCampaign with a longer novelty half-life lengthens the campaign (later mean engagement day)', () => {
    const meanDay = (_: Record<string, number>, series: Record<string, Float64Array>) => {
      const engagements = series['engagements'] as Float64Array;
      let weighted = 0;
      for (let d = 0; d < engagements.length; d++) {
        weighted += (d + 0.5) * ((engagements[d] as number) - (d === 0 ? 0 : (engagements[d - 1] as number)));
      }
      return weighted / (engagements[engagements.length - 1] as number);
    };
    const quiet: CampaignSpec = {
      ...ORGANIC,
      ads: { budget: 0 },
      followers: 0.05,
      platform: { feedReach: 0.5 },
    };
    const short = { ...quiet, posts: [{ appeal: 0.4, shareability: 0.5, noveltyHalfLife: 0.5 }] };
    const long = { ...quiet, posts: [{ appeal: 0.4, shareability: 0.5, noveltyHalfLife: 10 }] };
    const days = compare(short, long, meanDay, { horizon: 60 });
    expect(days.b - days.a).toBeGreaterThan(TOLERATED_SE * days.se);
  });
});
