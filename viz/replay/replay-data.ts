/**
 * What the replay needs beyond the run itself, derived from it once: each person's first reach, the
 * original audience when it is "whoever the brand reached itself", and the travelled arcs (the
 * cascade forest's edges) sorted by time so a frame finds how many to draw by binary search. The
 * simulation worker computes it with each traced run and transfers it, so the page does not spend a
 * long task on it; the page computes it itself only for a trace loaded from a file.
 */
import type { RunResult, Trace } from '../../engine/index.js';
import { brandReachedMask } from '../app/display-data.js';
import type { AudienceKind } from '../engine-adapter.js';
import { type FirstReach, firstReach } from './replay-cursor.js';

/** The replay data of one traced run. */
export interface ReplayData {
  reach: FirstReach;
  /** Who the brand reached itself (the original audience of a campaign without a target), or null. */
  brandReached: Uint8Array | null;
  /** Travelled arcs (parent → person, global ids) in order of reach time, with those times. */
  arcSources: Int32Array;
  arcTargets: Int32Array;
  arcTimes: Float64Array;
}

/** Derives the replay data of `result` replayed from `trace`. O(events + n + arcs log arcs). */
export function replayData(
  result: RunResult,
  trace: Trace,
  nodeCount: number,
  audienceKind: AudienceKind,
): ReplayData {
  const reach = firstReach(trace, result.stateNames, nodeCount);
  const { parent, reachedTime } = result.forest;
  let count = 0;
  for (let u = 0; u < nodeCount; u++) if ((parent[u] as number) >= 0) count++;
  const arcTargets = new Int32Array(count);
  let next = 0;
  for (let u = 0; u < nodeCount; u++) if ((parent[u] as number) >= 0) arcTargets[next++] = u;
  arcTargets.sort((a, b) => (reachedTime[a] as number) - (reachedTime[b] as number));
  const arcSources = new Int32Array(count);
  const arcTimes = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = arcTargets[i] as number;
    arcSources[i] = parent[u] as number;
    arcTimes[i] = reachedTime[u] as number;
  }
  return {
    reach,
    brandReached: audienceKind === 'brand-reached' ? brandReachedMask(reach, trace.channelNames) : null,
    arcSources,
    arcTargets,
    arcTimes,
  };
}
