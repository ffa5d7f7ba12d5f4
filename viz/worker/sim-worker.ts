/**
 * The simulation worker: runs the engine off the main thread so the page never freezes. It keeps the
 * last prepared scenario (network built once per scenario text), answers one traced run, or a Monte
 * Carlo batch that reports progress and stops between runs when cancelled. Results are transferred.
 */
import { setWarningSink, ViralsimError } from '../../engine/index.js';
import { dayCount, reachCurve, trimFlatTail } from '../charts/series-data.js';
import {
  type PreparedScenario,
  parseScenarioText,
  prepareScenarioDoc,
  simulateRunAt,
} from '../engine-adapter.js';
import { chooseDrawn } from '../network/layout-budget.js';
import { replayData } from '../replay/replay-data.js';
import {
  type BatchPayload,
  collectBuffers,
  type PreparedPayload,
  type ScenarioSource,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.js';

/** A batch yields to the message loop after this long, so a cancel arrives promptly. */
const SLICE_MS = 30;

let cached: { key: string; prepared: PreparedScenario } | null = null;
let sentKey = '';
/** The network the last run chose a drawing for (the page draws a network from its first run). */
let drawnKey = '';
const cancelled = new Set<number>();
/** Engine warnings (dropped duplicate edges…) since the last reply; each reply carries and clears them. */
let warnings: string[] = [];
setWarningSink((message) => warnings.push(message));

function takeWarnings(): string[] {
  const out = warnings;
  warnings = [];
  return out;
}

function post(message: WorkerResponse): void {
  (self as unknown as Worker).postMessage(message, collectBuffers(message));
}

function sourceKey(source: ScenarioSource): string {
  return `${source.text}\u0000${source.files.map(([name, text]) => `${name}:${text.length}:${hash(text)}`).join('|')}`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function prepare(source: ScenarioSource): PreparedScenario {
  const key = sourceKey(source);
  if (cached?.key === key) return cached.prepared;
  const scenario = parseScenarioText(source.text, source.place);
  const prepared = prepareScenarioDoc(scenario, source.place, new Map(source.files));
  cached = { key, prepared };
  return prepared;
}

/**
 * What the network depends on: its spec, the population spec, the seed, and the graph files. Two
 * scenarios with the same key have the same network (parameters of the model or the campaign may
 * differ), so the page keeps its drawing and layout.
 */
function networkKey(prepared: PreparedScenario, source: ScenarioSource): string {
  const { network, population, seed } = prepared.scenario;
  const files = source.files.map(([name, text]) => `${name}:${hash(text)}`).join('|');
  return String(hash(JSON.stringify([network, population ?? null, seed, files])));
}

/** Describes the prepared scenario; the network (copied once for transfer) only when the page lacks it. */
function payload(prepared: PreparedScenario, source: ScenarioSource): PreparedPayload {
  const key = networkKey(prepared, source);
  const isNew = key !== sentKey;
  sentKey = key;
  return {
    key,
    network: isNew ? structuredClone(prepared.network) : null,
    audience: prepared.audience === null ? null : prepared.audience.slice(),
    audienceKind: prepared.audienceKind,
    seed: prepared.seed,
    runs: prepared.runs,
    horizon: prepared.horizon,
    model: prepared.model,
  };
}

async function runBatch(id: number, source: ScenarioSource, runs: number): Promise<void> {
  const started = performance.now();
  const prepared = prepare(source);
  const n = prepared.network.nodeCount;
  const metrics: Record<string, Float64Array> = {};
  let days = 0;
  let curves = new Float64Array(0);
  let sliceStart = performance.now();
  for (let r = 0; r < runs; r++) {
    const result = simulateRunAt(prepared, r, false);
    if (r === 0) {
      days = dayCount(result.forest.reachedTime, prepared.horizon);
      curves = new Float64Array(runs * days);
    }
    reachCurve(result.forest.reachedTime, days, curves.subarray(r * days, (r + 1) * days));
    for (const [name, value] of Object.entries(result.metrics)) {
      let column = metrics[name];
      if (column === undefined) {
        column = new Float64Array(runs).fill(Number.NaN);
        metrics[name] = column;
      }
      column[r] = value;
    }
    if (performance.now() - sliceStart > SLICE_MS || r === runs - 1) {
      post({ type: 'progress', id, done: r + 1, total: runs });
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
      if (cancelled.has(id)) {
        cancelled.delete(id);
        post({ type: 'cancelled', id, done: r + 1 });
        return;
      }
    }
  }
  const trimmed = trimFlatTail(curves, runs, days);
  const batch: BatchPayload = {
    runs,
    metrics,
    reachCurves: trimmed.curves,
    days: trimmed.days,
    nodeCount: n,
    elapsedMs: performance.now() - started,
  };
  post({ type: 'batch-done', id, prepared: payload(prepared, source), batch, warnings: takeWarnings() });
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  try {
    if (request.type === 'run') {
      const started = performance.now();
      const prepared = prepare(request.source);
      const result = simulateRunAt(prepared, request.runIndex, true);
      const { network } = prepared;
      const n = network.nodeCount;
      // What to draw, chosen here (the reached first when sampling) for a network not drawn yet.
      const key = networkKey(prepared, request.source);
      const drawn =
        key === drawnKey
          ? null
          : chooseDrawn(
              n,
              network.outOffsets,
              network.outTargets,
              network.isDirected,
              result.forest.reachedTime,
            );
      drawnKey = key;
      post({
        type: 'run-done',
        id: request.id,
        prepared: payload(prepared, request.source),
        result,
        replay: result.trace === null ? null : replayData(result, result.trace, n, prepared.audienceKind),
        drawn,
        elapsedMs: performance.now() - started,
        warnings: takeWarnings(),
      });
    } else {
      await runBatch(request.id, request.source, request.runs);
    }
  } catch (error) {
    const isUserError = error instanceof ViralsimError;
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', id: request.id, message, isUserError });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data);
};
