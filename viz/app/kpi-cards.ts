/**
 * The KPI cards: reach, reach beyond the audience, conversions, ROI, share of voice and structural
 * virality (for classic models: depth, reproduction and duration instead of the money cards),
 * formatted for people. Each card carries its explanation as a tooltip (title), its raw value in
 * `data-value` and its metric name in `data-metric`: the end-to-end test compares them with the
 * engine's numbers.
 */
import { formatCount, formatNumber, formatPercent } from '../format.js';
import type { Kpi } from './display-data.js';

/** Renders the cards into `box` (reusing them when present). */
export function renderKpis(box: HTMLElement, kpis: readonly Kpi[]): void {
  const layout = kpis.map((kpi) => kpi.id).join('|');
  if (box.dataset['layout'] !== layout) {
    box.dataset['layout'] = layout;
    box.replaceChildren(
      ...kpis.map((kpi) => {
        const card = document.createElement('div');
        card.className = 'kpi';
        card.id = `kpi-${kpi.id}`;
        card.tabIndex = 0;
        const label = document.createElement('div');
        label.className = 'label';
        const value = document.createElement('div');
        value.className = 'value';
        const sub = document.createElement('div');
        sub.className = 'sub';
        card.append(label, value, sub);
        return card;
      }),
    );
  }
  kpis.forEach((kpi, i) => {
    const card = box.children[i] as HTMLElement;
    card.title = kpi.explain;
    card.dataset['value'] = String(kpi.value);
    card.dataset['metric'] = kpi.metric;
    card.setAttribute('aria-label', `${kpi.label}: ${text(kpi)}. ${kpi.sub}`);
    (card.children[0] as HTMLElement).textContent = kpi.label;
    (card.children[1] as HTMLElement).textContent = text(kpi);
    (card.children[2] as HTMLElement).textContent = kpi.sub;
  });
}

function text(kpi: Kpi): string {
  if (kpi.kind === 'percent') return formatPercent(kpi.value);
  if (kpi.kind === 'number') return formatNumber(kpi.value);
  return formatCount(kpi.value);
}
