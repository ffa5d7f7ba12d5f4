/**
 * Export and share actions: the scenario as JSON, the results as CSV, the network view as PNG, and a
 * link that carries the scenario and run index in the URL fragment.
 */
import type { ScenarioDoc } from '../engine-adapter.js';
import { download, fileStem, resultsCsv } from '../io/export.js';
import { encodeShare } from '../io/share.js';
import { showMessage } from './messages.js';

/** How long sharing waits for the clipboard before showing the link instead (ms). */
const CLIPBOARD_WAIT_MS = 1000;

function nameOf(doc: ScenarioDoc, fallback: string): string {
  return String(doc['name'] ?? fallback);
}

/** Downloads the scenario as pretty JSON. */
export function exportScenario(doc: ScenarioDoc): void {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  download(new Blob([text], { type: 'application/json' }), `${fileStem(nameOf(doc, 'scenario'))}.json`);
}

/** Downloads the results (the run's metrics and the batch statistics) as tidy CSV. */
export function exportResults(
  doc: ScenarioDoc,
  runIndex: number,
  runMetrics: Record<string, number> | null,
  batchMetrics: Record<string, Float64Array> | null,
): void {
  const csv = resultsCsv(nameOf(doc, 'scenario'), runIndex, runMetrics, batchMetrics);
  download(new Blob([csv], { type: 'text/csv' }), `${fileStem(nameOf(doc, 'results'))}-results.csv`);
}

/** Downloads the network view (a PNG snapshot of it); says so when there is none. */
export function exportCanvas(doc: ScenarioDoc, png: Blob | null): void {
  if (png === null) {
    showMessage('The network view could not be saved as PNG.');
    return;
  }
  download(png, `${fileStem(nameOf(doc, 'network'))}-network.png`);
}

/**
 * Puts the scenario and run index in the page's URL fragment, copies the link when the clipboard
 * allows (it may refuse, or wait on a permission prompt: the link is shown either way) and returns it.
 */
export async function shareLink(doc: ScenarioDoc, runIndex: number): Promise<string> {
  const fragment = await encodeShare({ scenarioText: JSON.stringify(doc), runIndex });
  const url = `${window.location.origin}${window.location.pathname}#${fragment}`;
  history.replaceState(null, '', `#${fragment}`);
  const copied = await Promise.race([
    navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    ) ?? Promise.resolve(false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLIPBOARD_WAIT_MS)),
  ]);
  showMessage(
    copied
      ? 'Link copied: it opens this scenario and run, with the same numbers.'
      : `Share this link (same scenario, same run, same numbers): ${url}`,
    'info',
  );
  return url;
}
