/**
 * Messages between the page and the simulation worker. Typed arrays travel as transferables (moved,
 * not copied): the worker builds fresh result arrays per run and hands them over.
 *
 * Page → worker: `prepare` (parse a scenario, build its network), `run` (one traced run), `batch`
 * (Monte Carlo over runs 0..runs-1, with progress), `cancel` (stop a batch between runs).
 * Worker → page: `prepared`, `run-done`, `progress`, `batch-done`, `cancelled`, `failed`.
 */
import type { Network, RunResult } from '../../engine/index.js';
import type { AudienceKind } from '../engine-adapter.js';
import type { DrawnGraph } from '../network/layout-budget.js';
import type { ReplayData } from '../replay/replay-data.js';

/** Where a scenario comes from: its text, a place name for messages, and the graph files it may read. */
export interface ScenarioSource {
  text: string;
  place: string;
  files: [string, string][];
}

/** What the page asks the simulation worker (every request carries an id its replies repeat). */
export type WorkerRequest =
  | { type: 'run'; id: number; source: ScenarioSource; runIndex: number }
  | { type: 'batch'; id: number; source: ScenarioSource; runs: number }
  | { type: 'cancel'; id: number };

/** What the page needs of a prepared scenario. */
export interface PreparedPayload {
  /** Key of the scenario text and files: the network is resent only when it changes. */
  key: string;
  network: Network | null;
  audience: Uint8Array | null;
  audienceKind: AudienceKind;
  seed: number;
  runs: number;
  horizon: number;
  model: string;
}

/** Monte Carlo results: one value per run for each metric, plus each run's reach curve by day. */
export interface BatchPayload {
  runs: number;
  metrics: Record<string, Float64Array>;
  /** Row-major runs × days: people reached by the end of each day. */
  reachCurves: Float64Array;
  days: number;
  nodeCount: number;
  elapsedMs: number;
}

/** What the worker answers: progress while a batch runs, then exactly one final reply per request. */
export type WorkerResponse =
  | {
      type: 'run-done';
      id: number;
      prepared: PreparedPayload;
      result: RunResult;
      /** The replay data of the run's trace, derived in the worker (null without a trace). */
      replay: ReplayData | null;
      /** What to draw of the network, chosen with this run when the network is new to the page's drawing. */
      drawn: DrawnGraph | null;
      elapsedMs: number;
      warnings: string[];
    }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'batch-done'; id: number; prepared: PreparedPayload; batch: BatchPayload; warnings: string[] }
  | { type: 'cancelled'; id: number; done: number }
  | { type: 'failed'; id: number; message: string; isUserError: boolean };

/** Every distinct ArrayBuffer under `value` (typed arrays in plain objects and arrays), for transfer. */
export function collectBuffers(value: unknown, out: Set<ArrayBuffer> = new Set(), depth = 0): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    return [...out];
  }
  for (const item of Object.values(value as Record<string, unknown>)) collectBuffers(item, out, depth + 1);
  return [...out];
}
