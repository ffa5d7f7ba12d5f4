/**
 * The Load menu: a scenario JSON, a graph file (edge list, GEXF, GraphML, JSON) or a trace written
 * by `viralsim run --trace`. A bad file shows a message naming its place and keeps the current work;
 * a good one becomes the scenario (or its network, or the replayed trace) and is run.
 */
import { type Network, setWarningSink } from '../../engine/index.js';
import { graphFormatOf, parseTraceText, readGraphText, type ScenarioDoc } from '../engine-adapter.js';
import { clearMessages, showMessage } from './messages.js';

/** What loading a file may read and change in the application. */
export interface LoadTarget {
  doc: () => ScenarioDoc;
  place: () => string;
  addGraphFile: (name: string, text: string) => void;
  /** Validates and adopts a scenario; false (with a message shown) when it is refused. */
  useScenario: (text: string, place: string) => boolean;
  setRunIndex: (index: number) => void;
  run: (traceFile?: { text: string; name: string }) => Promise<void>;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Reads the file chosen in `input` as a `kind` and applies it to `target`. */
export async function loadUserFile(
  input: HTMLInputElement,
  kind: 'scenario' | 'graph' | 'trace',
  target: LoadTarget,
): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  byId<HTMLDetailsElement>('load-menu').open = false;
  if (file === undefined) return;
  const text = await file.text();
  clearMessages();
  if (kind === 'scenario') {
    if (target.useScenario(text, file.name)) await target.run();
  } else if (kind === 'graph') {
    await loadGraph(text, file.name, target);
  } else {
    await loadTrace(text, file.name, target);
  }
}

async function loadGraph(text: string, name: string, target: LoadTarget): Promise<void> {
  const format = graphFormatOf(name);
  try {
    // Check the file here for a quick message; the worker reads it again and reports its warnings.
    const previous = setWarningSink(() => {});
    let network: Network;
    try {
      network = readGraphText(text, format, name);
    } finally {
      setWarningSink(previous);
    }
    target.addGraphFile(name, text);
    const next = { ...target.doc(), network: { type: 'file', path: name, format } };
    if (target.useScenario(JSON.stringify(next, null, 2), target.place())) {
      showMessage(
        `Loaded ${name}: ${network.nodeCount.toLocaleString('en-US')} people, ${network.edgeCount.toLocaleString('en-US')} edges.`,
        'info',
      );
      await target.run();
    }
  } catch (error) {
    showMessage(error instanceof Error ? error.message : String(error));
  }
}

async function loadTrace(text: string, name: string, target: LoadTarget): Promise<void> {
  let loaded: ReturnType<typeof parseTraceText>;
  try {
    loaded = parseTraceText(text, name);
  } catch (error) {
    showMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  const scenario = loaded.meta.scenario;
  if (
    scenario !== null &&
    typeof scenario === 'object' &&
    !target.useScenario(JSON.stringify(scenario, null, 2), name)
  )
    return;
  target.setRunIndex(loaded.meta.run);
  await target.run({ text, name });
}
