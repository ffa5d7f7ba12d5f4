/**
 * The right-hand panel: tabs (keyboard: arrows move between them) and the charts in each: reach by
 * channel and new people per day (Spread), the funnel and states (Funnel), share of voice against a
 * false claim (Crisis), the Monte Carlo band and cascade-size CCDF, the cascade tree and Compare A/B.
 * Charts follow the replay cursor.
 */
import { nodeId, type Trace } from '../../engine/index.js';
import {
  cascadeTreeSteps,
  forestTrees,
  structuralVirality,
  TREE_DRAW_LIMIT,
  treeMembers,
} from '../cascade/cascade-tree.js';
import {
  type ChartHandle,
  drawBars,
  drawColumns,
  drawLines,
  drawLogLog,
  drawStackedAreas,
} from '../charts/charts.js';
import { ccdf, newPerDay, quantileBand, reachByChannelOf, reachCurve } from '../charts/series-data.js';
import { formatCount, formatNumber, formatPercent } from '../format.js';
import { channelColours } from '../network/palette.js';
import type { FirstReach } from '../replay/replay-cursor.js';
import type { BatchPayload } from '../worker/protocol.js';
import { believersPerDay, funnelAt, type RunView, shareOfVoiceSeries } from './display-data.js';
import { type FrameJob, frameJob } from './frame-queue.js';

const ACCENT = '#e26028';

function empty(container: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text;
  container.replaceChildren(p);
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Sets up the tab list: click or arrow keys select a tab; `onShow` hears the selected panel id. */
export function setupTabs(onShow: (panelId: string) => void): (panelId: string) => void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement) => {
    for (const other of tabs) {
      const isSelected = other === tab;
      other.setAttribute('aria-selected', String(isSelected));
      other.tabIndex = isSelected ? 0 : -1;
      byId(other.getAttribute('aria-controls') as string).hidden = !isSelected;
    }
    onShow(tab.getAttribute('aria-controls') as string);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = tabs[(i + step + tabs.length) % tabs.length] as HTMLButtonElement;
      next.focus();
      select(next);
    });
  });
  return (panelId: string) => {
    const tab = tabs.find((t) => t.getAttribute('aria-controls') === panelId);
    if (tab !== undefined) select(tab);
  };
}

/** Days a run's charts cover: up to the last event, at most the horizon. */
export function chartDays(trace: Trace, horizon: number): number {
  const last = trace.length > 0 ? (trace.time[trace.length - 1] as number) : 0;
  return Math.floor(Math.min(Math.max(horizon, 1), Math.max(1, Math.ceil(last)))) + 1;
}

/**
 * The charts of one run as jobs to draw a few per animation frame (see FrameQueue): each job draws one
 * chart, computing its series from the trace only when it runs, and returns its cursor handle.
 */
export function runChartJobs(
  view: RunView,
  reach: FirstReach,
  days: number,
  unit: string,
  colourOf: (code: number) => string,
): FrameJob<ChartHandle[]>[] {
  const { result, trace } = view;
  const spread = (run: () => ChartHandle) => frameJob('panel-spread', () => [run()]);
  const crisis = (run: () => ChartHandle[]) => frameJob('panel-crisis', run);
  const jobs: FrameJob<ChartHandle[]>[] = [
    spread(() => {
      const split = reachByChannelOf(reach, trace.channelNames, days);
      const colours = channelColours(split.channels);
      const series = split.channels.map((name, i) => ({
        name,
        colour: colours[i] as string,
        values: split.curves[i] as Float64Array,
      }));
      return drawStackedAreas(
        byId('chart-reach'),
        series.filter((s) => (s.values[days - 1] as number) > 0),
        unit,
      );
    }),
    spread(() =>
      drawColumns(byId('chart-new'), newPerDay(reachCurve(result.forest.reachedTime, days)), ACCENT, unit),
    ),
    spread(() => drawStatesOverTime(view, colourOf, unit)),
  ];
  const box = byId('chart-sov');
  const hasClaim = trace.kindNames.includes('claim-share') && (result.metrics['claimReach'] ?? 0) > 0;
  if (!hasClaim) {
    jobs.push(
      crisis(() => {
        empty(
          box,
          trace.kindNames.includes('claim-share')
            ? 'No false claim in this scenario: share of voice is 100%. Pick a crisis scenario to see the campaign and the claim compete.'
            : 'This model has no competing claim. Pick a crisis scenario (campaign model with a false claim).',
        );
        return [];
      }),
    );
    return jobs;
  }
  // Three line charts in one panel: the first job clears it and makes room for the other two.
  const mentionsBox = document.createElement('div');
  const believersBox = document.createElement('div');
  const sov = () => shareOfVoiceSeries(trace, days);
  let series: ReturnType<typeof shareOfVoiceSeries> | null = null;
  jobs.push(
    crisis(() => {
      series = sov();
      const handle = drawLines(
        box,
        [{ name: 'share of voice (campaign)', colour: '#2a7de1', values: series.sov }],
        { yFormat: formatPercent, yMax: 1, xLabel: unit },
      );
      box.append(mentionsBox, believersBox);
      return [handle];
    }),
    crisis(() => {
      const { campaign, claim } = series ?? sov();
      return [
        drawLines(
          mentionsBox,
          [
            { name: 'campaign mentions per day', colour: '#2a7de1', values: campaign },
            { name: 'claim mentions per day', colour: '#d62839', values: claim },
          ],
          { xLabel: unit },
        ),
      ];
    }),
    crisis(() => {
      const correction = result.series.columns['correctionReach'];
      return [
        drawLines(
          believersBox,
          [
            { name: 'believe the claim', colour: '#d62839', values: believersPerDay(trace, days) },
            ...(correction === undefined
              ? []
              : [
                  {
                    name: 'reached by the correction',
                    colour: '#2a7de1',
                    values: correction.subarray(0, days),
                    isDashed: true,
                  },
                ]),
          ],
          { xLabel: unit },
        ),
      ];
    }),
  );
  return jobs;
}

/**
 * Stacked areas of the people in each state (except the first, the not-yet-reached) per row of the
 * run's own time series: the funnel growing over time.
 */
function drawStatesOverTime(view: RunView, colourOf: (code: number) => string, unit: string): ChartHandle {
  const { stateNames, series } = view.result;
  const box = byId('chart-states-time');
  const layers = stateNames
    .map((name, code) => ({ name, colour: colourOf(code), values: series.columns[name] }))
    .slice(1)
    .filter(
      (layer): layer is { name: string; colour: string; values: Float64Array } => layer.values !== undefined,
    );
  if (layers.length === 0 || series.time.length < 2) {
    empty(box, 'This model reports no state counts over time.');
    return { setCursor: () => {} };
  }
  return drawStackedAreas(box, [...layers].reverse(), unit, series.time);
}

/** Redraws the funnel and the state counts for the replay position. */
export function drawFunnel(
  view: RunView,
  eventIndex: number,
  counts: readonly number[],
  colourOf: (code: number) => string,
): void {
  const funnel = funnelAt(view.trace, eventIndex);
  const box = byId('chart-funnel');
  if (funnel === null) empty(box, 'This model has no marketing funnel; see the people in each state below.');
  else
    drawBars(
      box,
      funnel.map((bar, i) => ({ ...bar, colour: ['#9cc9e8', '#3d8fd1', '#f29e4c', '#1f9e89'][i] as string })),
    );
  drawBars(
    byId('chart-states'),
    view.result.stateNames.map((name, code) => ({ name, value: counts[code] ?? 0, colour: colourOf(code) })),
  );
}

/**
 * The cascade tree panel as a job in steps (see FrameQueue): fills the tree picker, describes the
 * largest tree (or the one picked) with its structural virality, then draws it a slice at a time.
 */
export function treeJob(
  view: RunView,
  colourOf: (u: number) => string,
  pickRoot: number | null,
): FrameJob<ChartHandle[]> {
  return { panelId: 'panel-tree', steps: treeSteps(view, colourOf, pickRoot) };
}

function* treeSteps(
  view: RunView,
  colourOf: (u: number) => string,
  pickRoot: number | null,
): Generator<ChartHandle[], void> {
  const { parent, generation } = view.result.forest;
  const trees = forestTrees(parent, generation);
  const pick = byId<HTMLSelectElement>('tree-pick');
  const root = pickRoot !== null && trees.sizeOf.has(pickRoot) ? pickRoot : (trees.roots[0] ?? -1);
  pick.replaceChildren(
    ...trees.roots.slice(0, 50).map((r, i) => {
      const option = document.createElement('option');
      option.value = String(r);
      const size = formatCount(trees.sizeOf.get(r) as number);
      option.textContent = `${i === 0 ? 'Largest, ' : ''}${size} people, from ${nodeId(view.network, r)}`;
      option.selected = r === root;
      return option;
    }),
  );
  const box = byId('tree');
  const summary = byId('tree-summary');
  if (root < 0) {
    empty(box, 'No one was reached in this run.');
    summary.textContent = '';
    return;
  }
  yield [];
  const members = treeMembers(trees, generation, root);
  const virality = structuralVirality(parent, members);
  let depth = 0;
  for (const u of members) depth = Math.max(depth, (generation[u] as number) - (generation[root] as number));
  const shape =
    virality < 2.5
      ? 'broadcast-like: most people heard it straight from the root'
      : virality < 5
        ? 'a mix of broadcast and person-to-person sharing'
        : 'viral: long chains of people passing it on';
  summary.textContent =
    `${formatCount(members.length)} people, depth ${depth}, structural virality ${formatNumber(virality)} (${shape}). ` +
    `Run total: ${formatNumber(view.result.metrics['structuralVirality'] ?? Number.NaN)} over ${formatCount(trees.roots.length)} trees.` +
    (members.length > TREE_DRAW_LIMIT
      ? ` Showing the first ${formatCount(TREE_DRAW_LIMIT)} people by generation.`
      : '');
  yield [];
  for (const _ of cascadeTreeSteps(box, parent, members, colourOf)) yield [];
}

/** Draws the Monte Carlo band, the CCDF and a summary table. */
export function drawBatch(batch: BatchPayload, unit: string): void {
  const band = quantileBand(batch.reachCurves, batch.runs, batch.days);
  drawLines(byId('chart-band'), [{ name: 'mean reach', colour: ACCENT, values: band.mean }], {
    band: { low: band.low, high: band.high, colour: ACCENT, name: '5–95% of runs' },
    xLabel: unit,
  });
  const sizes = batch.metrics['reach'] ?? new Float64Array(0);
  drawLogLog(byId('chart-ccdf'), ccdf(sizes), '#2a7de1');
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of ['metric', 'mean', '5%', '95%']) {
    const th = document.createElement('th');
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  const shown = [
    'reach',
    'reachFraction',
    'beyondAudience',
    'conversions',
    'roi',
    'shareOfVoice',
    'structuralVirality',
    'depth',
    'duration',
    'goalHit',
  ];
  for (const name of shown) {
    const values = batch.metrics[name];
    if (values === undefined) continue;
    const sorted = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
    if (sorted.length === 0) continue;
    const band5 = quantileBand(sorted, sorted.length, 1);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const isFraction = /Fraction|roi|shareOfVoice|goalHit/.test(name);
    const format = (v: number) =>
      isFraction ? formatPercent(v) : name === 'structuralVirality' ? formatNumber(v) : formatCount(v);
    const row = body.insertRow();
    for (const text of [name, format(mean), format(band5.low[0] as number), format(band5.high[0] as number)])
      row.insertCell().textContent = text;
    void band5;
  }
  byId('batch-table').replaceChildren(table);
  byId('batch-summary').textContent =
    `${formatCount(batch.runs)} runs in ${(batch.elapsedMs / 1000).toFixed(1)} s. Mean reach ${formatCount(mean(sizes))} (${formatPercent(mean(sizes) / batch.nodeCount)} of ${formatCount(batch.nodeCount)} people).`;
}

function mean(values: Float64Array): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
