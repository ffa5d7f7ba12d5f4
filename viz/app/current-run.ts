/**
 * The run the page is showing, with everything the replay needs precomputed once: the view the
 * display-data functions read, the replay cursor, each person's first reach, and the travelled arcs
 * (the cascade forest's edges) sorted by time so a frame finds how many to draw by binary search
 * (those come ready from the simulation worker, see replay-data.ts).
 */
import type { RunResult } from '../../engine/index.js';
import type { ChartHandle } from '../charts/charts.js';
import type { ScenarioDoc } from '../engine-adapter.js';
import { isGenerationModel } from '../params/param-defs.js';
import { type FirstReach, ReplayCursor } from '../replay/replay-cursor.js';
import type { ReplayData } from '../replay/replay-data.js';
import type { PreparedView } from '../worker/sim-client.js';
import { chartDays } from './chart-panel.js';
import type { RunView } from './display-data.js';

/** The run on screen. */
export interface CurrentRun {
  view: RunView;
  prepared: PreparedView;
  cursor: ReplayCursor;
  reach: FirstReach;
  seeds: Set<number>;
  /** Travelled arcs (parent → person, global ids) in order of reach time, with those times. */
  arcSources: Int32Array;
  arcTargets: Int32Array;
  arcTimes: Float64Array;
  /** What one replay step is called: `day` or `generation`. */
  unit: string;
  days: number;
  handles: ChartHandle[];
  label: string;
  /** The scenario as it was run (the panel may have changed it since). */
  doc: ScenarioDoc;
  runIndex: number;
}

/**
 * Builds the current run from a traced result and its replay data (see replayData: from the
 * simulation worker, or computed on the page for a loaded trace). O(n); allocates the replay state.
 */
export function buildCurrentRun(
  prepared: PreparedView,
  result: RunResult,
  data: ReplayData,
  runIndex: number,
  doc: ScenarioDoc,
  place: string,
): CurrentRun {
  const trace = result.trace;
  if (trace === null) throw new Error('the run came back without a trace');
  const n = prepared.network.nodeCount;
  const lastEvent = trace.length > 0 ? (trace.time[trace.length - 1] as number) : 0;
  const view: RunView = {
    result,
    network: prepared.network,
    trace,
    nodeCount: n,
    audience: data.brandReached ?? prepared.audience,
    audienceKind: prepared.audienceKind,
    endTime: Math.max(lastEvent, 0),
  };
  return {
    view,
    prepared,
    cursor: new ReplayCursor(trace, result.stateNames, n),
    reach: data.reach,
    seeds: new Set(result.seeds),
    arcSources: data.arcSources,
    arcTargets: data.arcTargets,
    arcTimes: data.arcTimes,
    unit: isGenerationModel(result.model) ? 'generation' : 'day',
    days: chartDays(trace, prepared.horizon),
    handles: [],
    label: `${String(doc['name'] ?? place)}, run ${runIndex}`,
    doc,
    runIndex,
  };
}

/** How many travelled arcs were travelled by time t (arcs sorted by time). O(log arcs). */
export function arcCountAt(arcTimes: Float64Array, t: number): number {
  let lo = 0;
  let hi = arcTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arcTimes[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
