import { afterEach, describe, expect, it } from 'vitest';
import { resetWarnings, stateAtTime, warningCount } from '../../engine/index.js';
import {
  believersPerDay,
  cascadeAt,
  funnelAt,
  kindCounts,
  kpiCards,
  kpisAt,
  mentions,
  shareOfVoiceSeries,
} from '../../viz/app/display-data.js';
import {
  forestTrees,
  forestVirality,
  structuralVirality,
  treeMembers,
} from '../../viz/cascade/cascade-tree.js';
import { firstReach, ReplayCursor } from '../../viz/replay/replay-cursor.js';
import { campaignText, KARATE_IC, runView } from './helpers.js';

afterEach(() => resetWarnings());

describe('display data of a seeded campaign run', () => {
  it('kpisAt(view, end) shows exactly the run metrics, and the KPI cards read them', () => {
    resetWarnings();
    const { result, view } = runView(campaignText());
    const values = kpisAt(view, view.endTime, view.trace.length, null);
    expect(values).toEqual(result.metrics);
    const cards = kpiCards(values, view.nodeCount, view.audienceKind);
    expect(cards.map((card) => card.metric)).toEqual([
      'reach',
      'beyondAudience',
      'conversions',
      'roi',
      'shareOfVoice',
      'structuralVirality',
    ]);
    for (const card of cards) expect(card.value).toBe(result.metrics[card.metric]);
    const classic = runView(KARATE_IC).result.metrics;
    const classicCards = kpiCards(classic, 34, 'none');
    expect(classicCards.map((card) => card.metric)).toEqual([
      'reach',
      'beyondAudience',
      'depth',
      'reproduction',
      'duration',
      'structuralVirality',
    ]);
    for (const card of classicCards) expect(card.value).toBe(classic[card.metric]);
    expect(warningCount()).toBe(0);
  });

  it('funnelAt(trace, all events) equals the impressions, engagements, shares and conversions metrics', () => {
    const { result, trace } = runView(campaignText());
    expect(funnelAt(trace, trace.length)).toEqual([
      { name: 'Impressions', value: result.metrics['impressions'] },
      { name: 'Engagements', value: result.metrics['engagements'] },
      { name: 'Shares', value: result.metrics['shares'] },
      { name: 'Conversions', value: result.metrics['conversions'] },
    ]);
  });

  it('mentions(kind counts) reproduces the share of voice and the mention counters', () => {
    const { result, trace } = runView(campaignText());
    const m = mentions(kindCounts(trace, trace.length));
    expect(m).toEqual({
      campaign: result.metrics['campaignMentions'],
      claim: result.metrics['claimMentions'],
    });
    const series = shareOfVoiceSeries(trace, 31);
    expect(series.sov[30]).toBeCloseTo(result.metrics['shareOfVoice'] as number, 12);
  });

  it('believersPerDay(trace) ends at the believers the campaign counts (claim believed, not won back)', () => {
    const { result, trace } = runView(campaignText());
    const believers = believersPerDay(trace, 31);
    expect(believers[30]).toBe(
      (result.metrics['believers'] as number) - (result.metrics['wonBack'] as number),
    );
    expect(Math.min(...believers)).toBeGreaterThanOrEqual(0);
  });

  it('cascadeAt(view, t) agrees with an independent count on the forest cut at t, at every day', () => {
    const { result, view } = runView(campaignText());
    const { parent, generation, reachedTime } = result.forest;
    for (const t of [0, 0.5, 1, 2, 5, 10, 30]) {
      const here = cascadeAt(view, t);
      const isIn = (u: number) => (reachedTime[u] as number) <= t;
      const reached = Array.from({ length: view.nodeCount }, (_, u) => u).filter(isIn);
      const beyond = reached.filter((u) => view.audience?.[u] === 0).length;
      const cutParent = parent.map((p, u) => (isIn(u) ? p : -1));
      const cutGeneration = generation.map((g, u) => (isIn(u) ? g : -1));
      expect(here['reach']).toBe(reached.length);
      expect(here['beyondAudience']).toBe(beyond);
      expect(here['structuralVirality']).toBeCloseTo(forestVirality(cutParent, cutGeneration).pooled, 10);
    }
  });

  it('cascadeAt(view, end) gives the engine beyondAudience both with a target audience and without one', () => {
    for (const isTargeted of [true, false]) {
      const { result, view } = runView(campaignText(600, isTargeted));
      expect(view.audienceKind).toBe(isTargeted ? 'target' : 'brand-reached');
      const atEnd = cascadeAt(view, view.endTime);
      expect(atEnd['beyondAudience']).toBe(result.metrics['beyondAudience']);
      expect(atEnd['beyondAudienceFraction']).toBeCloseTo(
        result.metrics['beyondAudienceFraction'] as number,
        12,
      );
      if (!isTargeted) expect(atEnd['beyondAudience']).toBe(result.metrics['earnedReach']);
    }
  });

  it('kpisAt(view, t) before the end recounts conversions from the trace and ends at the metric', () => {
    const { result, view } = runView(campaignText());
    const cursor = new ReplayCursor(view.trace, result.stateNames, view.nodeCount);
    let previous = -1;
    for (const t of [0, 2, 5, 10, 20, view.endTime - 1e-9]) {
      cursor.seek(t);
      const values = kpisAt(view, t, cursor.index, cascadeAt(view, t));
      expect(values['conversions']).toBeGreaterThanOrEqual(previous);
      previous = values['conversions'] as number;
    }
    expect(previous).toBe(result.metrics['conversions']);
  });
});

describe('replay', () => {
  it('ReplayCursor.seek(t) forward and back equals the engine stateAtTime', () => {
    const { result, trace, view } = runView(campaignText());
    const cursor = new ReplayCursor(trace, result.stateNames, view.nodeCount);
    for (const t of [3, 10, 1, 25, 0.2, 30]) {
      cursor.seek(t);
      expect(cursor.state).toEqual(stateAtTime(trace, result.stateNames, view.nodeCount, t));
    }
    expect(cursor.counts(result.stateNames.length)).toEqual([...result.finalCounts]);
  });

  it('firstReach(trace) matches the cascade forest reach times (independent cascade on karate)', () => {
    const { result, trace, view } = runView(KARATE_IC);
    const reach = firstReach(trace, result.stateNames, view.nodeCount);
    expect(Array.from(reach.time)).toEqual(Array.from(result.forest.reachedTime));
    const parents = Array.from(reach.source).map((s, u) => (result.seeds.includes(u) ? -1 : s));
    expect(parents).toEqual(Array.from(result.forest.parent));
  });
});

describe('cascade tree', () => {
  it('forestTrees(campaign forest) roots each reached person by its parents; treeMembers orders by generation', () => {
    const { result } = runView(campaignText(600, false));
    const { parent, generation } = result.forest;
    const trees = forestTrees(parent, generation);
    for (let u = 0; u < parent.length; u++) {
      let root = (generation[u] as number) < 0 ? -1 : u;
      while (root >= 0 && (parent[root] as number) >= 0) root = parent[root] as number;
      expect(trees.rootOf[u], `person ${u}`).toBe(root);
    }
    const sizes = trees.roots.map((r) => trees.sizeOf.get(r) as number);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(result.metrics['reach']);
    const members = treeMembers(trees, generation, trees.roots[0] as number);
    const key = (u: number) => (generation[u] as number) * parent.length + u;
    expect(members).toEqual([...members].sort((a, b) => key(a) - key(b)));
    expect(members.length).toBe(sizes[0]);
  });

  it('structuralVirality(tree) is 2 − 2/n on a star and (n + 1)/3 on a path', () => {
    const n = 10;
    const star = Int32Array.from({ length: n }, (_, u) => (u === 0 ? -1 : 0));
    const path = Int32Array.from({ length: n }, (_, u) => u - 1);
    const members = Array.from({ length: n }, (_, u) => u);
    expect(structuralVirality(star, members)).toBeCloseTo(2 - 2 / n, 12);
    expect(structuralVirality(path, members)).toBeCloseTo((n + 1) / 3, 12);
  });

  it('forestVirality(forest) pools pairs like the engine metric, and forestTrees sizes add up to reach', () => {
    const { result } = runView(KARATE_IC, 1);
    const { parent, generation } = result.forest;
    expect(forestVirality(parent, generation).pooled).toBeCloseTo(
      result.metrics['structuralVirality'] as number,
      12,
    );
    const trees = forestTrees(parent, generation);
    const total = [...trees.sizeOf.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(result.metrics['reach']);
    const largest = treeMembers(trees, generation, trees.roots[0] as number);
    expect(largest.length).toBe(trees.sizeOf.get(trees.roots[0] as number));
    expect({ roots: trees.roots, largest: largest.length }).toMatchSnapshot();
  });
});
