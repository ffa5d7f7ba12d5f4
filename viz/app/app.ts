/**
 * The visualiser application: holds the current scenario (its JSON text, the loaded graph files),
 * asks the simulation worker for runs and batches, and keeps every view (network, replay, KPIs,
 * charts, tree, compare) in step with the replay time. It never writes engine state: each run arrives
 * from the worker and is only read.
 */
import type { RunResult } from '../../engine/index.js';
import type { ChartHandle } from '../charts/charts.js';
import { reachCurve } from '../charts/series-data.js';
import { parseScenarioText, parseTraceText, type ScenarioDoc } from '../engine-adapter.js';
import { decodeShare } from '../io/share.js';
import { chooseDrawn, type DrawnGraph } from '../network/layout-budget.js';
import { setAtPath } from '../params/param-defs.js';
import { type ReplayData, replayData } from '../replay/replay-data.js';
import type { BatchPayload, ScenarioSource } from '../worker/protocol.js';
import { type PreparedView, SimClient, WorkerFailure } from '../worker/sim-client.js';
import { runBatchWithProgress } from './batch-runner.js';
import { drawBatch, drawFunnel, runChartJobs, setupTabs, treeJob } from './chart-panel.js';
import { type CompareSide, drawCompare } from './compare.js';
import { arcCountAt, buildCurrentRun, type CurrentRun } from './current-run.js';
import { AUDIENCE_LABELS, cascadeAt, kpiCards, kpisAt } from './display-data.js';
import { exportCanvas, exportResults, exportScenario, shareLink } from './file-actions.js';
import { type LoadTarget, loadUserFile } from './file-loading.js';
import { FrameQueue, nextFrame } from './frame-queue.js';
import { renderKpis } from './kpi-cards.js';
import { showMessage } from './messages.js';
import { NetworkView } from './network-view.js';
import { renderParamPanel } from './param-panel.js';
import { ReplayController } from './replay-controller.js';
import { defaultEntry, LIBRARY } from './scenario-library.js';

/** Heavy per-frame figures (KPIs, funnel) are refreshed at most this often while playing. */
const FIGURES_EVERY_MS = 200;

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** The page's application object. */
export class VisualiserApp {
  private readonly client = new SimClient();
  private readonly network = new NetworkView(byId<HTMLCanvasElement>('network'));
  private readonly replay = new ReplayController((t) => this.onTime(t));
  private readonly picker = byId<HTMLSelectElement>('scenario-picker');
  private readonly showTab: (panelId: string) => void;
  private scenarioText = '';
  private place = '';
  private doc: ScenarioDoc = {};
  private readonly files = new Map<string, string>();
  private networkKey = '';
  private current: CurrentRun | null = null;
  private batch: BatchPayload | null = null;
  private pinned: CompareSide | null = null;
  private lastFigures = 0;
  private visiblePanel = 'panel-spread';
  private runCount = 0;
  /** The run charts still to draw, a few per frame, those of hidden tabs when they are shown. */
  private readonly charts = new FrameQueue<ChartHandle[]>(
    (panelId) => panelId === this.visiblePanel,
    (handles) => this.addChartHandles(handles),
  );
  /** Counts runs being shown, so a newer one stops the stages of an older one. */
  private showing = 0;
  /** What loading a file may change (see file-loading.ts). */
  private readonly loadTarget: LoadTarget = {
    doc: () => this.doc,
    place: () => this.place,
    addGraphFile: (name, text) => this.files.set(name, text),
    useScenario: (text, place) => this.useScenario(text, place),
    setRunIndex: (index) => {
      byId<HTMLInputElement>('run-index').value = String(index);
    },
    run: (traceFile) => this.run(traceFile),
  };

  constructor() {
    this.showTab = setupTabs((panel) => {
      this.visiblePanel = panel;
      this.refreshPanel();
      this.charts.wake();
    });
    for (const entry of LIBRARY) {
      const option = document.createElement('option');
      option.value = entry.file;
      option.textContent = entry.title;
      this.picker.append(option);
    }
    this.picker.addEventListener('change', () => {
      const entry = LIBRARY.find((e) => e.file === this.picker.value);
      if (entry !== undefined && this.useScenario(entry.text, entry.file)) void this.run();
    });
    byId('run').addEventListener('click', () => void this.run());
    // Enter in a parameter field commits it and runs, unless the value was refused.
    byId('params').addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
      event.preventDefault();
      target.dispatchEvent(new Event('change'));
      if (target.getAttribute('aria-invalid') !== 'true') void this.run();
    });
    byId('batch').addEventListener('click', () => void this.runBatch());
    byId('load-scenario').addEventListener(
      'change',
      (e) => void loadUserFile(e.target as HTMLInputElement, 'scenario', this.loadTarget),
    );
    byId('load-graph').addEventListener(
      'change',
      (e) => void loadUserFile(e.target as HTMLInputElement, 'graph', this.loadTarget),
    );
    byId('load-trace').addEventListener(
      'change',
      (e) => void loadUserFile(e.target as HTMLInputElement, 'trace', this.loadTarget),
    );
    byId('export-scenario').addEventListener('click', () => exportScenario(this.doc));
    byId('export-csv').addEventListener('click', () =>
      exportResults(
        this.doc,
        this.runIndex(),
        this.current?.view.result.metrics ?? null,
        this.batch?.metrics ?? null,
      ),
    );
    byId('export-png').addEventListener('click', () => {
      const doc = this.doc;
      void this.network.snapshot().then((blob) => exportCanvas(doc, blob));
    });
    byId('share').addEventListener('click', () => void this.share());
    byId('pin-a').addEventListener('click', () => this.pin());
    byId('clear-a').addEventListener('click', () => {
      this.pinned = null;
      (byId('clear-a') as HTMLButtonElement).disabled = true;
      this.refreshPanel();
    });
    byId('tree-pick').addEventListener('change', () => this.refreshPanel());
    let chartWidth = 0;
    new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width === chartWidth) return;
      chartWidth = width;
      this.redrawCharts();
    }).observe(byId('panel-spread').parentElement as HTMLElement);
    for (const menu of document.querySelectorAll('details.menu')) {
      menu.addEventListener('click', (event) => {
        if ((event.target as HTMLElement).closest('button.menu-item') !== null)
          (menu as HTMLDetailsElement).open = false;
      });
    }
  }

  /** Opens the shared scenario in the URL, or the default one, and runs it. */
  async start(): Promise<void> {
    try {
      const shared = await decodeShare(window.location.hash);
      if (shared !== null && this.useScenario(shared.scenarioText, 'shared link')) {
        byId<HTMLInputElement>('run-index').value = String(shared.runIndex);
        await this.run();
        return;
      }
    } catch (error) {
      showMessage(error instanceof Error ? error.message : String(error));
    }
    const entry = defaultEntry();
    if (entry === undefined) {
      this.setStatus('No scenarios found in scenarios/.', 'error');
      return;
    }
    this.picker.value = entry.file;
    if (this.useScenario(entry.text, entry.file)) await this.run();
  }

  /** Validates and adopts a scenario; on a problem shows it and keeps the current one. */
  private useScenario(text: string, place: string): boolean {
    try {
      parseScenarioText(text, place);
    } catch (error) {
      showMessage(error instanceof Error ? error.message : String(error));
      if (this.place !== '' && LIBRARY.some((e) => e.file === this.place)) this.picker.value = this.place;
      return false;
    }
    this.scenarioText = text;
    this.place = place;
    this.doc = JSON.parse(text) as ScenarioDoc;
    this.batch = null;
    byId('scenario-name').textContent = String(this.doc['name'] ?? place);
    byId('scenario-description').textContent = String(this.doc['description'] ?? '');
    if (!LIBRARY.some((e) => e.file === place)) this.addPickerEntry(place, String(this.doc['name'] ?? place));
    renderParamPanel(byId<HTMLFormElement>('params'), this.doc, (path, value) => {
      this.doc = setAtPath(this.doc, path, value);
      this.scenarioText = JSON.stringify(this.doc, null, 2);
      byId('run').classList.add('is-stale');
      byId('run-status').textContent = 'Parameters changed: press Run (or Enter) to see their effect.';
    });
    return true;
  }

  private addPickerEntry(value: string, title: string): void {
    let option = [...this.picker.options].find((o) => o.value === value);
    if (option === undefined) {
      option = document.createElement('option');
      option.value = value;
      this.picker.append(option);
    }
    option.textContent = `${title} (loaded)`;
    this.picker.value = value;
  }

  private source(): ScenarioSource {
    return { text: this.scenarioText, place: this.place, files: [...this.files] };
  }

  private runIndex(): number {
    const value = Number(byId<HTMLInputElement>('run-index').value);
    return Number.isInteger(value) && value >= 0 ? value : 0;
  }

  private setStatus(text: string, state: 'running' | 'ready' | 'error'): void {
    byId('run-status').textContent = text;
    document.body.dataset['state'] = state;
  }

  /** Runs the current scenario once with its trace and shows it. */
  async run(traceFile?: { text: string; name: string }): Promise<void> {
    this.setStatus('Running…', 'running');
    byId('run').classList.remove('is-stale');
    (byId('run') as HTMLButtonElement).disabled = true;
    try {
      const runIndex = this.runIndex();
      const doc = this.doc;
      const reply = await this.client.run(this.source(), runIndex);
      const { prepared, result, elapsedMs, warnings } = reply;
      for (const warning of warnings) showMessage(warning, 'warning');
      let shown = result;
      let replay = reply.replay;
      if (traceFile !== undefined) {
        const loaded = parseTraceText(traceFile.text, traceFile.name);
        if (loaded.meta.nodeCount !== prepared.network.nodeCount) {
          throw new WorkerFailure(
            `${traceFile.name}: meta.nodeCount: the trace is for ${loaded.meta.nodeCount} people, but the scenario's network has ${prepared.network.nodeCount}`,
            true,
          );
        }
        shown = { ...result, trace: loaded.trace };
        replay = null;
      }
      if (shown.trace === null) throw new WorkerFailure('the run came back without a trace', false);
      replay ??= replayData(shown, shown.trace, prepared.network.nodeCount, prepared.audienceKind);
      if (!(await this.showRun(prepared, shown, replay, reply.drawn, runIndex, doc))) return;
      this.setStatus(
        `Run ${runIndex} in ${(elapsedMs / 1000).toFixed(2)} s${traceFile === undefined ? '' : ` · replaying ${traceFile.name}`}.`,
        'ready',
      );
    } catch (error) {
      this.fail(error);
    } finally {
      (byId('run') as HTMLButtonElement).disabled = false;
    }
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const isUserError = error instanceof WorkerFailure ? error.isUserError : false;
    showMessage(isUserError ? message : `Internal error (please report it): ${message}`);
    this.setStatus(
      isUserError ? 'The scenario was not run; see the message above.' : 'Internal error.',
      this.current === null ? 'error' : 'ready',
    );
  }

  /**
   * Shows a finished run in stages, each in an animation frame of its own so that no task holds the
   * page for long: the replay data, then the network (a new one starts its layout), then the replay
   * position, KPIs and legend; the charts follow a few per frame. Resolves to false when a newer run
   * took over meanwhile.
   */
  private async showRun(
    prepared: PreparedView,
    result: RunResult,
    replay: ReplayData,
    drawn: DrawnGraph | null,
    runIndex: number,
    doc: ScenarioDoc,
  ): Promise<boolean> {
    const token = ++this.showing;
    this.charts.clear();
    const run = buildCurrentRun(prepared, result, replay, runIndex, doc, this.place);
    const { view } = run;
    await nextFrame();
    if (token !== this.showing) return false;
    if (prepared.key !== this.networkKey) {
      this.networkKey = prepared.key;
      const { network } = prepared;
      this.network.setNetwork(
        network,
        // Chosen by the worker with the run; here only when an earlier run's stages were cut short.
        drawn ??
          chooseDrawn(
            network.nodeCount,
            network.outOffsets,
            network.outTargets,
            network.isDirected,
            result.forest.reachedTime,
          ),
        view.audience,
        result.stateNames,
        prepared.seed,
      );
      await nextFrame();
      if (token !== this.showing) return false;
    } else this.network.restyle(result.stateNames, view.audience);
    this.network.setAudienceLabel(AUDIENCE_LABELS[prepared.audienceKind]);
    this.current = run;
    const { network } = prepared;
    const edges = `${network.edgeCount.toLocaleString('en-US')} ${network.isDirected ? 'follow links' : 'connections'}`;
    byId('network-summary').textContent =
      `${network.nodeCount.toLocaleString('en-US')} people, ${edges} · seed ${prepared.seed}`;
    this.runCount++;
    this.replay.load(view.endTime, run.unit);
    document.body.dataset['runs'] = String(this.runCount);
    this.redrawCharts();
    return true;
  }

  /** Queues the run charts (drawn over the next frames) and redraws the open panel. */
  private redrawCharts(): void {
    const run = this.current;
    if (run === null) return;
    run.handles = [];
    this.charts.reset(
      runChartJobs(run.view, run.reach, run.days, run.unit, (code) => this.network.colourOf(code)),
    );
    this.lastFigures = 0;
    this.refreshPanel();
  }

  private addChartHandles(handles: readonly ChartHandle[]): void {
    const run = this.current;
    if (run === null) return;
    for (const handle of handles) {
      run.handles.push(handle);
      handle.setCursor(this.replay.current);
    }
  }

  private onTime(t: number): void {
    const run = this.current;
    if (run === null) return;
    run.cursor.seek(t);
    const arcCount = arcCountAt(run.arcTimes, t);
    const counts = run.cursor.counts(run.view.result.stateNames.length);
    this.network.showFrame(
      {
        state: run.cursor.state,
        claim: run.cursor.claim,
        arcSources: run.arcSources,
        arcTargets: run.arcTargets,
        arcCount,
        runId: this.runCount,
      },
      {
        stateNames: run.view.result.stateNames,
        state: run.cursor.state,
        reach: run.reach,
        channelNames: run.view.trace.channelNames,
        seeds: run.seeds,
        time: t,
        unit: run.unit,
        claim: run.cursor.claim,
        believers: run.cursor.believerCount,
      },
      counts,
    );
    for (const handle of run.handles) handle.setCursor(t);
    const now = performance.now();
    if (!this.replay.playing || now - this.lastFigures > FIGURES_EVERY_MS || t >= run.view.endTime) {
      this.lastFigures = now;
      this.refreshFigures(t, counts);
    }
  }

  private refreshFigures(t: number, counts: readonly number[]): void {
    const run = this.current;
    if (run === null) return;
    const isEnd = t >= run.view.endTime;
    const cascade = isEnd ? null : cascadeAt(run.view, t);
    const values = kpisAt(run.view, t, run.cursor.index, cascade);
    renderKpis(byId('kpis'), kpiCards(values, run.view.nodeCount, run.view.audienceKind));
    if (this.visiblePanel === 'panel-funnel')
      drawFunnel(run.view, run.cursor.index, counts, (code) => this.network.colourOf(code));
  }

  private refreshPanel(): void {
    const run = this.current;
    if (run === null) return;
    if (this.visiblePanel === 'panel-funnel') {
      drawFunnel(run.view, run.cursor.index, run.cursor.counts(run.view.result.stateNames.length), (code) =>
        this.network.colourOf(code),
      );
    } else if (this.visiblePanel === 'panel-tree') {
      const picked = Number(byId<HTMLSelectElement>('tree-pick').value);
      const finalState = run.view.result.finalState;
      // A large tree is drawn over several frames, with the run charts' budget.
      this.charts.replace('panel-tree', [
        treeJob(
          run.view,
          (u) => this.network.colourOf(finalState[u] as number),
          Number.isFinite(picked) && byId<HTMLSelectElement>('tree-pick').value !== '' ? picked : null,
        ),
      ]);
    } else if (this.visiblePanel === 'panel-batch' && this.batch !== null) {
      drawBatch(this.batch, run.unit);
    } else if (this.visiblePanel === 'panel-compare') {
      drawCompare(
        byId('compare-chart'),
        byId('compare-table'),
        this.pinned,
        this.pinned === null ? null : this.side(run),
        run.unit,
      );
    }
  }

  private side(run: CurrentRun): CompareSide {
    return {
      label: run.label,
      doc: run.doc,
      runIndex: run.runIndex,
      metrics: run.view.result.metrics,
      curve: reachCurve(run.view.result.forest.reachedTime, run.days),
      nodeCount: run.view.nodeCount,
    };
  }

  private pin(): void {
    if (this.current === null) return;
    this.pinned = this.side(this.current);
    (byId('clear-a') as HTMLButtonElement).disabled = false;
    showMessage(`Pinned “${this.pinned.label}” as A. Change something and press Run to compare.`, 'info');
    this.refreshPanel();
  }

  /** Runs the Monte Carlo batch with progress and cancel. */
  /** Runs the Monte Carlo batch with progress and cancel, then shows it. */
  async runBatch(): Promise<void> {
    try {
      const batch = await runBatchWithProgress(this.client, this.source(), Number(this.doc['runs'] ?? 100));
      if (batch === null) return;
      this.batch = batch;
      this.showTab('panel-batch');
    } catch (error) {
      this.fail(error);
    }
  }

  private async share(): Promise<void> {
    byId('share').dataset['url'] = await shareLink(this.doc, this.runIndex());
  }
}
