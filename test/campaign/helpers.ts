/**
 * Shared fixtures for the campaign tests: tiny hand-made networks with a tier column, seeded streams,
 * a one-call runner, and a recount of every counter from a run's trace.
 */
import { CAMPAIGN_STATE_NAMES } from '../../engine/campaign/codes.js';
import { type CampaignRunResult, runCampaign } from '../../engine/campaign/run-campaign.js';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { buildNetwork } from '../../engine/network/build.js';
import { createEdgeBuffer, pushEdge } from '../../engine/network/edge-buffer.js';
import type { Network } from '../../engine/network/network.js';
import { createStream } from '../../engine/rng.js';
import type { Trace } from '../../engine/simulation/types.js';

/** A network from an edge list; every person gets tier `nano` (code 0) unless `tiers` says otherwise. */
export function networkOf(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  isDirected: boolean,
  tiers?: readonly number[],
): Network {
  const buffer = createEdgeBuffer(edges.length);
  for (const [u, v] of edges) pushEdge(buffer, u, v);
  const network = buildNetwork(buffer, { nodeCount, isDirected });
  network.attributes.columns.tier = {
    codes: Uint8Array.from(tiers ?? new Array(nodeCount).fill(0)),
    names: ['nano', 'micro', 'macro', 'mega'],
  };
  return network;
}

/** A directed path 0 → 1 → … → n−1. */
export function directedPath(n: number): Network {
  const edges: [number, number][] = [];
  for (let u = 0; u + 1 < n; u++) edges.push([u, u + 1]);
  return networkOf(n, edges, true);
}

/** Run r's streams for scenario seed `seed`. */
export function streamsFor(seed: number, run: number): (purpose: string) => ReturnType<typeof createStream> {
  return (purpose) => createStream(seed, 'run', run, purpose);
}

/** Runs a campaign with the test defaults: no audience, tracing on. */
export function run(
  network: Network,
  campaign: CampaignSpec,
  seeds: readonly number[],
  options: {
    seed?: number;
    run?: number;
    horizon?: number;
    crisisSeeds?: readonly number[];
    shouldTrace?: boolean;
    shouldKeepSeries?: boolean;
  } = {},
): CampaignRunResult {
  return runCampaign(
    network,
    campaign,
    Int32Array.from(seeds),
    streamsFor(options.seed ?? 1, options.run ?? 0),
    {
      horizon: options.horizon ?? 30,
      shouldTrace: options.shouldTrace ?? true,
      audience: null,
      ...(options.shouldKeepSeries === undefined ? {} : { shouldKeepSeries: options.shouldKeepSeries }),
      ...(options.crisisSeeds === undefined ? {} : { crisisSeeds: Int32Array.from(options.crisisSeeds) }),
    },
  );
}

/** No ads, no followers, no advocacy: only what the test adds happens. */
export const QUIET: CampaignSpec = {
  ads: { budget: 0 },
  followers: 0,
  advocacy: 0,
};

/** Every counter of a campaign run, recomputed from its trace alone. */
export function recount(trace: Trace): Record<string, number> {
  const kindOf = (name: string) => trace.kindNames.indexOf(name);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const reached = new Set<number>();
  const claimSeen = new Set<number>();
  const correctionSeen = new Set<number>();
  const firstChannel = new Map<number, string>();
  const stateKinds = new Set(CAMPAIGN_STATE_NAMES.slice(1).map(kindOf));
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kindNames[trace.kind[i] as number] as string;
    const channel = trace.channelNames[trace.channel[i] as number] as string;
    const person = trace.person[i] as number;
    const source = trace.source[i] as number;
    if (stateKinds.has(trace.kind[i] as number)) {
      reached.add(person);
      if (!firstChannel.has(person)) firstChannel.set(person, channel);
    }
    add(kind);
    add(`${kind}/${channel}`);
    if (kind === 'impression' && channel === 'paid') add(source < 0 ? 'ad' : 'influencer');
    if (kind === 'claim-impression' || kind === 'believe') claimSeen.add(person);
    if (kind === 'correction-impression') correctionSeen.add(person);
    if (kind === 'correction-impression' && channel === 'paid') add('correctionAd');
  }
  const get = (key: string) => counts.get(key) ?? 0;
  const reachBy = (channel: string) => [...firstChannel.values()].filter((c) => c === channel).length;
  const engagementsBy = (channel: string) =>
    get(`like/${channel}`) + get(`comment/${channel}`) + get(`click/${channel}`);
  return {
    impressions: get('impression'),
    paidImpressions: get('impression/paid'),
    ownedImpressions: get('impression/owned'),
    earnedImpressions: get('impression/earned'),
    reach: reached.size,
    paidReach: reachBy('paid'),
    ownedReach: reachBy('owned'),
    earnedReach: reachBy('earned'),
    engagements: get('like') + get('comment') + get('click'),
    likes: get('like'),
    comments: get('comment'),
    clicks: get('click'),
    shares: get('share'),
    conversions: get('converted'),
    directConversions: get('converted/paid') + get('converted/owned'),
    referralConversions: get('converted/earned'),
    advocates: get('advocate'),
    adImpressions: get('ad'),
    influencerImpressions: get('influencer'),
    paidEngagements: engagementsBy('paid'),
    ownedEngagements: engagementsBy('owned'),
    earnedEngagements: engagementsBy('earned'),
    paidConversions: get('converted/paid'),
    ownedConversions: get('converted/owned'),
    influencerPosts: get('influencer-post'),
    campaignMentions: get('influencer-post') + get('share') + get('advocate') + get('correction-share'),
    claimMentions: get('claim-share'),
    claimImpressions: get('claim-impression'),
    claimReach: claimSeen.size,
    believers: get('believe') - get('won-back'),
    wonBack: get('won-back'),
    protected: get('protected'),
    correctionImpressions: get('correction-impression'),
    correctionReach: correctionSeen.size,
    correctionReads: get('correction-read'),
    correctionShares: get('correction-share'),
  };
}

/** The metric names of issue 4, item 9. */
export const ISSUE_METRICS = [
  'impressions',
  'paidImpressions',
  'ownedImpressions',
  'earnedImpressions',
  'reach',
  'reachFraction',
  'engagements',
  'likes',
  'comments',
  'clicks',
  'shares',
  'conversions',
  'directConversions',
  'referralConversions',
  'advocates',
  'cost',
  'revenue',
  'roi',
  'earnedToPaid',
  'shareOfVoice',
  'claimReach',
  'responseTime',
  'goalHit',
  'depth',
  'structuralVirality',
  'beyondAudience',
  'beyondAudienceFraction',
] as const;
