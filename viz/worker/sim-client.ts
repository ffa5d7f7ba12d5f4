/**
 * The page's side of the simulation worker: promises for runs and batches, progress callbacks and
 * cancel. It remembers the last network the worker sent (the worker sends it only when it changes).
 */
import type { Network, RunResult } from '../../engine/index.js';
import type { DrawnGraph } from '../network/layout-budget.js';
import type { ReplayData } from '../replay/replay-data.js';
import type {
  BatchPayload,
  PreparedPayload,
  ScenarioSource,
  WorkerRequest,
  WorkerResponse,
} from './protocol.js';

/** A prepared scenario as the page sees it, with its network. */
export interface PreparedView extends Omit<PreparedPayload, 'network' | 'audience'> {
  network: Network;
  audience: Uint8Array | null;
}

/** A failure the user caused (a bad scenario or file) or an internal fault. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly isUserError: boolean,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (value: WorkerResponse) => void;
  onProgress?: (done: number, total: number) => void;
}

/** Owns the worker; one instance per page. */
export class SimClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private network: Network | null = null;

  constructor() {
    this.worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
  }

  /** One traced run of `source` with run index `runIndex`. */
  async run(
    source: ScenarioSource,
    runIndex: number,
  ): Promise<{
    prepared: PreparedView;
    result: RunResult;
    replay: ReplayData | null;
    drawn: DrawnGraph | null;
    elapsedMs: number;
    warnings: string[];
  }> {
    const response = await this.request({ type: 'run', id: this.nextId++, source, runIndex });
    if (response.type !== 'run-done') throw this.failure(response);
    return {
      prepared: this.view(response.prepared),
      result: response.result,
      replay: response.replay,
      drawn: response.drawn,
      elapsedMs: response.elapsedMs,
      warnings: response.warnings,
    };
  }

  /**
   * A Monte Carlo batch of `runs` runs; `onProgress` hears how many are done. `cancel()` stops it
   * between runs, and the promise then resolves to null.
   */
  batch(
    source: ScenarioSource,
    runs: number,
    onProgress: (done: number, total: number) => void,
  ): {
    done: Promise<{ prepared: PreparedView; batch: BatchPayload; warnings: string[] } | null>;
    cancel: () => void;
  } {
    const id = this.nextId++;
    const done = this.request({ type: 'batch', id, source, runs }, onProgress).then((response) => {
      if (response.type === 'cancelled') return null;
      if (response.type !== 'batch-done') throw this.failure(response);
      return { prepared: this.view(response.prepared), batch: response.batch, warnings: response.warnings };
    });
    return { done, cancel: () => this.worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest) };
  }

  private request(
    message: WorkerRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<WorkerResponse> {
    return new Promise((resolve) => {
      this.pending.set(message.id, onProgress === undefined ? { resolve } : { resolve, onProgress });
      this.worker.postMessage(message);
    });
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    pending.resolve(message);
  }

  private view(prepared: PreparedPayload): PreparedView {
    if (prepared.network !== null) this.network = prepared.network;
    if (this.network === null) throw new WorkerFailure('the worker sent no network', false);
    return { ...prepared, network: this.network, audience: prepared.audience };
  }

  private failure(response: WorkerResponse): WorkerFailure {
    if (response.type === 'failed') return new WorkerFailure(response.message, response.isUserError);
    return new WorkerFailure(`unexpected worker reply ${response.type}`, false);
  }
}
