/**
 * Exports: results as CSV (tidy: one row per metric, with the run's value and, after a batch, the
 * Monte Carlo mean, sd and 5–95% range), the scenario as JSON, and the network view as PNG. The CSV
 * builder is pure; cells that a spreadsheet would run as a formula are escaped.
 */
import { quantile } from '../charts/series-data.js';

/** One CSV cell: quoted when needed; text starting with = + - @ (and not a number) is prefixed with '. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@]/.test(text) && !Number.isFinite(Number(text))) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Results as CSV: scenario, metric, run value, and batch statistics when a batch ran. */
export function resultsCsv(
  scenarioName: string,
  runIndex: number,
  runMetrics: Record<string, number> | null,
  batch: Record<string, Float64Array> | null,
): string {
  const rows: (string | number)[][] = [
    ['scenario', 'metric', `run${runIndex}`, 'mean', 'sd', 'p05', 'p50', 'p95', 'runs'],
  ];
  const names = new Set([...Object.keys(runMetrics ?? {}), ...Object.keys(batch ?? {})]);
  for (const name of [...names].sort()) {
    const row: (string | number)[] = [scenarioName, name, runMetrics?.[name] ?? Number.NaN];
    const values = batch?.[name]?.filter((v) => Number.isFinite(v));
    if (values !== undefined && values.length > 0) {
      const sorted = Float64Array.from(values).sort();
      const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
      const variance =
        sorted.length > 1 ? sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (sorted.length - 1) : 0;
      row.push(
        mean,
        Math.sqrt(variance),
        quantile(sorted, 0.05),
        quantile(sorted, 0.5),
        quantile(sorted, 0.95),
        sorted.length,
      );
    } else {
      row.push(Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, '');
    }
    rows.push(row);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe version of a scenario name. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}
