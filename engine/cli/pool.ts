/**
 * Runs the batches of one or more scenarios (a run, or a sweep's points) on worker threads, or on this
 * thread when one is asked for. The runs are cut into tasks by guided self-scheduling (planTasks: whole
 * sweep points first, ever smaller run ranges at the end, so threads finish together); this thread and
 * the workers take tasks in plan order; each thread prepares a scenario once for consecutive tasks of
 * it. Results are put back in run order, so the numbers never depend on the thread count.
 *
 * Latency: a worker holds up to {@link TASKS_IN_FLIGHT} tasks, so it never waits for this thread
 * (busy with its own runs) to hand out the next one; at the end this thread takes back a held task
 * the worker has not started (a shared claim flag per task decides who runs it, exactly once). Workers start at once when the job is large
 * (see {@link IMMEDIATE_WORK}; a big run or sweep even before it loads, see early-workers.ts), else
 * only if the job outlasts {@link WORKER_DELAY_MS} with enough left to be worth a worker.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  type GraphLoader,
  type LentNetwork,
  type NetworkSummary,
  networkKeyOf,
  type PreparedScenario,
  prepareScenario,
  runRange,
  simulateRunMetrics,
  summarizeNetwork,
} from '../batch/simulate.js';
import { GraphError, OptionsError, ScenarioError, ViralsimError } from '../errors.js';
import { expectedNetworkSize } from '../network/generate.js';
import type { Scenario } from '../scenario/schema.js';
import {
  EARLY_WORK,
  retireWorker,
  spawnWorker,
  stopEarlyWorkers,
  takeEarlyWorkers,
  type WorkerHandle,
} from './early-workers.js';
import {
  planTasks,
  type TaskMessage,
  type TaskRange,
  unpackMetrics,
  type WorkerMessage,
} from './pool-protocol.js';

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
  /** Threads, this one included; 1 runs everything on this thread. */
  readonly threads: number;
  /** Called as runs finish, with how many (for progress); workers report at most every 100 ms. */
  readonly onRuns?: (count: number) => void;
  /** Called once per job when all its runs are done (jobs may finish out of order). */
  readonly onJobDone: (jobIndex: number, outcome: PointOutcome) => void;
}

/** Tasks a worker holds at once (the one it runs and the next), so it never idles between tasks. */
export const TASKS_IN_FLIGHT = 2;

/**
 * Workers of a small job start only when it is still running after this long (ms) and expects to run
 * on for at least {@link WORKER_WORTH_MS}, so quick jobs never pay for booting a thread (about 0.1 s
 * of CPU). `VIRALSIM_WORKER_DELAY_MS` overrides the delay (tests set 0 to force workers at once).
 */
export const WORKER_DELAY_MS = 50;

/**
 * A small job starts a worker only while this thread expects to need at least this long (ms) for the
 * rest on its own. A worker boots in about 0.15 s and then runs cold (its own JIT warm-up, about
 * 0.1 s of slow runs) before it shares the rest, so a shorter rest finishes no sooner with it.
 */
export const WORKER_WORTH_MS = 500;

/**
 * A job of at least this much estimated work (runs × (nodes + edges)) starts its workers at once:
 * at 15–40 ns per node and edge of a run it keeps one thread busy for over half a second, where
 * (measured with independent cascades on 10,000 people) a second thread starts to pay off.
 */
export const IMMEDIATE_WORK = EARLY_WORK;

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

/**
 * A rough cost of a job: runs × (nodes + edges) of its network (the spec's expected size; a graph
 * file's size in bytes, about an edge per 10 bytes). 0 when unknown. O(1) but a file stat.
 */
export function estimatedWork(job: PointJob): number {
  const spec = job.scenario.network;
  try {
    if (spec.type === 'file') return (job.runs * statSync(resolve(job.folder, spec.path)).size) / 10;
    const { nodeCount, edgeCount } = expectedNetworkSize(spec);
    return job.runs * (nodeCount + edgeCount);
  } catch {
    return 0;
  }
}

/** How long to wait before starting workers (ms): 0 for a large job, else {@link WORKER_DELAY_MS}. */
function workerDelay(jobs: readonly PointJob[]): number {
  const text = process.env['VIRALSIM_WORKER_DELAY_MS'];
  const value = text === undefined ? Number.NaN : Number(text);
  if (Number.isFinite(value) && value >= 0) return value;
  let work = 0;
  for (const job of jobs) {
    work += estimatedWork(job);
    if (work >= IMMEDIATE_WORK) return 0;
  }
  return WORKER_DELAY_MS;
}

/** Which graph loader each job needs; imports the graph-file readers only when a job reads a file. */
async function graphLoaders(jobs: readonly PointJob[]): Promise<(job: PointJob) => GraphLoader | undefined> {
  if (!jobs.some((job) => job.scenario.network.type === 'file')) return () => undefined;
  const { fileGraphLoader } = await import('./graph-loader.js');
  return (job) => (job.scenario.network.type === 'file' ? fileGraphLoader(job.folder) : undefined);
}

/**
 * Prepares `job`'s scenario on this thread, lending it the network of `previous` (the job prepared
 * just before here) when the two share one.
 */
function prepareJob(
  job: PointJob,
  loaderFor: (job: PointJob) => GraphLoader | undefined,
  previous: PreparedScenario | null,
): PreparedScenario {
  const loadGraph = loaderFor(job);
  return prepareScenario(job.scenario, {
    place: job.place,
    previous,
    ...(loadGraph === undefined ? {} : { loadGraph }),
  });
}

function runInProcess(
  jobs: readonly PointJob[],
  loaderFor: (job: PointJob) => GraphLoader | undefined,
  options: RunJobsOptions,
): void {
  const onRun = options.onRuns === undefined ? undefined : () => options.onRuns?.(1);
  let previous: PreparedScenario | null = null;
  jobs.forEach((job, index) => {
    const prepared = prepareJob(job, loaderFor, previous);
    previous = prepared;
    const metricsPerRun = runRange(prepared, 0, job.runs, onRun);
    options.onJobDone(index, { network: summarizeNetwork(prepared), metricsPerRun });
  });
}

/**
 * How often (ms) this thread, while it runs tasks itself, lets pending messages (a worker's results,
 * asking for more) through: often enough that a worker never waits long for its next task (it holds
 * {@link TASKS_IN_FLIGHT}), rarely enough that short runs do not each pay a trip through the loop.
 */
export const YIELD_EVERY_MS = 2;

/** Lets pending messages through between two runs on this thread. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A worker and the tasks it holds (sent, not yet reported done nor taken back), in plan order. */
interface Slot {
  readonly handle: WorkerHandle;
  readonly held: number[];
  /** Whether it has been sent this thread's first network (see `loan` in {@link runJobs}). */
  hasLoan: boolean;
}

/** A job's network key, with its folder (a file network's path is relative to it); null when resampled. */
function lendingKey(job: PointJob): string | null {
  const key = networkKeyOf(job.scenario);
  return key === null ? null : `${job.folder}\n${key}`;
}

/**
 * Runs every job and reports each as it completes. With `threads` = N > 1 this thread works at once
 * and N − 1 workers (dist/cli/worker.cjs beside the bundled command line) start at
 * once or later (see {@link workerDelay} and {@link WORKER_WORTH_MS}); all take tasks from one plan.
 * Rejects with the first error (a user error keeps its class); stops all workers either way.
 * `VIRALSIM_MAIN_THREAD_WORKS=0` leaves every task to the workers (tests use it so that workers, not
 * this thread, compute a small job).
 */
export async function runJobs(jobs: readonly PointJob[], options: RunJobsOptions): Promise<void> {
  const totalRuns = jobs.reduce((sum, job) => sum + job.runs, 0);
  const threads = Math.max(1, Math.min(options.threads, totalRuns));
  const loaderFor = await graphLoaders(jobs);
  if (threads === 1) {
    stopEarlyWorkers();
    runInProcess(jobs, loaderFor, options);
    return;
  }
  const tasks = planTasks(
    jobs.map((job) => job.runs),
    threads,
  );
  const pending = jobs.map((job) => ({
    left: job.runs,
    network: null as NetworkSummary | null,
    metrics: new Array<Record<string, number>>(job.runs),
  }));
  let jobsLeft = jobs.filter((job) => job.runs > 0).length;
  // One claim per task, shared with the workers: 0 waiting, 1 started, 2 taken back by this thread.
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, tasks.length)));
  const slots: Slot[] = [];
  let next = 0;
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
  if (jobsLeft === 0) finish();
  const complete = (range: TaskRange, network: NetworkSummary, metrics: Record<string, number>[]) => {
    const state = pending[range.job] as (typeof pending)[number];
    state.network ??= network;
    for (let i = 0; i < metrics.length; i++)
      state.metrics[range.start + i] = metrics[i] as Record<string, number>;
    state.left -= range.end - range.start;
    if (state.left > 0) return;
    options.onJobDone(range.job, { network: state.network, metricsPerRun: state.metrics });
    jobsLeft--;
    if (jobsLeft === 0) finish();
  };
  // This thread prepares its first task (the plan's first, when it leaves every task to the workers)
  // before any worker gets one, and lends that network to the workers (a copy each, sent with the
  // first task that uses it): a sweep over model or seeding parameters, or any run, then builds or
  // reads its network once instead of once per thread.
  const isMainWorking = process.env['VIRALSIM_MAIN_THREAD_WORKS'] !== '0';
  let first: { task: number | null; prepared: PreparedScenario } | null = null;
  let loan: { lendingKey: string; network: LentNetwork } | null = null;
  const dispatch = (slot: Slot) => {
    while (slot.held.length < TASKS_IN_FLIGHT && next < tasks.length && !isFailed) {
      const task = next++;
      const range = tasks[task] as TaskRange;
      const job = jobs[range.job] as PointJob;
      const { key, scenario, folder, place } = job;
      const lent =
        loan !== null && !slot.hasLoan && lendingKey(job) === loan.lendingKey ? loan.network : null;
      const message: TaskMessage = {
        type: 'task',
        task,
        claims,
        key,
        scenario,
        folder,
        place,
        ...range,
        ...(lent === null ? {} : { network: lent }),
      };
      if (lent !== null) slot.hasLoan = true;
      slot.handle.worker.postMessage(message);
      slot.held.push(task);
    }
    if (slot.held.length === 0) retireWorker(slot.handle);
  };
  // The next task for this thread: the next of the plan, else one a worker holds but has not started.
  const takeTask = (): number | null => {
    if (next < tasks.length) {
      Atomics.store(claims, next, 1);
      return next++;
    }
    for (const slot of slots) {
      for (let i = slot.held.length - 1; i >= 0; i--) {
        const task = slot.held[i] as number;
        if (Atomics.compareExchange(claims, task, 0, 2) === 0) {
          slot.held.splice(i, 1);
          return task;
        }
      }
    }
    return null;
  };
  const onMessage = (slot: Slot, message: WorkerMessage) => {
    if (isFailed) return;
    switch (message.type) {
      case 'ready':
        dispatch(slot);
        return;
      case 'progress':
        options.onRuns?.(message.runs);
        return;
      case 'error':
        fail(rebuildError(message.name, message.message, message.isUser));
        return;
      case 'done':
        slot.held.splice(slot.held.indexOf(message.task), 1);
        if (message.runs > 0) options.onRuns?.(message.runs);
        complete(tasks[message.task] as TaskRange, message.network, unpackMetrics(message.metrics));
        dispatch(slot);
    }
  };
  const adopt = (handle: WorkerHandle) => {
    const slot: Slot = { handle, held: [], hasLoan: false };
    slots.push(slot);
    handle.onMessage = (message) => {
      try {
        onMessage(slot, message);
      } catch (error) {
        fail(error as Error);
      }
    };
    handle.onError = (error) => fail(error);
    handle.onExit = () => {
      if (!handle.isRetired && handle.failure !== null) fail(handle.failure);
    };
    // Tasks go out at once, even to a worker still booting: they wait in its port, so it starts the
    // moment it is ready, not when this thread (busy with its own first, cold runs) next lets the
    // worker's 'ready' message through. A held task it has not started can still be taken back.
    if (handle.failure !== null) fail(handle.failure);
    else dispatch(slot);
  };
  const firstTask = isMainWorking ? takeTask() : null;
  const firstRange = tasks[firstTask ?? 0];
  const firstJob = firstRange === undefined ? undefined : (jobs[firstRange.job] as PointJob);
  const firstKey = firstJob === undefined ? null : lendingKey(firstJob);
  // Workers started early (already booting) join at once; the rest start now or after the delay.
  const adoptEarlyWorkers = () => {
    for (const handle of takeEarlyWorkers(Math.min(threads - 1, tasks.length))) adopt(handle);
    stopEarlyWorkers();
  };
  // The workers' first tasks wait for this thread's network only when they would use it (the plan's
  // next task has the same network); otherwise they start building their own at once.
  const nextRange = tasks[next];
  const isLoanDue =
    firstKey !== null && nextRange !== undefined && lendingKey(jobs[nextRange.job] as PointJob) === firstKey;
  if (!isLoanDue) adoptEarlyWorkers();
  if (firstJob !== undefined) {
    try {
      first = { task: firstTask, prepared: prepareJob(firstJob, loaderFor, null) };
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      for (const slot of slots) retireWorker(slot.handle);
      stopEarlyWorkers();
      return finished;
    }
    const { networkKey, network } = first.prepared;
    if (firstKey !== null && networkKey !== null) {
      loan = { lendingKey: firstKey, network: { key: networkKey, network } };
    }
  }
  if (isLoanDue) adoptEarlyWorkers();
  const startWorkers = () => {
    const workerCount = Math.min(threads - 1 - slots.length, tasks.length - next);
    for (let w = 0; w < workerCount && !isFailed; w++) adopt(spawnWorker());
  };
  // A small job checks after the delay, and then every WORKER_DELAY_MS, how long this thread expects
  // to go on alone at its recent pace (the first interval, all cold code, only sets the baseline):
  // only a long enough rest is worth a worker's boot and warm-up.
  let runsHere = 0;
  let checkedAt = Number.NaN;
  let checkedRuns = 0;
  let timer: NodeJS.Timeout | undefined;
  const considerWorkers = () => {
    const now = performance.now();
    const runs = runsHere - checkedRuns;
    const msPerRun = (now - checkedAt) / Math.max(1, runs);
    const isWorth = msPerRun * (totalRuns - runsHere) >= WORKER_WORTH_MS;
    checkedAt = now;
    checkedRuns = runsHere;
    if (isWorth || process.env['VIRALSIM_MAIN_THREAD_WORKS'] === '0') startWorkers();
    else if (!isFailed && next < tasks.length) timer = setTimeout(considerWorkers, WORKER_DELAY_MS);
  };
  const delay = workerDelay(jobs);
  if (delay === 0) startWorkers();
  else timer = setTimeout(considerWorkers, delay);
  const runHere = async () => {
    let yieldedAt = performance.now();
    // Start with the task prepared above.
    const firstTaskHere = first?.task ?? null;
    let prepared: PreparedScenario | null = first?.prepared ?? null;
    let key = firstTaskHere === null ? null : (jobs[(tasks[firstTaskHere] as TaskRange).job] as PointJob).key;
    for (let task = firstTaskHere ?? takeTask(); task !== null && !isFailed; task = takeTask()) {
      const range = tasks[task] as TaskRange;
      const job = jobs[range.job] as PointJob;
      if (key !== job.key || prepared === null) {
        const previous = prepared;
        prepared = null;
        key = null;
        prepared = prepareJob(job, loaderFor, previous);
        key = job.key;
      }
      const metrics: Record<string, number>[] = [];
      for (let r = range.start; r < range.end && !isFailed; r++) {
        metrics.push(simulateRunMetrics(prepared, r));
        runsHere++;
        options.onRuns?.(1);
        const now = performance.now();
        if (now - yieldedAt >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          yieldedAt = performance.now();
        }
      }
      if (!isFailed) complete(range, summarizeNetwork(prepared), metrics);
    }
  };
  if (process.env['VIRALSIM_MAIN_THREAD_WORKS'] !== '0') {
    runHere().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  }
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    isFailed = true;
    for (const slot of slots) if (!slot.handle.isRetired) retireWorker(slot.handle);
    stopEarlyWorkers();
  }
}
