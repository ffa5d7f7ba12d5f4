/**
 * `viralsim run FILE`: runs a scenario's Monte Carlo batch (on worker threads) and prints the report
 * as a table, JSON, tidy CSV or NDJSON; optionally every run's metrics (`--per-run`) and run 0's
 * event trace (`--trace FILE`) for the visualiser. The output is byte-identical whatever `--threads`.
 */
import { buildRunReport, type NetworkSummary, type RunReport } from '../batch/run-batch.js';
import { prepareScenario, simulateRun } from '../batch/simulate.js';
import { OptionsError } from '../errors.js';
import type { Assignment } from '../scenario/override.js';
import { parseAssignment } from '../scenario/override.js';
import { serializeTrace } from '../simulation/trace.js';
import { parseArgs, parseChoiceFlag, parseIntegerFlag } from './args.js';
import { writeFileAtomic } from './io.js';
import {
  chooseFormat,
  ndjsonLine,
  OUTPUT_FORMATS,
  type OutputFormat,
  perRunCsv,
  runReportCsv,
  runReportTable,
} from './output.js';
import { assertWritable } from './output-file.js';
import { defaultThreads, runJobs } from './pool.js';
import { startProgress } from './progress.js';
import { readScenarioFile } from './scenario-file.js';

/** Largest `--threads`. */
export const MAX_THREADS = 256;

const USAGE = `usage: viralsim run FILE [options]

Runs the scenario in FILE (its Monte Carlo batch) and prints a summary of every metric.

options:
  --runs N            number of runs (default: the scenario's runs)
  --seed S            root seed (default: the scenario's seed)
  --set path=value    override a scenario field, e.g. --set model.probability=0.2 (repeatable)
  --threads N         worker threads (default: the number of cores); the output does not depend on it
  --format F          table, json, csv or ndjson (default: from --out's extension; a table on a
                      terminal, else json)
  --out FILE          write the output to FILE (atomically) instead of stdout
  --trace FILE        write run 0's event trace (for the visualiser's replay)
  --per-run           every run's metrics instead of (csv, ndjson) or besides (json) the summary
`;

/** Flags that `run` and `sweep` share: scenario overrides, threads, output. */
export const BATCH_FLAGS = {
  runs: { kind: 'string' },
  seed: { kind: 'string' },
  set: { kind: 'string', isRepeatable: true },
  threads: { kind: 'string' },
  format: { kind: 'string' },
  out: { kind: 'string' },
  'per-run': { kind: 'boolean' },
} as const;

const FLAGS = { ...BATCH_FLAGS, trace: { kind: 'string' } } as const;

/** The `--runs`, `--seed` and `--set` flags as scenario assignments, in that order. */
export function scenarioAssignments(flags: {
  runs: string | undefined;
  seed: string | undefined;
  set: readonly string[];
}): Assignment[] {
  const assignments: Assignment[] = [];
  if (flags.runs !== undefined) {
    const value = parseIntegerFlag('runs', flags.runs, 1);
    assignments.push({ flag: '--runs', pathText: 'runs', path: ['runs'], value });
  }
  if (flags.seed !== undefined) {
    const value = parseIntegerFlag('seed', flags.seed, 0);
    assignments.push({ flag: '--seed', pathText: 'seed', path: ['seed'], value });
  }
  for (const set of flags.set) assignments.push(parseAssignment(set, '--set'));
  return assignments;
}

/** Reads `--threads` (default: the number of cores). */
export function threadCount(text: string | undefined): number {
  return text === undefined ? defaultThreads() : parseIntegerFlag('threads', text, 1, MAX_THREADS);
}

/** Reads `--format`. */
export function formatFlag(text: string | undefined): OutputFormat | undefined {
  return text === undefined ? undefined : parseChoiceFlag('format', text, OUTPUT_FORMATS);
}

/** Renders a run report (and its per-run metrics when asked) in `format`. */
export function renderRun(
  report: RunReport,
  metricsPerRun: readonly Record<string, number>[],
  format: OutputFormat,
  isPerRun: boolean,
): string {
  const perRun = (): Record<string, number[]> => {
    const columns: Record<string, number[]> = {};
    for (const name of Object.keys(report.metrics))
      columns[name] = metricsPerRun.map((m) => m[name] ?? Number.NaN);
    return columns;
  };
  switch (format) {
    case 'json':
      return `${JSON.stringify(isPerRun ? { ...report, perRun: perRun() } : report, null, 2)}\n`;
    case 'ndjson':
      if (!isPerRun) return ndjsonLine(report);
      return metricsPerRun
        .map((metrics, run) => ndjsonLine({ scenario: report.scenario, seed: report.seed, run, metrics }))
        .join('');
    case 'csv':
      return isPerRun ? perRunCsv(report, metricsPerRun) : runReportCsv(report);
    case 'table':
      return runReportTable(report);
  }
}

/** Writes command output to `--out` (atomically) or stdout. */
export function emit(text: string, out: string | undefined): void {
  if (out === undefined) process.stdout.write(text);
  else writeFileAtomic(out, text, '--out');
}

/** The `run` command. */
export async function runCommand(args: readonly string[]): Promise<number> {
  const { flags, positionals, isHelp } = parseArgs(args, {
    command: 'run',
    flags: FLAGS,
    positionals: ['FILE'],
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  const path = positionals[0] as string;
  const threads = threadCount(flags.threads);
  const format = chooseFormat(formatFlag(flags.format), flags.out, process.stdout.isTTY === true, 'json');
  if (flags.out !== undefined) assertWritable(flags.out, '--out');
  if (flags.trace !== undefined) assertWritable(flags.trace, '--trace');
  if (flags.out !== undefined && flags.out === flags.trace) {
    throw new OptionsError(`--out and --trace: both name ${flags.out}; expected two different files`);
  }
  const file = readScenarioFile(path, scenarioAssignments(flags));
  const { scenario } = file;
  const progress = startProgress('run', scenario.runs);
  let network: NetworkSummary | null = null;
  let metricsPerRun: Record<string, number>[] = [];
  await runJobs([{ key: 'run', scenario, folder: file.folder, place: file.place, runs: scenario.runs }], {
    threads,
    onRuns: (count) => progress.tick(count),
    onJobDone: (_, outcome) => {
      network = outcome.network;
      metricsPerRun = outcome.metricsPerRun;
    },
  });
  progress.done();
  if (network === null) throw new Error('run: the batch finished without a result');
  const report = buildRunReport(scenario, network, metricsPerRun);
  if (flags.trace !== undefined) {
    const loadGraph =
      scenario.network.type === 'file'
        ? (await import('./graph-loader.js')).fileGraphLoader(file.folder)
        : undefined;
    const prepared = prepareScenario(scenario, {
      place: file.place,
      ...(loadGraph === undefined ? {} : { loadGraph }),
    });
    const result = simulateRun(prepared, 0, { shouldTrace: true });
    if (result.trace === null) throw new Error(`run: model ${scenario.model.type} returned no trace`);
    const audience = prepared.audiences.seeding;
    const text = serializeTrace(result.trace, {
      model: result.model,
      stateNames: result.stateNames,
      nodeCount: prepared.network.nodeCount,
      ids: prepared.network.ids,
      seeds: Array.from(result.seeds),
      seed: scenario.seed,
      run: 0,
      scenario: file.raw,
      audience: audience === null ? null : audienceIndices(audience),
    });
    writeFileAtomic(flags.trace, text, '--trace');
  }
  emit(renderRun(report, metricsPerRun, format, flags['per-run']), flags.out);
  return 0;
}

function audienceIndices(mask: Uint8Array): number[] {
  const indices: number[] = [];
  for (let u = 0; u < mask.length; u++) if (mask[u] === 1) indices.push(u);
  return indices;
}
