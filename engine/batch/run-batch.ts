/**
 * Monte Carlo batches and the report every output format is rendered from. A batch's numbers depend
 * only on (scenario, seed, runs): per-run metrics are kept in run order and summarised once, so the
 * report is byte-identical however the runs were computed (threads, workers, shards, browser).
 */
import { RNG_NAME } from '../rng.js';
import type { Scenario } from '../scenario/schema.js';
import {
  type NetworkSummary,
  type PreparedScenario,
  type PrepareOptions,
  prepareScenario,
  runRange,
  summarizeNetwork,
} from './simulate.js';
import {
  type CascadeSizeDistribution,
  cascadeSizeDistribution,
  type MetricSummary,
  summarizeRuns,
} from './summary.js';

// Defined beside the pipeline (so a worker thread need not load the summaries); re-exported here.
export { type NetworkSummary, summarizeNetwork } from './simulate.js';

/**
 * What `viralsim run --format json` prints, and what {@link simulate} returns: the scenario's name,
 * seed, run count, generator, network, a summary per metric and the cascade-size distribution.
 */
export interface RunReport {
  scenario: string;
  seed: number;
  runs: number;
  rng: string;
  network: NetworkSummary;
  metrics: Record<string, MetricSummary>;
  cascadeSizeDistribution: CascadeSizeDistribution;
}

/** Options of {@link runBatch}. */
export interface RunBatchOptions {
  /** Number of runs. Default: the scenario's `runs`. */
  runs?: number;
  /** Called after each run with the number of runs done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome of a batch: every run's metrics, in run order, and their report. */
export interface BatchResult {
  metricsPerRun: Record<string, number>[];
  report: RunReport;
}

/**
 * Builds the report from every run's metrics (in run order). Key order is fixed: the metrics in the
 * order the first run reported them. O(runs · metrics · log runs).
 */
export function buildRunReport(
  scenario: Scenario,
  network: NetworkSummary,
  metricsPerRun: readonly Record<string, number>[],
): RunReport {
  const sizes = metricsPerRun.map((metrics) => metrics['reach'] ?? 0);
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    runs: metricsPerRun.length,
    rng: RNG_NAME,
    network,
    metrics: summarizeRuns(metricsPerRun as Record<string, number>[]),
    cascadeSizeDistribution: cascadeSizeDistribution(sizes),
  };
}

/**
 * Runs runs 0 … runs − 1 of a prepared scenario on this thread and reports them. O(runs · run cost).
 */
export function runBatch(prepared: PreparedScenario, options: RunBatchOptions = {}): BatchResult {
  const runs = options.runs ?? prepared.scenario.runs;
  const onProgress = options.onProgress;
  const metricsPerRun = runRange(
    prepared,
    0,
    runs,
    onProgress === undefined ? undefined : (r) => onProgress(r + 1, runs),
  );
  return {
    metricsPerRun,
    report: buildRunReport(prepared.scenario, summarizeNetwork(prepared), metricsPerRun),
  };
}

/** Options of {@link simulate}. */
export interface SimulateOptions extends PrepareOptions, RunBatchOptions {}

/**
 * Prepares a scenario and runs its whole batch: the library form of `viralsim run --format json`
 * (same numbers, same key order). Use {@link prepareScenario} and {@link runBatch} to reuse a network.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunReport {
  return runBatch(prepareScenario(scenario, options), options).report;
}
