/**
 * Rendering reports for people and programs: an aligned table (terminal), JSON, NDJSON and tidy CSV
 * (one row per metric, per sweep point × metric, or per run × metric with `--per-run`), ready for
 * pandas or R. CSV cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return and are not
 * numbers get a leading `'`, so a spreadsheet never runs them as formulas.
 */
import type { RunReport } from '../batch/run-batch.js';
import type { MetricSummary } from '../batch/summary.js';
import type { SweepPointRecord } from '../batch/sweep.js';
import { OptionsError } from '../errors.js';

/** The output formats. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const EXTENSIONS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.txt': 'table',
};

/**
 * The format to write: `--format` when given, else from the `--out` extension, else a table on a
 * terminal and `fallback` otherwise. An `--out` extension that names no format is an OptionsError.
 */
export function chooseFormat(
  format: OutputFormat | undefined,
  out: string | undefined,
  isTerminal: boolean,
  fallback: OutputFormat,
): OutputFormat {
  if (format !== undefined) return format;
  if (out !== undefined) {
    const match = /\.[^./\\]+$/.exec(out);
    const byExtension = match === null ? undefined : EXTENSIONS[match[0].toLowerCase()];
    if (byExtension === undefined) {
      throw new OptionsError(
        `--out ${out}: cannot tell the format from the extension; expected .json, .csv, .ndjson or .txt, or give --format`,
      );
    }
    return byExtension;
  }
  return isTerminal ? 'table' : fallback;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV cell: numbers as JavaScript prints them, formula-like text escaped, quoting as RFC 4180. */
export function csvCell(value: unknown): string {
  if (typeof value === 'number') return String(value);
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** Summary columns, in order, with ci95 flattened to ci95_lo and ci95_hi. */
function summaryColumns(metrics: Record<string, MetricSummary>): string[] {
  const first = Object.values(metrics)[0];
  if (first === undefined) return [];
  return Object.keys(first).flatMap((key) => (key === 'ci95' ? ['ci95_lo', 'ci95_hi'] : [key]));
}

function summaryCells(summary: MetricSummary, columns: readonly string[]): unknown[] {
  const record = summary as unknown as Record<string, unknown>;
  return columns.map((column) => {
    if (column === 'ci95_lo') return summary.ci95[0];
    if (column === 'ci95_hi') return summary.ci95[1];
    return record[column];
  });
}

/** A run report as tidy CSV: `scenario,seed,runs,metric,<summary columns>`. */
export function runReportCsv(report: RunReport): string {
  const columns = summaryColumns(report.metrics);
  let out = csvRow(['scenario', 'seed', 'runs', 'metric', ...columns]);
  for (const [name, summary] of Object.entries(report.metrics)) {
    out += csvRow([report.scenario, report.seed, report.runs, name, ...summaryCells(summary, columns)]);
  }
  return out;
}

/** Every run's metrics as tidy CSV: `scenario,seed,run,metric,value`. */
export function perRunCsv(report: RunReport, metricsPerRun: readonly Record<string, number>[]): string {
  let out = csvRow(['scenario', 'seed', 'run', 'metric', 'value']);
  metricsPerRun.forEach((metrics, run) => {
    for (const name of Object.keys(report.metrics)) {
      out += csvRow([report.scenario, report.seed, run, name, metrics[name]]);
    }
  });
  return out;
}

/** Sweep records as tidy CSV: one row per point × metric (or per point × run × metric with perRun). */
export function sweepCsv(records: readonly SweepPointRecord[], isPerRun: boolean): string {
  const first = records[0];
  if (first === undefined) return '';
  const paths = Object.keys(first.values);
  if (isPerRun) {
    let out = csvRow(['point', ...paths, 'run', 'metric', 'value']);
    for (const record of records) {
      const values = paths.map((path) => record.values[path]);
      const perRun = record.perRun ?? {};
      for (let run = 0; run < record.runs; run++) {
        for (const name of Object.keys(record.metrics)) {
          out += csvRow([record.point, ...values, run, name, perRun[name]?.[run]]);
        }
      }
    }
    return out;
  }
  const columns = summaryColumns(first.metrics);
  let out = csvRow(['point', ...paths, 'metric', ...columns]);
  for (const record of records) {
    const values = paths.map((path) => record.values[path]);
    for (const [name, summary] of Object.entries(record.metrics)) {
      out += csvRow([record.point, ...values, name, ...summaryCells(summary, columns)]);
    }
  }
  return out;
}

/** Formats a number for a table: up to 4 significant digits, integers as they are. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e9)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** Lays out rows as aligned columns (first column left, the rest right-aligned). */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, j) => {
      widths[j] = Math.max(widths[j] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, j) => (j === 0 ? cell.padEnd(widths[j] ?? 0) : cell.padStart(widths[j] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function metricRows(metrics: Record<string, MetricSummary>): string[][] {
  const rows: string[][] = [['metric', 'mean', 'sd', '95% CI', 'min', 'median', 'max']];
  for (const [name, s] of Object.entries(metrics)) {
    rows.push([
      name,
      formatNumber(s.mean),
      formatNumber(s.sd),
      `${formatNumber(s.ci95[0])} .. ${formatNumber(s.ci95[1])}`,
      formatNumber(s.min),
      formatNumber(s.p50),
      formatNumber(s.max),
    ]);
  }
  return rows;
}

/** A run report as a human-readable table. */
export function runReportTable(report: RunReport): string {
  const { network } = report;
  const head =
    `${report.scenario}: ${report.runs} runs, seed ${report.seed} (${report.rng}); ` +
    `network ${network.nodes} people, ${network.edges} ${network.directed ? 'arcs (directed)' : 'edges'}`;
  return `${head}\n\n${alignTable(metricRows(report.metrics))}\n`;
}

/** Sweep records as a table: a block per point headed by its values. */
export function sweepTable(records: readonly SweepPointRecord[]): string {
  return records
    .map((record) => {
      const values = Object.entries(record.values)
        .map(([path, value]) => `${path}=${JSON.stringify(value)}`)
        .join(', ');
      return `point ${record.point + 1}/${record.points}: ${values}\n${alignTable(metricRows(record.metrics))}\n`;
    })
    .join('\n');
}

/** One NDJSON line (with its newline) for a record. */
export function ndjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Sweep records rendered whole in `format` (NDJSON: one line per point, in the records' order). */
export function renderSweep(
  records: readonly SweepPointRecord[],
  format: OutputFormat,
  isPerRun: boolean,
): string {
  switch (format) {
    case 'ndjson':
      return records.map(ndjsonLine).join('');
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'csv':
      return sweepCsv(records, isPerRun);
    case 'table':
      return sweepTable(records);
  }
}
