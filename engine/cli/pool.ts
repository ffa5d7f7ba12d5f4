/**
 * Runs the batches of one or more scenarios (a run, or a sweep's points) on worker threads, or on this
 * thread when one is asked for. Runs are cut into tasks (a point's runs start … end − 1); idle workers
 * take the next task in order; each worker prepares a point's scenario once and keeps it while its
 * tasks last. Results are put back in run order, so the numbers never depend on the thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type NetworkSummary, summarizeNetwork } from '../batch/run-batch.js';
import { prepareScenario, runRange } from '../batch/simulate.js';
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

/**
 * Runs every job and reports each as it completes. With `threads` > 1 it starts up to that many
 * workers (dist/cli/worker.mjs beside the bundled command line). Rejects with the first error (a user
 * error keeps its class); stops all workers either way.
 */
export async function runJobs(jobs: readonly PointJob[], options: RunJobsOptions): Promise<void> {
  const totalRuns = jobs.reduce((sum, job) => sum + job.runs, 0);
  const threads = Math.max(1, Math.min(options.threads, totalRuns));
  if (threads === 1) {
    runInProcess(jobs, options);
    return;
  }
  // Enough tasks to keep every worker busy: one per job when jobs outnumber threads, else a few per job.
  const chunksPerJob = jobs.length >= 2 * threads ? 1 : Math.ceil((4 * threads) / jobs.length);
  const tasks: WorkerTask[] = [];
  const taskJob: number[] = [];
  jobs.forEach((job, index) => {
    const chunks = Math.min(job.runs, chunksPerJob);
    for (let c = 0; c < chunks; c++) {
      const start = Math.floor((job.runs * c) / chunks);
      const end = Math.floor((job.runs * (c + 1)) / chunks);
      tasks.push({
        type: 'task',
        task: tasks.length,
        key: job.key,
        scenario: job.scenario,
        folder: job.folder,
        place: job.place,
        start,
        end,
      });
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
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    let isFailed = false;
    const fail = (error: Error) => {
      if (isFailed) return;
      isFailed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const dispatch = (worker: Worker) => {
      const task = tasks[next];
      if (task === undefined) {
        retired.add(worker);
        void worker.terminate();
        running--;
        if (running === 0 && !isFailed) resolve();
        return;
      }
      next++;
      worker.postMessage(task);
    };
    for (let w = 0; w < Math.min(threads, tasks.length); w++) {
      const worker = new Worker(workerUrl);
      workers.push(worker);
      running++;
      worker.on('message', (message: WorkerMessage) => {
        if (isFailed) return;
        if (message.type === 'run') {
          options.onRun?.();
          return;
        }
        if (message.type === 'error') {
          fail(rebuildError(message.name, message.message, message.isUser));
          return;
        }
        const task = tasks[message.task] as WorkerTask;
        const index = taskJob[message.task] as number;
        const state = pending[index] as (typeof pending)[number];
        state.network ??= message.network;
        message.metrics.forEach((metrics, i) => {
          state.metrics[task.start + i] = metrics;
        });
        state.left--;
        if (state.left === 0)
          options.onJobDone(index, { network: state.network, metricsPerRun: state.metrics });
        dispatch(worker);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!retired.has(worker) && !isFailed)
          fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      dispatch(worker);
    }
  });
}
