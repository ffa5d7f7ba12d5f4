/**
 * The worker-thread entry (bundled to dist/cli/worker.cjs): says it is ready, then takes tasks (a
 * scenario and a range of run indices) from the pool in the order they arrive, claims each (skipping
 * one the pool took back), prepares each scenario once per key, runs the range and posts the runs'
 * metrics back packed in one array. A run's numbers depend only on (scenario, run index), never on
 * this worker.
 *
 * Nothing is ever transferred (detached) from this thread, only copied: the first ArrayBuffer an
 * isolate detaches clears V8's "array buffer detaching" protector, after which all its optimised code
 * re-checks every typed-array access for a detached buffer. Measured: a worker that transferred its
 * metrics array ran the cascade kernel and the cascade metrics about 6% slower than the main thread
 * for the rest of the job; copying the array (8 bytes per metric and run) costs microseconds.
 *
 * Start-up cost matters (the pool waits for it): this module loads only the run pipeline; the graph
 * file readers are imported on the first task whose network is a file, and rarely even then: the
 * pool lends its own thread's network with the first task that uses it.
 */
import { parentPort } from 'node:worker_threads';
import {
  type GraphLoader,
  type LentNetwork,
  networkKeyOf,
  type PreparedScenario,
  prepareScenario,
  simulateRunMetrics,
  summarizeNetwork,
} from '../batch/simulate.js';
import { ViralsimError } from '../errors.js';
import { PROGRESS_EVERY_MS, packMetrics, type TaskMessage, type WorkerMessage } from './pool-protocol.js';

let cachedKey: string | null = null;
let cached: PreparedScenario | null = null;
/** The network the pool lent last (built on its thread), for the tasks whose scenario uses it. */
let lent: LentNetwork | null = null;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

async function graphLoader(task: TaskMessage): Promise<GraphLoader | undefined> {
  if (task.scenario.network.type !== 'file') return undefined;
  // A lent network needs no reading (prepareScenario takes it; the readers stay unloaded).
  if (lent !== null && lent.key === networkKeyOf(task.scenario)) return undefined;
  const { fileGraphLoader } = await import('./graph-loader.js');
  return fileGraphLoader(task.folder);
}

async function runTask(task: TaskMessage): Promise<void> {
  if (task.network !== undefined) lent = task.network;
  // The pool may have taken the task back (to run it itself) while it waited here.
  if (Atomics.compareExchange(task.claims, task.task, 0, 1) !== 0) return;
  if (cachedKey !== task.key || cached === null) {
    // The previous scenario lends its network when this one has the same (a sweep's next point).
    const previous = cached;
    cached = null;
    cachedKey = null;
    const loadGraph = await graphLoader(task);
    cached = prepareScenario(task.scenario, {
      place: task.place,
      previous,
      lent,
      ...(loadGraph === undefined ? {} : { loadGraph }),
    });
    cachedKey = task.key;
  }
  const prepared = cached;
  const metrics: Record<string, number>[] = [];
  let unreported = 0;
  let reportedAt = performance.now();
  for (let r = task.start; r < task.end; r++) {
    metrics.push(simulateRunMetrics(prepared, r));
    unreported++;
    const now = performance.now();
    if (now - reportedAt >= PROGRESS_EVERY_MS) {
      post({ type: 'progress', runs: unreported });
      unreported = 0;
      reportedAt = now;
    }
  }
  const packed = packMetrics(metrics);
  const network = summarizeNetwork(prepared);
  // Copied, not transferred: see the module comment.
  post({ type: 'done', task: task.task, runs: unreported, network, metrics: packed });
}

function reportError(task: TaskMessage, error: unknown): void {
  const isUser = error instanceof ViralsimError;
  const name = error instanceof Error ? error.name : 'Error';
  const message =
    error instanceof Error ? (isUser ? error.message : (error.stack ?? error.message)) : String(error);
  post({ type: 'error', task: task.task, name, message, isUser });
}

// Tasks run one after another, in arrival order, even while one awaits the graph readers' import.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: TaskMessage) => {
  queue = queue.then(() => runTask(task)).catch((error: unknown) => reportError(task, error));
});
post({ type: 'ready' });
