/**
 * The Monte Carlo button: runs a batch in the simulation worker with a progress bar (done, total,
 * runs per second) and a Cancel button that stops it between runs.
 */
import type { BatchPayload, ScenarioSource } from '../worker/protocol.js';
import type { SimClient } from '../worker/sim-client.js';
import { showMessage } from './messages.js';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/**
 * Runs `runs` runs of `source`; resolves to the batch, or null when cancelled. Errors propagate.
 * While it runs, `Cancel` (the #cancel button) stops it.
 */
export async function runBatchWithProgress(
  client: SimClient,
  source: ScenarioSource,
  runs: number,
): Promise<BatchPayload | null> {
  const bar = byId<HTMLProgressElement>('batch-bar');
  const text = byId('batch-text');
  const cancel = byId<HTMLButtonElement>('cancel');
  const start = byId<HTMLButtonElement>('batch');
  byId('batch-progress').hidden = false;
  cancel.hidden = false;
  start.disabled = true;
  bar.value = 0;
  text.textContent = `0 / ${runs}`;
  const started = performance.now();
  const job = client.batch(source, runs, (done, total) => {
    bar.value = done / total;
    const rate = done / ((performance.now() - started) / 1000);
    text.textContent = `${done} / ${total} runs · ${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
  });
  const onCancel = () => job.cancel();
  cancel.addEventListener('click', onCancel);
  try {
    const outcome = await job.done;
    if (outcome === null) {
      showMessage('Monte Carlo batch cancelled.', 'info');
      text.textContent = 'cancelled';
      return null;
    }
    for (const warning of outcome.warnings) showMessage(warning, 'warning');
    return outcome.batch;
  } finally {
    cancel.removeEventListener('click', onCancel);
    cancel.hidden = true;
    start.disabled = false;
  }
}
