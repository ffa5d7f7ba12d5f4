/**
 * `viralsim merge FILES…`: combines the NDJSON files of a sharded sweep into exactly the output the
 * unsharded sweep gives (records in point order), after checking that they come from one sweep, that
 * no point is missing and that no point appears twice with different numbers.
 */
import type { SweepPointRecord } from '../batch/sweep.js';
import { OptionsError } from '../errors.js';
import { parseArgs } from './args.js';
import { chooseFormat, renderSweep } from './output.js';
import { assertWritable } from './output-file.js';
import { emit, formatFlag } from './run.js';
import { readTextFile } from './scenario-file.js';

const USAGE = `usage: viralsim merge FILE... [options]

Combines the NDJSON outputs of a sharded sweep (viralsim sweep --shard i/n) into the output of the
whole sweep, in point order.

options:
  --format F   ndjson (default off a terminal), json, csv or table
  --out FILE   write to FILE (atomically) instead of stdout
`;

const FLAGS = { format: { kind: 'string' }, out: { kind: 'string' } } as const;

const MAX_LISTED = 10;

/** Reads the records of one sweep output file, naming the file and line of any problem. */
export function readSweepFile(path: string): { record: SweepPointRecord; line: string }[] {
  const text = readTextFile(path, 'sweep output file');
  const lines = text.split('\n');
  const last = lines.pop();
  if (last !== undefined && last !== '') {
    throw new OptionsError(
      `${path}: line ${lines.length + 1}: incomplete last line (the sweep was interrupted); finish it with viralsim sweep --resume`,
    );
  }
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new OptionsError(
        `${path}: line ${i + 1}: expected a sweep record (JSON), got ${JSON.stringify(line.slice(0, 40))}`,
      );
    }
    const record = value as Partial<SweepPointRecord> | null;
    if (
      record === null ||
      typeof record !== 'object' ||
      typeof record.sweep !== 'string' ||
      !Number.isInteger(record.point) ||
      !Number.isInteger(record.points)
    ) {
      throw new OptionsError(
        `${path}: line ${i + 1}: expected a sweep record with sweep, point and points (from viralsim sweep --format ndjson)`,
      );
    }
    return { record: record as SweepPointRecord, line: `${line}\n` };
  });
}

/**
 * Merges the records of several files into point order. Throws OptionsError when they come from
 * different sweeps, disagree on a point, or miss points.
 */
export function mergeSweepFiles(paths: readonly string[]): { records: SweepPointRecord[]; lines: string[] } {
  const byPoint = new Map<number, { record: SweepPointRecord; line: string; path: string }>();
  let first: { sweep: string; points: number; path: string } | null = null;
  for (const path of paths) {
    for (const entry of readSweepFile(path)) {
      const { record } = entry;
      if (first === null) first = { sweep: record.sweep, points: record.points, path };
      else if (record.sweep !== first.sweep || record.points !== first.points) {
        throw new OptionsError(
          `${path}: point ${record.point} comes from another sweep (fingerprint ${record.sweep}, ${record.points} points) than ${first.path} (${first.sweep}, ${first.points} points); expected shards of one sweep`,
        );
      }
      const previous = byPoint.get(record.point);
      if (previous !== undefined && previous.line !== entry.line) {
        throw new OptionsError(
          `${path}: point ${record.point} also appears in ${previous.path} with other numbers; expected each point once`,
        );
      }
      byPoint.set(record.point, { ...entry, path });
    }
  }
  if (first === null)
    throw new OptionsError(`merge: ${paths.join(', ')}: expected sweep records, got empty files`);
  const missing: number[] = [];
  for (let point = 0; point < first.points; point++) if (!byPoint.has(point)) missing.push(point);
  if (missing.length > 0) {
    const listed = missing.slice(0, MAX_LISTED).join(', ') + (missing.length > MAX_LISTED ? ', …' : '');
    throw new OptionsError(
      `merge: missing ${missing.length} of ${first.points} points (${listed}); expected every shard's complete output (did a shard fail? rerun it with --resume)`,
    );
  }
  const sorted = [...byPoint.keys()].sort((a, b) => a - b).map((point) => byPoint.get(point)!);
  return { records: sorted.map((entry) => entry.record), lines: sorted.map((entry) => entry.line) };
}

/** The `merge` command. */
export async function mergeCommand(args: readonly string[]): Promise<number> {
  const { flags, positionals, isHelp } = parseArgs(args, {
    command: 'merge',
    flags: FLAGS,
    positionals: ['FILE'],
    isVariadic: true,
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = chooseFormat(formatFlag(flags.format), flags.out, process.stdout.isTTY === true, 'ndjson');
  if (flags.out !== undefined) assertWritable(flags.out, '--out');
  const { records, lines } = mergeSweepFiles(positionals);
  const isPerRun = records[0]?.perRun !== undefined;
  // NDJSON: the original lines, byte for byte, so the result equals the unsharded sweep's file.
  emit(format === 'ndjson' ? lines.join('') : renderSweep(records, format, isPerRun), flags.out);
  return 0;
}
