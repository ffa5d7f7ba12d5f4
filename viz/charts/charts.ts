/**
 * The d3 charts, drawn as SVG into a container: stacked areas (reach by channel), columns (new people
 * per day), lines with an optional band (Monte Carlo mean and 5–95%; A/B curves), horizontal bars (the
 * funnel) and a log-log scatter (cascade-size CCDF). Each draw replaces the container's chart and
 * returns a handle whose `setCursor(t)` moves the replay cursor without redrawing.
 */
import {
  area,
  axisBottom,
  axisLeft,
  line,
  max,
  type ScaleLinear,
  scaleBand,
  scaleLinear,
  scaleLog,
  select,
} from 'd3';
import { formatCount, formatPercent } from '../format.js';

/** A drawn chart; `setCursor` moves the vertical replay line (x in data units), NaN hides it. */
export interface ChartHandle {
  setCursor(x: number): void;
}

const MARGIN = { top: 10, right: 14, bottom: 30, left: 46 };
const NO_CURSOR: ChartHandle = { setCursor: () => {} };

/** A named series of values per day. */
export interface Series {
  name: string;
  colour: string;
  values: Float64Array;
  isDashed?: boolean;
}

function frame(container: HTMLElement, height: number, xLabel: string) {
  container.replaceChildren();
  const width = Math.max(220, container.clientWidth || 360);
  const svg = select(container)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img');
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', MARGIN.left + innerWidth)
    .attr('y', height - 2)
    .attr('text-anchor', 'end')
    .text(xLabel);
  return { svg, g, innerWidth, innerHeight };
}

function legend(
  container: HTMLElement,
  series: readonly { name: string; colour: string; isDashed?: boolean }[],
): void {
  const box = document.createElement('div');
  box.className = 'chart-legend';
  for (const item of series) {
    const entry = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = item.colour;
    if (item.isDashed === true) swatch.className = 'dashed';
    entry.append(swatch, document.createTextNode(item.name));
    box.append(entry);
  }
  container.prepend(box);
}

function cursor(
  g: ReturnType<typeof frame>['g'],
  x: ScaleLinear<number, number>,
  innerHeight: number,
): ChartHandle {
  const lineEl = g
    .append('line')
    .attr('class', 'cursor')
    .attr('y1', 0)
    .attr('y2', innerHeight)
    .style('display', 'none');
  const shade = g
    .insert('rect', ':first-child')
    .attr('class', 'future')
    .attr('y', 0)
    .attr('height', innerHeight);
  const [, right] = x.range();
  return {
    setCursor(t: number) {
      const isShown = Number.isFinite(t);
      lineEl.style('display', isShown ? 'inline' : 'none');
      shade.style('display', isShown ? 'inline' : 'none');
      if (!isShown) return;
      const px = Math.max(0, Math.min(right as number, x(t)));
      lineEl.attr('x1', px).attr('x2', px);
      shade.attr('x', px).attr('width', Math.max(0, (right as number) - px));
    },
  };
}

function axes(
  g: ReturnType<typeof frame>['g'],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  innerHeight: number,
  yFormat: (v: number) => string,
): void {
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(axisBottom(x).ticks(6));
  g.append('g')
    .attr('class', 'axis')
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => yFormat(Number(v))),
    );
}

/** Stacked areas of values per day (or at `times[d]` when given), e.g. reach split by channel. */
export function drawStackedAreas(
  container: HTMLElement,
  series: readonly Series[],
  xLabel = 'day',
  times: Float64Array | null = null,
): ChartHandle {
  const days = series[0]?.values.length ?? 0;
  if (days === 0) return NO_CURSOR;
  const { g, innerWidth, innerHeight } = frame(container, 190, xLabel);
  const stacked = Array.from({ length: days }, (_, d) => {
    let sum = 0;
    return series.map((s) => {
      const low = sum;
      sum += s.values[d] as number;
      return [low, sum] as const;
    });
  });
  const top = max(stacked, (row) => row[row.length - 1]?.[1] ?? 0) ?? 1;
  const at = (d: number) => (times === null ? d : (times[d] as number));
  const x = scaleLinear()
    .domain([at(0), Math.max(at(0) + 1, at(days - 1))])
    .range([0, innerWidth]);
  const y = scaleLinear()
    .domain([0, Math.max(1, top)])
    .nice()
    .range([innerHeight, 0]);
  series.forEach((s, i) => {
    const shape = area<number>()
      .x((d) => x(at(d)))
      .y0((d) => y(stacked[d]?.[i]?.[0] ?? 0))
      .y1((d) => y(stacked[d]?.[i]?.[1] ?? 0));
    g.append('path')
      .attr('fill', s.colour)
      .attr('fill-opacity', 0.8)
      .attr('d', shape(Array.from({ length: days }, (_, d) => d)));
  });
  axes(g, x, y, innerHeight, formatCount);
  legend(container, series);
  return cursor(g, x, innerHeight);
}

/** Columns, one per day (new people reached each day). */
export function drawColumns(
  container: HTMLElement,
  values: Float64Array,
  colour: string,
  xLabel = 'day',
): ChartHandle {
  const { g, innerWidth, innerHeight } = frame(container, 150, xLabel);
  const days = values.length;
  const x = scaleLinear()
    .domain([-0.5, days - 0.5])
    .range([0, innerWidth]);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(values) ?? 1)])
    .nice()
    .range([innerHeight, 0]);
  const barWidth = Math.max(1, innerWidth / days - 1);
  g.selectAll('rect.bar')
    .data(Array.from(values))
    .join('rect')
    .attr('class', 'bar')
    .attr('x', (_, d) => x(d) - barWidth / 2)
    .attr('width', barWidth)
    .attr('y', (v) => y(v))
    .attr('height', (v) => innerHeight - y(v))
    .attr('fill', colour);
  axes(g, x, y, innerHeight, formatCount);
  return cursor(g, x, innerHeight);
}

/** Lines per day, with an optional shaded band (e.g. 5–95% over Monte Carlo runs). */
export function drawLines(
  container: HTMLElement,
  series: readonly Series[],
  options: {
    band?: { low: Float64Array; high: Float64Array; colour: string; name: string };
    yFormat?: (v: number) => string;
    yMax?: number;
    xLabel?: string;
  } = {},
): ChartHandle {
  const days = Math.max(0, ...series.map((s) => s.values.length));
  if (days === 0) return NO_CURSOR;
  const { g, innerWidth, innerHeight } = frame(container, 190, options.xLabel ?? 'day');
  const top =
    options.yMax ??
    Math.max(
      1,
      ...series.map((s) => max(s.values) ?? 0),
      options.band === undefined ? 0 : (max(options.band.high) ?? 0),
    );
  const x = scaleLinear()
    .domain([0, Math.max(1, days - 1)])
    .range([0, innerWidth]);
  const y = scaleLinear().domain([0, top]).nice().range([innerHeight, 0]);
  const band = options.band;
  if (band !== undefined) {
    const shape = area<number>()
      .x((d) => x(d))
      .y0((d) => y(band.low[d] as number))
      .y1((d) => y(band.high[d] as number));
    g.append('path')
      .attr('fill', band.colour)
      .attr('fill-opacity', 0.25)
      .attr('d', shape(Array.from({ length: band.low.length }, (_, d) => d)));
  }
  for (const s of series) {
    const shape = line<number>()
      .x((d) => x(d))
      .y((d) => y(s.values[d] as number));
    g.append('path')
      .attr('fill', 'none')
      .attr('stroke', s.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.isDashed === true ? '5 3' : null)
      .attr('d', shape(Array.from({ length: s.values.length }, (_, d) => d)));
  }
  axes(g, x, y, innerHeight, options.yFormat ?? formatCount);
  legend(container, band === undefined ? series : [...series, { name: band.name, colour: band.colour }]);
  return cursor(g, x, innerHeight);
}

/** Horizontal bars with value labels (the funnel). */
export function drawBars(
  container: HTMLElement,
  bars: readonly { name: string; value: number; colour: string }[],
): void {
  container.replaceChildren();
  const width = Math.max(220, container.clientWidth || 360);
  const rowHeight = 26;
  const height = bars.length * rowHeight + 8;
  const labelWidth = 96;
  const svg = select(container).append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  const top = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, top])
    .range([0, width - labelWidth - 70]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.22);
  const rows = svg
    .selectAll('g')
    .data(bars)
    .join('g')
    .attr('transform', (_, i) => `translate(0,${y(i) ?? 0})`);
  rows
    .append('text')
    .attr('class', 'bar-label')
    .attr('x', labelWidth - 8)
    .attr('y', y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((b) => b.name);
  rows
    .append('rect')
    .attr('x', labelWidth)
    .attr('height', y.bandwidth())
    .attr('width', (b) => Math.max(1, x(b.value)))
    .attr('rx', 3)
    .attr('fill', (b) => b.colour);
  rows
    .append('text')
    .attr('class', 'bar-value')
    .attr('x', (b) => labelWidth + Math.max(1, x(b.value)) + 6)
    .attr('y', y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .text((b, i) =>
      i === 0 || top === 0
        ? formatCount(b.value)
        : `${formatCount(b.value)} · ${formatPercent(b.value / Math.max(1, bars[0]?.value ?? 1))}`,
    );
}

/** A log-log scatter with steps: P(size ≥ s) against s. */
export function drawLogLog(
  container: HTMLElement,
  points: readonly { size: number; probability: number }[],
  colour: string,
): void {
  const positive = points.filter((p) => p.size > 0);
  if (positive.length === 0) {
    container.textContent = 'No cascades to plot.';
    return;
  }
  const { g, innerWidth, innerHeight } = frame(container, 190, 'cascade size (people reached)');
  const sizes = positive.map((p) => p.size);
  const x = scaleLog()
    .domain([Math.min(...sizes), Math.max(Math.min(...sizes) * 10, Math.max(...sizes))])
    .range([0, innerWidth])
    .nice();
  const minP = Math.min(...positive.map((p) => p.probability));
  const y = scaleLog()
    .domain([Math.min(minP, 0.1), 1])
    .range([innerHeight, 0])
    .nice();
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(axisBottom(x).ticks(5, '~s'));
  g.append('g').attr('class', 'axis').call(axisLeft(y).ticks(4, '~g'));
  g.selectAll('circle')
    .data(positive)
    .join('circle')
    .attr('cx', (p) => x(p.size))
    .attr('cy', (p) => y(p.probability))
    .attr('r', 3)
    .attr('fill', colour);
  g.append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(${-MARGIN.left + 10},${innerHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('P(size ≥ s)');
}
