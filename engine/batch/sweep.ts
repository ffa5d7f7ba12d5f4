/**
 * Sweep plans: the grid of points a `sweep` runs, how it is sliced into shards, and the record each
 * point produces (one NDJSON line). Node-free; the CLI does the files and the threads.
 *
 * Grid order: the first `--vary` varies slowest, the last fastest (like nested loops in flag order).
 * Shards: point i belongs to shard i mod n (round-robin, so a costly end of a range is shared out);
 * `merge` puts the lines back in point order, which is exactly the unsharded output.
 * Every record carries the sweep's fingerprint, so `--resume` and `merge` never mix two sweeps.
 */
import { OptionsError } from '../errors.js';
import { type Assignment, parseAssignment, parseFlagValue } from '../scenario/override.js';
import type { RunReport } from './run-batch.js';

/** One `--vary`: a path and the values it takes. */
export interface Vary {
  readonly assignment: Assignment;
  readonly values: readonly unknown[];
}

/** Largest number of points a sweep may have (a typo guard). */
export const MAX_SWEEP_POINTS = 1_000_000;

/** Rounds a range value to 12 significant digits so 0.1 + 0.2 prints as 0.3. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Parses `path=a,b,c` (a list; each item JSON when it parses, else a string) or
 * `path=start:stop:count` (count evenly spaced numbers from start to stop, both included).
 */
export function parseVary(text: string, flag = '--vary'): Vary {
  const assignment = parseAssignment(text, flag);
  const valueText = text.slice(text.indexOf('=') + 1);
  const range = /^([^:,]+):([^:,]+):([^:,]+)$/.exec(valueText);
  if (range !== null) {
    const [start, stop, count] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(start) || !Number.isFinite(stop) || !Number.isInteger(count) || count < 1) {
      throw new OptionsError(
        `${flag} ${text}: expected start:stop:count with numbers and a whole count >= 1, got ${JSON.stringify(valueText)}`,
      );
    }
    if (count > MAX_SWEEP_POINTS) {
      throw new OptionsError(`${flag} ${text}: expected a count <= ${MAX_SWEEP_POINTS}, got ${count}`);
    }
    const values =
      count === 1
        ? [start]
        : Array.from({ length: count }, (_, i) => tidy(start + ((stop - start) * i) / (count - 1)));
    return { assignment, values };
  }
  if (valueText === '') throw new OptionsError(`${flag} ${text}: expected values after "=", got nothing`);
  return { assignment, values: splitList(valueText).map(parseFlagValue) };
}

/** Splits `a,b,[1,2],"x,y"` at top-level commas (commas inside brackets, braces or quotes stay). */
function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let isQuoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isQuoted) {
      if (c === '\\') i++;
      else if (c === '"') isQuoted = false;
    } else if (c === '"') isQuoted = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

/** The number of points of the grid. */
export function gridSize(varies: readonly Vary[]): number {
  return varies.reduce((size, vary) => size * vary.values.length, 1);
}

/** The values of point `index` of the grid, one per vary (the last vary fastest). */
export function gridPoint(varies: readonly Vary[], index: number): unknown[] {
  const values: unknown[] = new Array(varies.length);
  let rest = index;
  for (let j = varies.length - 1; j >= 0; j--) {
    const vary = varies[j] as Vary;
    values[j] = vary.values[rest % vary.values.length];
    rest = Math.floor(rest / vary.values.length);
  }
  return values;
}

/** A shard: the `index`-th (from 0) of `count` slices. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (0 ≤ i < n). `source` names where it came from (a flag or an environment variable). */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? Number.NaN : Number(match[1]);
  const count = match === null ? Number.NaN : Number(match[2]);
  if (match === null || count < 1 || index >= count) {
    throw new OptionsError(
      `${source} ${text}: expected i/n with n >= 1 and 0 <= i < n (shards count from 0), got ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

/** The points of a grid of `pointCount` that belong to `shard`: i with i mod n = index, ascending. */
export function shardPoints(pointCount: number, shard: Shard): number[] {
  const points: number[] = [];
  for (let i = shard.index; i < pointCount; i += shard.count) points.push(i);
  return points;
}

/** 64-bit FNV-1a of a string, as 16 hex digits (two 32-bit lanes). Not cryptographic: a fingerprint. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 24), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Identifies a sweep: the base scenario (after `--set`), the varies, and what a line holds. */
export function sweepFingerprint(raw: unknown, varies: readonly Vary[], isPerRun: boolean): string {
  return fingerprint(
    JSON.stringify({
      raw,
      varies: varies.map((vary) => [vary.assignment.pathText, vary.values]),
      isPerRun,
    }),
  );
}

/** What one sweep point produces: one NDJSON line. */
export interface SweepPointRecord extends RunReport {
  sweep: string;
  point: number;
  points: number;
  values: Record<string, unknown>;
  /** Every run's value of each metric, in run order (with `--per-run`). */
  perRun?: Record<string, number[]>;
}

/** Builds a point's record, keys in a fixed order (sweep, point, points, values, the report, perRun). */
export function pointRecord(
  sweep: string,
  point: number,
  varies: readonly Vary[],
  report: RunReport,
  metricsPerRun: readonly Record<string, number>[] | null,
): SweepPointRecord {
  const values: Record<string, unknown> = {};
  const pointValues = gridPoint(varies, point);
  varies.forEach((vary, j) => {
    values[vary.assignment.pathText] = pointValues[j];
  });
  const record: SweepPointRecord = { sweep, point, points: gridSize(varies), values, ...report };
  if (metricsPerRun !== null) {
    const perRun: Record<string, number[]> = {};
    for (const name of Object.keys(report.metrics))
      perRun[name] = metricsPerRun.map((m) => m[name] ?? Number.NaN);
    record.perRun = perRun;
  }
  return record;
}
