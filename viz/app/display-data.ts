/**
 * What the page shows at a replay time t, derived from one run with pure functions: the KPI values,
 * the funnel, the share-of-voice series. At the end of the replay the KPIs are exactly the run's own
 * metrics (the numbers `viralsim run` prints); before it they are recomputed from the trace and the
 * cascade forest cut at t.
 */
import {
  type CascadeForest,
  type CascadeScratch,
  computeCascadeMetrics,
  createCascadeScratch,
  type Network,
  type RunResult,
  type Trace,
} from '../../engine/index.js';
import type { AudienceKind } from '../engine-adapter.js';
import type { FirstReach } from '../replay/replay-cursor.js';

/** The run as the page holds it. */
export interface RunView {
  result: RunResult;
  network: Network;
  trace: Trace;
  nodeCount: number;
  /** The original audience (see AudienceKind), or null when there is none. */
  audience: Uint8Array | null;
  audienceKind: AudienceKind;
  /** When the replay ends (the last event, at least the horizon). */
  endTime: number;
}

/** How the legend names each kind of original audience. */
export const AUDIENCE_LABELS: Readonly<Record<AudienceKind, string>> = {
  target: 'target audience',
  seeding: 'seeding audience',
  'brand-reached': 'reached by the brand itself',
  none: 'original audience',
};

/**
 * The people a campaign's brand reached itself: those first reached through a channel other than
 * `earned` (ads, the brand's posts, its influencers). Without a target audience this is the original
 * audience, and reach beyond it is the engine's earned reach. O(n).
 */
export function brandReachedMask(reach: FirstReach, channelNames: readonly string[]): Uint8Array {
  const earned = channelNames.indexOf('earned');
  const mask = new Uint8Array(reach.channel.length);
  for (let u = 0; u < mask.length; u++) {
    const channel = reach.channel[u] as number;
    mask[u] = channel >= 0 && channel !== earned ? 1 : 0;
  }
  return mask;
}

/** Reusable buffers for {@link cascadeAt}: the forest cut at t and the engine's metric scratch. */
interface CutBuffers {
  forest: CascadeForest;
  scratch: CascadeScratch;
}

const cutBuffers = new WeakMap<RunView, CutBuffers>();

/**
 * The forest restricted to people reached by time t (the others unreached), written into `out`.
 * O(n); allocates nothing.
 */
export function forestAt(forest: CascadeForest, t: number, out: CascadeForest): CascadeForest {
  const n = forest.parent.length;
  const { parent, generation, reachedTime } = forest;
  for (let u = 0; u < n; u++) {
    const isReached = (reachedTime[u] as number) <= t;
    out.parent[u] = isReached ? (parent[u] as number) : -1;
    out.generation[u] = isReached ? (generation[u] as number) : -1;
    out.reachedTime[u] = isReached ? (reachedTime[u] as number) : Number.POSITIVE_INFINITY;
  }
  return out;
}

/**
 * The cascade metrics at time t (reach, beyond the audience, depth, structural virality…): the
 * engine's own computeCascadeMetrics on the forest cut at t, so the replay meets the run's totals
 * exactly at its end. O(n); reuses buffers kept per run view.
 */
export function cascadeAt(view: RunView, t: number): Record<string, number> {
  let buffers = cutBuffers.get(view);
  if (buffers === undefined) {
    const n = view.nodeCount;
    buffers = {
      forest: {
        parent: new Int32Array(n),
        generation: new Int32Array(n),
        reachedTime: new Float64Array(n),
      },
      scratch: createCascadeScratch(n),
    };
    cutBuffers.set(view, buffers);
  }
  const cut = forestAt(view.result.forest, t, buffers.forest);
  return { ...computeCascadeMetrics(view.network, cut, view.result.seeds, view.audience, buffers.scratch) };
}

/** Count of trace events per kind name among the first `upTo` events. */
export function kindCounts(trace: Trace, upTo: number): Record<string, number> {
  const counts = new Float64Array(trace.kindNames.length);
  const end = Math.min(upTo, trace.length);
  for (let i = 0; i < end; i++)
    counts[trace.kind[i] as number] = (counts[trace.kind[i] as number] as number) + 1;
  const out: Record<string, number> = {};
  trace.kindNames.forEach((name, k) => {
    out[name] = counts[k] as number;
  });
  return out;
}

/** A KPI card's content. */
export interface Kpi {
  id: string;
  /** The run metric the card shows (a key of RunResult.metrics). */
  metric: string;
  label: string;
  value: number;
  kind: 'count' | 'percent' | 'number';
  sub: string;
  explain: string;
}

const sum = (counts: Record<string, number>, names: readonly string[]) =>
  names.reduce((total, name) => total + (counts[name] ?? 0), 0);

/** Trace kinds that mention the campaign: shares, recommendations, sponsored posts, shared corrections. */
const CAMPAIGN_MENTIONS = ['share', 'correction-share', 'advocate', 'influencer-post'];
/** Trace kinds that mention the false claim. */
const CLAIM_MENTIONS = ['claim-share'];

/** Mentions of the campaign and of the claim among counted events (campaign model kinds). */
export function mentions(counts: Record<string, number>): { campaign: number; claim: number } {
  return {
    campaign: sum(counts, CAMPAIGN_MENTIONS),
    claim: sum(counts, CLAIM_MENTIONS),
  };
}

/**
 * The KPI values at replay time t. `isEnd` (t at or past the end) gives the run's own metrics; before,
 * `cascade` (from {@link cascadeAt}) and the trace's event counts up to `eventIndex`.
 */
export function kpisAt(
  view: RunView,
  t: number,
  eventIndex: number,
  cascade: Record<string, number> | null,
): Record<string, number> {
  const metrics = view.result.metrics;
  if (t >= view.endTime || cascade === null) return { ...metrics };
  const counts = kindCounts(view.trace, eventIndex);
  const out: Record<string, number> = { ...cascade };
  if (metrics['conversions'] !== undefined) {
    const conversions = counts['converted'] ?? 0;
    const price =
      (metrics['conversions'] as number) > 0
        ? (metrics['revenue'] ?? 0) / (metrics['conversions'] as number)
        : 0;
    const cost = seriesAt(view.result.series.columns['cost'], t) ?? metrics['cost'] ?? Number.NaN;
    out['conversions'] = conversions;
    out['revenue'] = price * conversions;
    out['cost'] = cost;
    out['roi'] = cost > 0 ? (out['revenue'] - cost) / cost : Number.NaN;
    out['referralConversions'] = countKindChannel(view.trace, eventIndex, 'converted', 'earned');
  }
  if (metrics['claimReach'] !== undefined) {
    out['claimReach'] =
      seriesAt(view.result.series.columns['claimReach'], t) ?? (metrics['claimReach'] as number);
  }
  if (metrics['shareOfVoice'] !== undefined) {
    const m = mentions(counts);
    out['shareOfVoice'] = m.campaign + m.claim === 0 ? 1 : m.campaign / (m.campaign + m.claim);
  }
  return out;
}

/**
 * A cumulative daily column's value during day ⌈t⌉ − 1 (row d holds the end of day d): the figure as
 * of the end of the day being replayed. Undefined when the column is absent.
 */
export function seriesAt(column: Float64Array | undefined, t: number): number | undefined {
  if (column === undefined || column.length === 0) return undefined;
  const row = Math.max(0, Math.min(column.length - 1, Math.ceil(t) - 1));
  return column[row];
}

/** Events of kind `kindName` through channel `channelName` among the first `upTo`. */
export function countKindChannel(trace: Trace, upTo: number, kindName: string, channelName: string): number {
  const kind = trace.kindNames.indexOf(kindName);
  const channel = trace.channelNames.indexOf(channelName);
  if (kind < 0 || channel < 0) return 0;
  let count = 0;
  const end = Math.min(upTo, trace.length);
  for (let i = 0; i < end; i++) if (trace.kind[i] === kind && trace.channel[i] === channel) count++;
  return count;
}

const BEYOND_EXPLAINED: Readonly<Record<AudienceKind, string>> = {
  target: 'People reached outside the campaign’s target audience: spread beyond it.',
  seeding: 'People reached outside the seeding audience: spread beyond it.',
  'brand-reached':
    'Earned reach: people first reached by shares and recommendations, not by the brand itself.',
  none: 'People reached who were not seeded: spread beyond the starting points.',
};

/** The six KPI cards from figures (metrics or {@link kpisAt}). */
export function kpiCards(
  values: Record<string, number>,
  nodeCount: number,
  audienceKind: AudienceKind,
): Kpi[] {
  const has = (name: string) => values[name] !== undefined && Number.isFinite(values[name]);
  const reach = values['reach'] ?? Number.NaN;
  const reachCard: Kpi = {
    id: 'reach',
    metric: 'reach',
    label: 'Reach',
    value: reach,
    kind: 'count',
    sub: `${pct(reach / nodeCount)} of ${compact(nodeCount)} people`,
    explain: 'People who received the message at least once (seeds included).',
  };
  const beyondCard: Kpi = {
    id: 'beyond',
    metric: 'beyondAudience',
    label: 'Beyond audience',
    value: values['beyondAudience'] ?? Number.NaN,
    kind: 'count',
    sub: has('beyondAudienceFraction') ? `${pct(values['beyondAudienceFraction'] as number)} of reach` : '',
    explain: BEYOND_EXPLAINED[audienceKind],
  };
  const viralityCard: Kpi = {
    id: 'virality',
    metric: 'structuralVirality',
    label: 'Structural virality',
    value: values['structuralVirality'] ?? Number.NaN,
    kind: 'number',
    sub: has('depth') ? `depth ${values['depth']}` : '',
    explain:
      'Mean distance between two people of the same cascade tree: about 2 for a broadcast, higher for a chain of shares.',
  };
  if (values['conversions'] === undefined) {
    // Classic models have no purchases, money or rival claim: show how the cascade grew instead.
    return [
      reachCard,
      beyondCard,
      {
        id: 'depth',
        metric: 'depth',
        label: 'Depth',
        value: values['depth'] ?? Number.NaN,
        kind: 'count',
        sub: has('maxBreadth') ? `widest step ${compact(values['maxBreadth'] as number)} people` : '',
        explain: 'The longest chain of people passing the message on (generations from a seed).',
      },
      {
        id: 'reproduction',
        metric: 'reproduction',
        label: 'Reproduction',
        value: values['reproduction'] ?? Number.NaN,
        kind: 'number',
        sub: 'people reached per sharer',
        explain:
          'How many people each person who passed it on reached, on average: above 1, the cascade grows.',
      },
      {
        id: 'duration',
        metric: 'duration',
        label: 'Duration',
        value: values['duration'] ?? Number.NaN,
        kind: 'number',
        sub: 'from first to last reach',
        explain: 'Time from the first person reached to the last (days, or generations).',
      },
      { ...viralityCard, sub: 'about 2: a broadcast; more: chains' },
    ];
  }
  return [
    reachCard,
    beyondCard,
    {
      id: 'conversions',
      metric: 'conversions',
      label: 'Conversions',
      value: values['conversions'] ?? Number.NaN,
      kind: 'count',
      sub: has('referralConversions')
        ? `${compact(values['referralConversions'] as number)} by referral`
        : 'purchases',
      explain: 'Purchases; a referral conversion is credited to the friend who recommended.',
    },
    {
      id: 'roi',
      metric: 'roi',
      label: 'ROI',
      value: values['roi'] ?? Number.NaN,
      kind: 'percent',
      sub: has('cost') ? `cost ${money(values['cost'] as number)}` : 'no cost',
      explain: 'Return on investment: (revenue − cost) / cost.',
    },
    {
      id: 'sov',
      metric: 'shareOfVoice',
      label: 'Share of voice',
      value: values['shareOfVoice'] ?? Number.NaN,
      kind: 'percent',
      sub:
        has('claimReach') && (values['claimReach'] as number) > 0
          ? `claim reached ${compact(values['claimReach'] as number)}`
          : 'no false claim',
      explain: 'The campaign’s mentions over all mentions of the campaign and the false claim.',
    },
    viralityCard,
  ];
}

function pct(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const p = fraction * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p >= 0.1 ? p.toFixed(1) : p.toFixed(2)}%`;
}

function compact(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1).replace(/\.0$/, '')}k`;
  return String(Math.round(value));
}

function money(value: number): string {
  return value >= 1000 ? `$${compact(value)}` : `$${Math.round(value)}`;
}

/** Daily share of voice (cumulative) and daily mentions of the campaign and the claim. */
export function shareOfVoiceSeries(
  trace: Trace,
  days: number,
): { sov: Float64Array; campaign: Float64Array; claim: Float64Array } {
  const campaignKinds = new Set(CAMPAIGN_MENTIONS.map((k) => trace.kindNames.indexOf(k)));
  const claimKind = trace.kindNames.indexOf(CLAIM_MENTIONS[0] as string);
  const campaign = new Float64Array(days);
  const claim = new Float64Array(days);
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i] as number;
    const d = Math.min(days - 1, Math.max(0, Math.floor(trace.time[i] as number)));
    if (k === claimKind) claim[d] = (claim[d] as number) + 1;
    else if (campaignKinds.has(k)) campaign[d] = (campaign[d] as number) + 1;
  }
  const sov = new Float64Array(days);
  let a = 0;
  let b = 0;
  for (let d = 0; d < days; d++) {
    a += campaign[d] as number;
    b += claim[d] as number;
    sov[d] = a + b === 0 ? 1 : a / (a + b);
  }
  return { sov, campaign, claim };
}

/** Funnel bars up to `eventIndex`: impressions, engagements, shares, conversions (campaign kinds). */
export function funnelAt(trace: Trace, eventIndex: number): { name: string; value: number }[] | null {
  if (!trace.kindNames.includes('impression')) return null;
  const counts = kindCounts(trace, eventIndex);
  return [
    { name: 'Impressions', value: sum(counts, ['impression']) },
    { name: 'Engagements', value: sum(counts, ['like', 'comment', 'click']) },
    { name: 'Shares', value: sum(counts, ['share']) },
    { name: 'Conversions', value: sum(counts, ['converted']) },
  ];
}

/**
 * People who believe the false claim at the end of each day: `believe` adds one, `won-back` removes
 * one (campaign crisis kinds). O(events + days).
 */
export function believersPerDay(trace: Trace, days: number): Float64Array {
  const believe = trace.kindNames.indexOf('believe');
  const wonBack = trace.kindNames.indexOf('won-back');
  const change = new Float64Array(days);
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i] as number;
    if (k !== believe && k !== wonBack) continue;
    const d = Math.min(days - 1, Math.max(0, Math.floor(trace.time[i] as number)));
    change[d] = (change[d] as number) + (k === believe ? 1 : -1);
  }
  for (let d = 1; d < days; d++) change[d] = (change[d] as number) + (change[d - 1] as number);
  return change;
}
