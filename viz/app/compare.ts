/**
 * Compare A/B: a pinned run (A) against the current run (B): their reach curves on one chart and their
 * KPIs side by side with the difference. A is a snapshot (its scenario, metrics and curve), so B can
 * be any variant: another parameter, another seed, another scenario.
 */
import { drawLines } from '../charts/charts.js';
import { formatCount, formatNumber, formatPercent } from '../format.js';

/** One side of the comparison. */
export interface CompareSide {
  label: string;
  /** The scenario the run came from, to say what B changed. */
  doc: Record<string, unknown>;
  runIndex: number;
  metrics: Record<string, number>;
  /** People reached by the end of each day. */
  curve: Float64Array;
  nodeCount: number;
}

const ROWS: [string, string, 'count' | 'percent' | 'number'][] = [
  ['reach', 'Reach', 'count'],
  ['reachFraction', 'Reach (share of people)', 'percent'],
  ['beyondAudience', 'Beyond audience', 'count'],
  ['impressions', 'Impressions', 'count'],
  ['earnedImpressions', 'Earned impressions', 'count'],
  ['conversions', 'Conversions', 'count'],
  ['referralConversions', 'Referral conversions', 'count'],
  ['cost', 'Cost ($)', 'count'],
  ['revenue', 'Revenue ($)', 'count'],
  ['roi', 'ROI', 'percent'],
  ['shareOfVoice', 'Share of voice', 'percent'],
  ['claimReach', 'Claim reach', 'count'],
  ['structuralVirality', 'Structural virality', 'number'],
  ['depth', 'Depth', 'count'],
  ['duration', 'Duration', 'number'],
];

function format(value: number | undefined, kind: 'count' | 'percent' | 'number'): string {
  if (value === undefined) return '—';
  return kind === 'count'
    ? formatCount(value)
    : kind === 'percent'
      ? formatPercent(value)
      : formatNumber(value);
}

function flatten(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      flatten(child, path === '' ? key : `${path}.${key}`, out);
  } else out.set(path, JSON.stringify(value));
  return out;
}

/**
 * What B changed against A, for the legend: up to `limit` changed fields as `path: a → b` (names and
 * descriptions ignored), the run index when it differs, or "same scenario".
 */
export function describeChange(a: CompareSide, b: CompareSide, limit = 3): string {
  const before = flatten(a.doc, '', new Map());
  const after = flatten(b.doc, '', new Map());
  const changes: string[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (path === 'name' || path === 'description' || path === '$schema') continue;
    const x = before.get(path);
    const y = after.get(path);
    if (x === y) continue;
    changes.push(`${path} ${x ?? '(none)'} → ${y ?? '(none)'}`);
  }
  if (a.runIndex !== b.runIndex) changes.push(`run ${a.runIndex} → ${b.runIndex}`);
  if (changes.length === 0) return 'same scenario and run';
  const shown = changes.slice(0, limit).join(', ');
  return changes.length > limit ? `${shown} and ${changes.length - limit} more` : shown;
}

/** The rows of the comparison table: label, A, B and B − A, for metrics either side has. */
export function compareRows(
  a: CompareSide,
  b: CompareSide,
): { label: string; a: string; b: string; delta: string; sign: number }[] {
  const rows: { label: string; a: string; b: string; delta: string; sign: number }[] = [];
  for (const [key, label, kind] of ROWS) {
    const va = a.metrics[key];
    const vb = b.metrics[key];
    if (va === undefined && vb === undefined) continue;
    const diff = va !== undefined && vb !== undefined ? vb - va : Number.NaN;
    const delta = !Number.isFinite(diff)
      ? '—'
      : `${diff > 0 ? '+' : ''}${kind === 'percent' ? `${formatNumber(diff * 100, 1)} pts` : kind === 'count' ? formatCount(diff) : formatNumber(diff)}`;
    rows.push({
      label,
      a: format(va, kind),
      b: format(vb, kind),
      delta,
      sign: Number.isFinite(diff) ? Math.sign(diff) : 0,
    });
  }
  return rows;
}

/** Draws the comparison (or an invitation when A or B is missing). */
export function drawCompare(
  chart: HTMLElement,
  tableBox: HTMLElement,
  a: CompareSide | null,
  b: CompareSide | null,
  unit: string,
): void {
  if (a === null || b === null) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent =
      a === null
        ? 'No run pinned yet. Run a scenario, then “Pin this run as A”.'
        : 'A is pinned. Change a parameter (or pick another scenario) and press Run: that run is B.';
    chart.replaceChildren(p);
    tableBox.replaceChildren();
    return;
  }
  drawLines(
    chart,
    [
      { name: `A: ${a.label}`, colour: '#7b8794', values: a.curve, isDashed: true },
      { name: `B: ${describeChange(a, b)}`, colour: '#e26028', values: b.curve },
    ],
    { xLabel: unit },
  );
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of ['', 'A', 'B', 'B − A']) {
    const th = document.createElement('th');
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of compareRows(a, b)) {
    const tr = body.insertRow();
    tr.insertCell().textContent = row.label;
    tr.insertCell().textContent = row.a;
    tr.insertCell().textContent = row.b;
    const delta = tr.insertCell();
    delta.textContent = row.delta;
    if (row.sign !== 0) delta.className = row.sign > 0 ? 'up' : 'down';
  }
  tableBox.replaceChildren(table);
}
