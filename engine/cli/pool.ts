/**
 * Runs the batches of one or more scenarios (a run, or a sweep's points) on worker threads, or on this
 * thread when one is asked for. Runs are cut into tasks (a point's runs start … end − 1); idle workers
 * take the next task in order; each worker prepares a point's scenario once and keeps it while its
 * tasks last. Results are put back in run order, so the numbers never depend on the thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type NetworkSummary, summarizeNetwork } from '../batch/run-batch.js';
import { type PreparedScenario, prepareScenario, runRange, simulateRun } from '../batch/simulate.js';
import { GraphError, OptionsError, ScenarioError, ViralsimError } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { fileGraphLoader } from './scenario-file.js';

/** One scenario to run `runs` times (a run command's scenario, or one sweep point). */
export interface PointJob {
  /** Identifies the scenario, so a worker prepares it once. */
  readonly key: string;
  readonly scenario: Scenario;
  /** Folder that `file` network paths are relative to. */
  readonly folder: string;
  /** Names the scenario in messages. */
  readonly place: string;
  readonly runs: number;
}

/** A finished job: its network and every run's metrics, in run order. */
export interface PointOutcome {
  readonly network: NetworkSummary;
  readonly metricsPerRun: Record<string, number>[];
}

/** Options of {@link runJobs}. */
export interface RunJobsOptions {
  /** Worker threads; 1 runs everything on this thread. */
  readonly threads: number;
  /** Called after every run (for progress). */
  readonly onRun?: () => void;
  /** Called once per job when all its runs are done (jobs may finish out of order). */
  readonly onJobDone: (jobIndex: number, outcome: PointOutcome) => void;
}

/** A message from a worker (see worker.ts). */
export type WorkerMessage =
  | { type: 'run' }
  | { type: 'done'; task: number; network: NetworkSummary; metrics: Record<string, number>[] }
  | { type: 'error'; task: number; name: string; message: string; isUser: boolean };

/** A message to a worker. */
export interface WorkerTask {
  type: 'task';
  task: number;
  key: string;
  scenario: Scenario;
  folder: string;
  place: string;
  start: number;
  end: number;
}

/**
 * Workers start only when the job is still running after this long (ms), so quick jobs never pay
 * for booting a thread. `VIRALSIM_WORKER_DELAY_MS` overrides it (tests set 0 to force workers).
 */
export const WORKER_DELAY_MS = 50;

function workerDelay(): number {
  const text = process.env['VIRALSIM_WORKER_DELAY_MS'];
  const value = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? value : WORKER_DELAY_MS;
}

/** The default thread count: the number of cores. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Rebuilds a user error that crossed a thread boundary, keeping its class (so it still exits 2). */
export function rebuildError(name: string, message: string, isUser: boolean): Error {
  if (!isUser) return new Error(message);
  if (name === 'ScenarioError') return new ScenarioError(message);
  if (name === 'GraphError') return new GraphError(message);
  if (name === 'OptionsError') return new OptionsError(message);
  return new ViralsimError(message);
}

function runInProcess(jobs: readonly PointJob[], options: RunJobsOptions): void {
  jobs.forEach((job, index) => {
    const prepared = prepareScenario(job.scenario, {
      loadGraph: fileGraphLoader(job.folder),
      place: job.place,
    });
    const metricsPerRun = runRange(prepared, 0, job.runs, options.onRun);
    options.onJobDone(index, { network: summarizeNetwork(prepared), metricsPerRun });
  });
}

/** Lets pending messages (a worker asking for its next task) through between two runs on this thread. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs every job and reports each as it completes. With `threads` = N > 1 it works on this thread
 * at once and, if the job is still running after {@link WORKER_DELAY_MS}, starts N − 1 workers
 * (dist/cli/worker.mjs beside the bundled command line and its chunks) that take tasks from the same queue. Rejects with the first error (a user error keeps
 * its class); stops all workers either way.
 */
export async function runJobs(jobs: readonly PointJob[], options: RunJobsOptions): Promise<void> {
  const totalRuns = jobs.reduce((sum, job) => sum + job.runs, 0);
  const threads = Math.max(1, Math.min(options.threads, totalRuns));
  if (threads === 1) {
    runInProcess(jobs, options);
    return;
  }
  // Enough tasks to keep every thread busy: one per job when jobs outnumber threads, else a few per job.
  const chunksPerJob = jobs.length >= 2 * threads ? 1 : Math.ceil((4 * threads) / jobs.length);
  const tasks: WorkerTask[] = [];
  const taskJob: number[] = [];
  jobs.forEach((job, index) => {
    const chunks = Math.min(job.runs, chunksPerJob);
    for (let c = 0; c < chunks; c++) {
      const start = Math.floor((job.runs * c) / chunks);
      const end = Math.floor((job.runs * (c + 1)) / chunks);
      const { key, scenario, folder, place } = job;
      tasks.push({ type: 'task', task: tasks.length, key, scenario, folder, place, start, end });
      taskJob.push(index);
    }
  });
  const pending = jobs.map((job) => ({
    left: 0,
    network: null as NetworkSummary | null,
    metrics: new Array<Record<string, number>>(job.runs),
  }));
  for (const index of taskJob) (pending[index] as { left: number }).left++;
  const workerUrl = new URL('./worker.mjs', import.meta.url);
  const workers: Worker[] = [];
  const retired = new Set<Worker>();
  let next = 0;
  let completed = 0;
  let isFailed = false;
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = (error: Error) => {
      if (isFailed) return;
      isFailed = true;
      reject(error);
    };
  });
  const complete = (taskIndex: number, network: NetworkSummary, metrics: Record<string, number>[]) => {
    const task = tasks[taskIndex] as WorkerTask;
    const index = taskJob[taskIndex] as number;
    const state = pending[index] as (typeof pending)[number];
    state.network ??= network;
    metrics.forEach((value, i) => {
      state.metrics[task.start + i] = value;
    });
    state.left--;
    if (state.left === 0) options.onJobDone(index, { network: state.network, metricsPerRun: state.metrics });
    completed++;
    if (completed === tasks.length) finish();
  };
  const dispatch = (worker: Worker) => {
    const task = tasks[next];
    if (task === undefined || isFailed) {
      retired.add(worker);
      void worker.terminate();
      return;
    }
    next++;
    worker.postMessage(task);
  };
  const startWorkers = () => {
    const workerCount = Math.min(threads - 1, tasks.length - next);
    for (let w = 0; w < workerCount; w++) {
      const worker = new Worker(workerUrl);
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (isFailed) return;
        if (message.type === 'run') options.onRun?.();
        else if (message.type === 'error') fail(rebuildError(message.name, message.message, message.isUser));
        else {
          try {
            complete(message.task, message.network, message.metrics);
          } catch (error) {
            fail(error as Error);
          }
          dispatch(worker);
        }
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      dispatch(worker);
    }
  };
  const timer = setTimeout(startWorkers, workerDelay());
  const runHere = async () => {
    let key: string | null = null;
    let prepared: PreparedScenario | null = null;
    for (let task = tasks[next]; task !== undefined && !isFailed; task = tasks[next]) {
      next++;
      if (key !== task.key || prepared === null) {
        prepared = prepareScenario(task.scenario, {
          loadGraph: fileGraphLoader(task.folder),
          place: task.place,
        });
        key = task.key;
      }
      const metrics: Record<string, number>[] = [];
      for (let r = task.start; r < task.end && !isFailed; r++) {
        metrics.push(simulateRun(prepared, r).metrics);
        options.onRun?.();
        await yieldToEventLoop();
      }
      if (!isFailed) complete(task.task, summarizeNetwork(prepared), metrics);
    }
  };
  runHere().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    isFailed = true;
    for (const worker of workers) {
      retired.add(worker);
      void worker.terminate();
    }
  }
}
