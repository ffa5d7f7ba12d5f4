/**
 * `viralsim sweep FILE --vary path=values…`: runs a scenario at every point of a grid of overrides and
 * writes one record per point. NDJSON output is streamed one complete, synced line at a time in point
 * order, so `--resume` can skip the points already written and a killed-and-resumed sweep equals an
 * uninterrupted one. `--shard i/n` (or Slurm's / Kubernetes' array index) runs one deterministic slice;
 * `viralsim merge` puts the slices back together.
 */
import { readFileSync, truncateSync } from 'node:fs';
import { buildRunReport } from '../batch/run-batch.js';
import {
  gridPoint,
  gridSize,
  MAX_SWEEP_POINTS,
  parseShard,
  parseVary,
  pointRecord,
  type Shard,
  type SweepPointRecord,
  shardPoints,
  sweepFingerprint,
  type Vary,
} from '../batch/sweep.js';
import { OptionsError } from '../errors.js';
import { applyAssignments } from '../scenario/override.js';
import type { Scenario } from '../scenario/schema.js';
import { parseArgs, parseIntegerFlag } from './args.js';
import { chooseFormat, ndjsonLine, renderSweep } from './output.js';
import { assertWritable, type LineWriter, openLineWriter } from './output-file.js';
import { type PointJob, runJobs } from './pool.js';
import { startProgress } from './progress.js';
import { BATCH_FLAGS, emit, formatFlag, scenarioAssignments, threadCount } from './run.js';
import { readScenarioFile } from './scenario-file.js';

const USAGE = `usage: viralsim sweep FILE --vary path=values [options]

Runs the scenario in FILE at every point of a grid and writes one record per point.

options:
  --vary path=a,b,c           the values a field takes (JSON when they parse, else text)
  --vary path=start:stop:count  count evenly spaced numbers from start to stop (both included);
                              several --vary form a grid, the first varying slowest (repeatable)
  --runs N, --seed S, --set path=value, --threads N, --per-run   as for viralsim run
  --format F                  ndjson (default off a terminal), json, csv or table
  --out FILE                  write to FILE: NDJSON is written line by line, other formats atomically
  --resume                    skip the points already complete in --out (NDJSON)
  --shard i/n                 run only points p with p mod n = i (i counts from 0), as NDJSON
  --shards n                  with a Kubernetes Indexed Job: the shard index is JOB_COMPLETION_INDEX
                              (a Slurm job array is detected from SLURM_ARRAY_TASK_ID/_COUNT)
`;

const FLAGS = {
  ...BATCH_FLAGS,
  vary: { kind: 'string', isRepeatable: true },
  resume: { kind: 'boolean' },
  shard: { kind: 'string' },
  shards: { kind: 'string' },
} as const;

/**
 * The shard to run: `--shard i/n`; else `JOB_COMPLETION_INDEX` with `--shards n` (Kubernetes Indexed
 * Job); else `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` (default 0) of `SLURM_ARRAY_TASK_COUNT`;
 * else null (the whole sweep).
 */
export function resolveShard(
  shard: string | undefined,
  shards: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Shard | null {
  if (shard !== undefined) {
    if (shards !== undefined) throw new OptionsError('--shard and --shards: give one, not both');
    return parseShard(shard, '--shard');
  }
  if (shards !== undefined) {
    const count = parseIntegerFlag('shards', shards, 1);
    const index = env['JOB_COMPLETION_INDEX'];
    if (index === undefined) {
      throw new OptionsError(
        `--shards ${shards}: expected the environment variable JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job), got nothing; outside Kubernetes use --shard i/n`,
      );
    }
    return parseShard(`${index}/${count}`, `JOB_COMPLETION_INDEX=${index} with --shards`);
  }
  const taskId = env['SLURM_ARRAY_TASK_ID'];
  const taskCount = env['SLURM_ARRAY_TASK_COUNT'];
  if (taskId !== undefined && taskCount !== undefined) {
    const min = Number(env['SLURM_ARRAY_TASK_MIN'] ?? '0');
    const index = Number(taskId) - (Number.isFinite(min) ? min : 0);
    return parseShard(`${index}/${taskCount}`, `SLURM_ARRAY_TASK_ID=${taskId} (of SLURM_ARRAY_TASK_COUNT)`);
  }
  return null;
}

/**
 * Reads the complete records already in a resumed output file: cuts off a torn last line, checks every
 * line belongs to this sweep, and returns the points done. A missing file means nothing is done.
 */
export function readResumeFile(path: string, sweep: string): Set<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Set();
  }
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete), 'utf8'));
  const done = new Set<number>();
  const lines = text.slice(0, complete).split('\n');
  lines.pop();
  lines.forEach((line, i) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new OptionsError(`--resume ${path}: line ${i + 1}: expected a sweep record, got malformed JSON`);
    }
    const fields = record as { sweep?: unknown; point?: unknown };
    if (fields.sweep !== sweep) {
      throw new OptionsError(
        `--resume ${path}: line ${i + 1}: holds a different sweep (fingerprint ${JSON.stringify(fields.sweep)}, this sweep ${sweep}); expected the output of this very sweep (same scenario, --set, --vary, --runs, --seed, --per-run), or use another --out`,
      );
    }
    if (typeof fields.point === 'number') done.add(fields.point);
  });
  return done;
}

/** Validates every point's scenario up front (so a bad --vary value fails before any work). */
function pointScenarios(
  raw: unknown,
  varies: readonly Vary[],
  place: string,
  points: readonly number[],
): Scenario[] {
  const assignments = varies.map((vary) => vary.assignment);
  return points.map((point) => applyAssignments(raw, assignments, place, gridPoint(varies, point)).scenario);
}

/** The `sweep` command. */
export async function sweepCommand(args: readonly string[]): Promise<number> {
  const { flags, positionals, isHelp } = parseArgs(args, {
    command: 'sweep',
    flags: FLAGS,
    positionals: ['FILE'],
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.vary.length === 0) {
    throw new OptionsError('viralsim sweep: --vary: expected at least one --vary path=values, got none');
  }
  const varies = flags.vary.map((text) => parseVary(text, '--vary'));
  const pointCount = gridSize(varies);
  if (pointCount > MAX_SWEEP_POINTS) {
    throw new OptionsError(`--vary: the grid has ${pointCount} points; expected at most ${MAX_SWEEP_POINTS}`);
  }
  const threads = threadCount(flags.threads);
  const shard = resolveShard(flags.shard, flags.shards, process.env);
  const format = chooseFormat(formatFlag(flags.format), flags.out, process.stdout.isTTY === true, 'ndjson');
  if (shard !== null && format !== 'ndjson') {
    throw new OptionsError(
      `--format ${format}: a shard writes NDJSON (for viralsim merge); expected --format ndjson`,
    );
  }
  if (flags.resume && (flags.out === undefined || format !== 'ndjson')) {
    throw new OptionsError('--resume: expected --out FILE with NDJSON output (the file to resume)');
  }
  if (flags.out !== undefined) assertWritable(flags.out, '--out');
  const file = readScenarioFile(positionals[0] as string, scenarioAssignments(flags));
  const isPerRun = flags['per-run'];
  const sweep = sweepFingerprint(file.raw, varies, isPerRun);
  const mine =
    shard === null ? Array.from({ length: pointCount }, (_, i) => i) : shardPoints(pointCount, shard);
  const done = flags.resume && flags.out !== undefined ? readResumeFile(flags.out, sweep) : new Set<number>();
  const todo = mine.filter((point) => !done.has(point));
  const scenarios = pointScenarios(file.raw, varies, file.place, todo);
  const jobs: PointJob[] = todo.map((point, i) => {
    const scenario = scenarios[i] as Scenario;
    return {
      key: `${sweep}/${point}`,
      scenario,
      folder: file.folder,
      place: file.place,
      runs: scenario.runs,
    };
  });

  const isStreamed = format === 'ndjson';
  let writer: LineWriter | null = null;
  if (isStreamed && flags.out !== undefined) writer = openLineWriter(flags.out, flags.resume ? 'a' : 'w');
  const records: (SweepPointRecord | undefined)[] = new Array(jobs.length);
  let nextToWrite = 0;
  const flush = () => {
    while (nextToWrite < jobs.length && records[nextToWrite] !== undefined) {
      const record = records[nextToWrite] as SweepPointRecord;
      if (isStreamed) {
        const line = ndjsonLine(record);
        if (writer !== null) writer.write(line);
        else process.stdout.write(line);
      }
      nextToWrite++;
    }
  };
  const progress = startProgress(
    'sweep',
    jobs.reduce((sum, job) => sum + job.runs, 0),
  );
  try {
    await runJobs(jobs, {
      threads,
      onRuns: (count) => progress.tick(count),
      onJobDone: (index, outcome) => {
        const job = jobs[index] as PointJob;
        const report = buildRunReport(job.scenario, outcome.network, outcome.metricsPerRun);
        const point = todo[index] as number;
        records[index] = pointRecord(sweep, point, varies, report, isPerRun ? outcome.metricsPerRun : null);
        flush();
      },
    });
  } finally {
    progress.done();
    writer?.close();
  }
  if (!isStreamed) emit(renderSweep(records as SweepPointRecord[], format, isPerRun), flags.out);
  return 0;
}
