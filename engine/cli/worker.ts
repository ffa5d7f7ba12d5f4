/**
 * The worker-thread entry (bundled to dist/cli/worker.mjs): takes tasks (a scenario and a range of
 * run indices) from the pool, prepares each scenario once per key, runs the range and posts every
 * run's metrics back. A run's numbers depend only on (scenario, run index), never on this worker.
 */
import { parentPort } from 'node:worker_threads';
import { summarizeNetwork } from '../batch/run-batch.js';
import { type PreparedScenario, prepareScenario, runRange } from '../batch/simulate.js';
import { ViralsimError } from '../errors.js';
import type { WorkerMessage, WorkerTask } from './pool.js';
import { fileGraphLoader } from './scenario-file.js';

let cachedKey: string | null = null;
let cached: PreparedScenario | null = null;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (task: WorkerTask) => {
  try {
    if (cachedKey !== task.key || cached === null) {
      cached = null;
      cached = prepareScenario(task.scenario, { loadGraph: fileGraphLoader(task.folder), place: task.place });
      cachedKey = task.key;
    }
    const prepared = cached;
    const metrics = runRange(prepared, task.start, task.end, () => post({ type: 'run' }));
    post({ type: 'done', task: task.task, network: summarizeNetwork(prepared), metrics });
  } catch (error) {
    const isUser = error instanceof ViralsimError;
    const name = error instanceof Error ? error.name : 'Error';
    const message =
      error instanceof Error ? (isUser ? error.message : (error.stack ?? error.message)) : String(error);
    post({ type: 'error', task: task.task, name, message, isUser });
  }
});
