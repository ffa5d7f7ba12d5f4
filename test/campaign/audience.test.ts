/**
 * Targeting and segments: ads reach only their audience, followers come from the target audience,
 * segment multipliers act per person, earned reach beyond the audience is counted; and the run's
 * streams are independent (changing one leaves what the others decide unchanged).
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../engine/campaign/run-campaign.js';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { audienceMask } from '../../engine/network/audience.js';
import type { Network } from '../../engine/network/network.js';
import { createStream } from '../../engine/rng.js';
import { networkOf, QUIET, streamsFor } from './helpers.js';

/** A ring of 40 people (both directions); even people are "young", odd people "old". */
function ring(): Network {
  const edges: [number, number][] = [];
  for (let u = 0; u < 40; u++) edges.push([u, (u + 1) % 40]);
  const network = networkOf(40, edges, false);
  network.attributes.columns.segment = {
    codes: Uint8Array.from({ length: 40 }, (_, u) => u % 2),
    names: ['young', 'old'],
  };
  return network;
}

const YOUNG = { segment: ['young'] };

function runOn(network: Network, campaign: CampaignSpec, streams = streamsFor(3, 0)) {
  const audience = audienceMask(network, campaign.audience, undefined, 'campaign.audience');
  return runCampaign(network, campaign, new Int32Array(0), streams, {
    horizon: 20,
    shouldTrace: true,
    audience,
  });
}

describe('runCampaign audiences and segments', () => {
  it('runCampaign shows ads only to the ad audience and draws followers from the target audience', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      audience: YOUNG,
      followers: 1,
      posts: [{ appeal: 0 }],
      ads: { budget: 2, cpm: 10, endDay: 9 },
    };
    const result = runOn(ring(), campaign);
    const trace = result.trace;
    if (trace === null) throw new Error('expected a trace');
    let adViews = 0;
    for (let i = 0; i < trace.length; i++) {
      if (trace.kindNames[trace.kind[i] as number] !== 'impression') continue;
      expect((trace.person[i] as number) % 2).toBe(0);
      if (trace.channelNames[trace.channel[i] as number] === 'paid') adViews++;
    }
    expect(adViews).toBe(200);
    expect(Array.from(result.followers)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i));
    expect(result.metrics['beyondAudience']).toBe(0);
  });

  it('runCampaign counts earned reach beyond the target audience', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      audience: YOUNG,
      platform: { feedReach: 1, delay: 'fixed', meanDelayHours: 24 },
      posts: [{ appeal: 1, shareability: 1, noveltyHalfLife: 1e9 }],
      ads: { budget: 0.5, cpm: 10 },
    };
    const m = runOn(ring(), campaign).metrics;
    // Sharing runs around the whole ring: every old person is reached through a share.
    expect(m['reach']).toBe(40);
    expect(m['beyondAudience']).toBe(20);
    expect(m['beyondAudienceFraction']).toBe(0.5);
  });

  it('runCampaign with receptivity 0 for a segment gives that segment views but no engagement', () => {
    const campaign: CampaignSpec = {
      ...QUIET,
      posts: [{ appeal: 1, shareability: 0, noveltyHalfLife: 1e9 }],
      ads: { budget: 10, cpm: 10 },
      segments: { old: { receptivity: 0 } },
    };
    const result = runOn(ring(), campaign);
    const engagedOld = Array.from(result.finalState).filter((stage, u) => u % 2 === 1 && stage >= 2).length;
    const engagedYoung = Array.from(result.finalState).filter((stage, u) => u % 2 === 0 && stage >= 2).length;
    expect(engagedOld).toBe(0);
    expect(engagedYoung).toBe(20);
  });

  it('runCampaign with a different ads stream keeps the followers the owned stream drew', () => {
    const network = ring();
    const campaign: CampaignSpec = { followers: 0.5, posts: [{ appeal: 0.5 }], ads: { budget: 1, cpm: 10 } };
    const base = streamsFor(3, 0);
    const a = runOn(network, campaign, base);
    const b = runOn(network, campaign, (purpose) =>
      purpose === 'ads' ? createStream(999, 'other') : base(purpose),
    );
    expect(b.followers).toEqual(a.followers);
    expect(b.metrics['adImpressions']).toBe(a.metrics['adImpressions']);
    expect(b.finalState).not.toEqual(a.finalState);
  });
});
