/**
 * The replay data the simulation worker derives with each traced run (viz/replay/replay-data.ts):
 * the travelled arcs in time order, each person's first reach, the brand-reached audience; and the
 * reach-by-channel curves the page draws from that first reach instead of rescanning the trace.
 */
import { describe, expect, it } from 'vitest';
import { brandReachedMask } from '../../viz/app/display-data.js';
import { reachByChannel, reachByChannelOf } from '../../viz/charts/series-data.js';
import { firstReach } from '../../viz/replay/replay-cursor.js';
import { replayData } from '../../viz/replay/replay-data.js';
import { campaignText, KARATE_IC, runView } from './helpers.js';

describe('replay data of seeded runs', () => {
  it('replayData(run) lists each edge of the cascade forest once, in order of reach time', () => {
    const { result, trace, view } = runView(campaignText(600, false));
    expect(view.audienceKind).toBe('brand-reached');
    const data = replayData(result, trace, view.nodeCount, view.audienceKind);
    const { parent, reachedTime } = result.forest;
    const expected = Array.from(parent.keys()).filter((u) => (parent[u] as number) >= 0);
    expect(expected.length).toBeGreaterThan(20);
    expect([...data.arcTargets].sort((a, b) => a - b)).toEqual(expected);
    data.arcTargets.forEach((u, i) => {
      expect(data.arcSources[i]).toBe(parent[u]);
      expect(data.arcTimes[i]).toBe(reachedTime[u]);
      if (i > 0) expect(data.arcTimes[i]).toBeGreaterThanOrEqual(data.arcTimes[i - 1] as number);
    });
    const reach = firstReach(trace, result.stateNames, view.nodeCount);
    expect(data.reach).toEqual(reach);
    expect(data.brandReached).toEqual(brandReachedMask(reach, trace.channelNames));
  });

  it('replayData(run with a target audience) leaves the audience to the scenario', () => {
    const { result, trace, view } = runView(campaignText());
    expect(replayData(result, trace, view.nodeCount, view.audienceKind).brandReached).toBeNull();
  });

  it('reachByChannelOf(firstReach) gives the curves of reachByChannel(trace) for a campaign and a cascade', () => {
    for (const text of [campaignText(), KARATE_IC]) {
      const { result, trace, view } = runView(text);
      const reach = firstReach(trace, result.stateNames, view.nodeCount);
      const days = 12;
      expect(reachByChannelOf(reach, trace.channelNames, days)).toEqual(
        reachByChannel(trace, result.stateNames, view.nodeCount, days),
      );
    }
  });
});
