/**
 * End-to-end: the built visualiser (dist/web) in Debian's headless Chromium, driven by playwright-core.
 * It opens the page, picks a scenario, runs it, scrubs the replay, opens the cascade tree, compares A
 * and B, loads good and bad files, exports, and opens a shared link, asserting on what the page shows:
 * the KPI cards carry exactly the engine's numbers for the same scenario, seed and run, the drawing is
 * not blank, and the console stays free of errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseScenario,
  prepareScenario,
  type RunResult,
  serializeTrace,
  simulateRun,
  type Trace,
} from '../../engine/index.js';
import { formatCount } from '../../viz/format.js';
import { CHROMIUM_OPTIONS, serveStatic } from './static-server.js';

const PICKED = 'tipping-point-above.json';

let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveStatic>>;
const consoleErrors: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'viralsim-e2e-'));

function engineRun(text: string, runIndex = 0, shouldTrace = false): RunResult {
  const prepared = prepareScenario(parseScenario(text, 'e2e.json'), { place: 'e2e.json' });
  return simulateRun(prepared, runIndex, { shouldTrace });
}

/** Each KPI card's metric name and raw value, as the page shows them. */
async function kpiValues(target: Page): Promise<Record<string, number>> {
  return target.$$eval('.kpi', (cards) =>
    Object.fromEntries(
      cards.map((card) => [
        (card as HTMLElement).dataset['metric'],
        Number((card as HTMLElement).dataset['value']),
      ]),
    ),
  );
}

function expectKpisEqual(shown: Record<string, number>, metrics: Record<string, number>): void {
  expect(Object.keys(shown)).toHaveLength(6);
  for (const [metric, value] of Object.entries(shown)) {
    const expected = metrics[metric];
    if (expected === undefined || Number.isNaN(expected)) expect(value, metric).toBeNaN();
    else expect(value, metric).toBe(expected);
  }
}

async function waitForRuns(target: Page, count: number): Promise<void> {
  await target.waitForFunction((n) => Number(document.body.dataset['runs'] ?? 0) >= n, count, {
    timeout: 20_000,
  });
}

function watchConsole(target: Page): void {
  target.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  target.on('pageerror', (error) => consoleErrors.push(error.message));
}

beforeAll(async () => {
  if (!existsSync('dist/web/index.html'))
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  server = await serveStatic('dist/web');
  browser = await chromium.launch(CHROMIUM_OPTIONS);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchConsole(page);
  await page.goto(server.url);
  await waitForRuns(page, 1);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the visualiser in Chromium', () => {
  it('opens on the default scenario with its KPIs equal to the engine run and a drawing that is not blank', async () => {
    const file = await page.$eval('#scenario-picker', (select) => (select as HTMLSelectElement).value);
    const options = await page.$$eval('#scenario-picker option', (list) =>
      list.map((o) => (o as HTMLOptionElement).value),
    );
    const library = readdirScenarios();
    expect(options.sort()).toEqual(library);
    const metrics = engineRun(readFileSync(`scenarios/${file}`, 'utf8')).metrics;
    expectKpisEqual(await kpiValues(page), metrics);
    await page.waitForFunction(() => document.body.dataset['layoutMs'] !== undefined, null, {
      timeout: 20_000,
    });
    // The page hands its canvas to the render worker: read what it shows through a copy.
    const inked = await page.$eval('#network', (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(c, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 16) if ((data[i] as number) > 0) count++;
      return count / (data.length / 16);
    });
    expect(inked).toBeGreaterThan(0.02);
    const legend = await page.textContent('#legend');
    expect(legend).toContain('reached by the brand itself');
  });

  it('picks a scenario, runs it, and shows the engine numbers for the same seed and run', async () => {
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.selectOption('#scenario-picker', PICKED);
    await waitForRuns(page, runs + 1);
    expect(await page.textContent('#scenario-name')).toBe('Tipping point: above the threshold');
    const metrics = engineRun(readFileSync(`scenarios/${PICKED}`, 'utf8')).metrics;
    expectKpisEqual(await kpiValues(page), metrics);
    expect(await page.textContent('#kpi-reach .value')).toMatch(/^\d+(\.\d)?k?$/);
  });

  it('scrubs the replay: the figures follow the scrubber and return to the run totals at the end', async () => {
    const text = readFileSync(`scenarios/${PICKED}`, 'utf8');
    const result = engineRun(text);
    const max = Number(await page.getAttribute('#scrubber', 'max'));
    const t = Math.floor(max / 2);
    await page.$eval(
      '#scrubber',
      (input, value) => {
        (input as HTMLInputElement).value = String(value);
        input.dispatchEvent(new Event('input'));
      },
      t,
    );
    expect(await page.textContent('#replay-time')).toBe(`generation ${t}`);
    const reachedByT = Array.from(result.forest.reachedTime).filter((time) => time <= t).length;
    expect((await kpiValues(page))['reach']).toBe(reachedByT);
    await page.click('#step-forward');
    expect(await page.textContent('#replay-time')).toBe(`generation ${t + 1}`);
    await page.$eval(
      '#scrubber',
      (input, value) => {
        (input as HTMLInputElement).value = String(value);
        input.dispatchEvent(new Event('input'));
      },
      max,
    );
    expectKpisEqual(await kpiValues(page), result.metrics);
  });

  it('opens the cascade tree with its structural virality', async () => {
    await page.click('#tab-tree');
    await page.waitForSelector('#tree svg circle');
    const summary = await page.textContent('#tree-summary');
    expect(summary).toMatch(/structural virality \d/);
    expect(await page.$$eval('#tree svg circle', (circles) => circles.length)).toBeGreaterThan(10);
  });

  it('refuses an out-of-range parameter at the input with the allowed range', async () => {
    await page.fill('input[name="model.probability"]', '1.5');
    await page.press('input[name="model.probability"]', 'Tab');
    expect(await page.getAttribute('input[name="model.probability"]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('.refusal:not(:empty)')).toContain('allowed 0 to 1');
  });

  it('compares A and B: pins a run, runs a variant, and shows both with the engine numbers', async () => {
    await page.click('#tab-compare');
    expect(await page.textContent('#compare-chart')).toContain('No run pinned yet');
    await page.click('#pin-a');
    await page.fill('input[name="model.probability"]', '0.3');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.press('input[name="model.probability"]', 'Enter');
    await waitForRuns(page, runs + 1);
    await page.waitForSelector('#compare-table table');
    const rows = await page.$$eval('#compare-table tr', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)),
    );
    const doc = JSON.parse(readFileSync(`scenarios/${PICKED}`, 'utf8'));
    doc.model.probability = 0.3;
    const variant = engineRun(JSON.stringify(doc)).metrics;
    expect((await kpiValues(page))['reach']).toBe(variant['reach']);
    const original = engineRun(readFileSync(`scenarios/${PICKED}`, 'utf8')).metrics;
    const reachRow = rows.find((row) => row[0] === 'Reach');
    expect(reachRow?.slice(1, 3)).toEqual([
      formatCount(original['reach'] as number),
      formatCount(variant['reach'] as number),
    ]);
    expect(await page.textContent('#compare-chart .chart-legend')).toContain('model.probability 0.4 → 0.3');
    expect(await page.$$eval('#compare-chart path', (paths) => paths.length)).toBeGreaterThan(2);
  });

  it('loads a good graph file, and a bad scenario and a bad graph show their place and keep the work', async () => {
    const graph = join(folder, 'ring.txt');
    writeFileSync(
      graph,
      `# a ring of 12, one edge twice\n${Array.from({ length: 12 }, (_, i) => `${i} ${(i + 1) % 12}`).join('\n')}\n0 1\n`,
    );
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#load-graph', graph);
    await waitForRuns(page, runs + 1);
    expect(await page.textContent('#network-summary')).toContain('12 people');
    expect(await page.$$eval('.message.warning', (boxes) => boxes.map((box) => box.textContent))).toEqual([
      expect.stringMatching(/ring\.txt.*duplicate/),
    ]);
    await page.click('.message.warning button');
    const name = await page.textContent('#scenario-name');
    const bad = join(folder, 'bad.json');
    writeFileSync(
      bad,
      '{\n  "version": 1,\n  "name": "<b>bad</b>",\n  "seed": 1, "runs": 1, "horizon": 5,\n  "network": { "type": "ring", "nodes": 10 },\n  "model": { "type": "independent-cascade", "probability": 1.5 }\n}\n',
    );
    await page.setInputFiles('#load-scenario', bad);
    await page.waitForSelector('.message:not(.info)');
    expect(await page.textContent('.message:not(.info) .text')).toMatch(
      /bad\.json: model\.probability: expected a number <= 1, got 1\.5/,
    );
    expect(await page.textContent('#scenario-name')).toBe(name);
    await page.click('.message:not(.info) button');
    const badGraph = join(folder, 'broken.gexf');
    writeFileSync(
      badGraph,
      '<?xml version="1.0"?>\n<gexf><graph>\n<nodes><node id="a"/></nodes>\n<edges><edge source="a"\n</graph></gexf>\n',
    );
    await page.setInputFiles('#load-graph', badGraph);
    await page.waitForSelector('.message:not(.info)');
    expect(await page.textContent('.message:not(.info) .text')).toMatch(/broken\.gexf.*line \d/);
    expect(await page.textContent('#network-summary')).toContain('12 people');
    expect(await page.$$eval('b', (bold) => bold.length)).toBe(0);
    await page.click('.message:not(.info) button');
  });

  it('loads a trace written by the engine and replays it', async () => {
    const text = readFileSync(`scenarios/${PICKED}`, 'utf8');
    const result = engineRun(text, 2, true);
    const scenario = JSON.parse(text);
    const tracePath = join(folder, 'run2.trace.json');
    writeFileSync(
      tracePath,
      serializeTrace(result.trace as Trace, {
        model: result.model,
        stateNames: result.stateNames,
        nodeCount: result.finalState.length,
        ids: null,
        seeds: Array.from(result.seeds),
        seed: scenario.seed,
        run: 2,
        scenario,
        audience: null,
      }),
    );
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#load-trace', tracePath);
    await waitForRuns(page, runs + 1);
    expect(await page.textContent('#run-status')).toContain('replaying run2.trace.json');
    expectKpisEqual(await kpiValues(page), result.metrics);
    writeFileSync(tracePath, '{"format": "viralsim-trace", "version": 1}');
    await page.setInputFiles('#load-trace', tracePath);
    await page.waitForSelector('.message:not(.info)');
    expect(await page.textContent('.message:not(.info) .text')).toContain('run2.trace.json');
    await page.click('.message:not(.info) button');
  });

  it('runs a Monte Carlo batch with progress, and cancels one', async () => {
    await page.fill('input[name="runs"]', '30');
    await page.press('input[name="runs"]', 'Tab');
    await page.click('#batch');
    await page.waitForSelector('#chart-band svg path', { timeout: 30_000 });
    expect(await page.textContent('#batch-summary')).toMatch(/^30 runs in/);
    expect(await page.$$eval('#chart-ccdf circle', (dots) => dots.length)).toBeGreaterThan(1);
    await page.fill('input[name="runs"]', '5000');
    await page.press('input[name="runs"]', 'Tab');
    await page.click('#batch');
    await page.waitForFunction(
      () => Number((document.getElementById('batch-bar') as HTMLProgressElement).value) > 0,
    );
    await page.click('#cancel');
    await page.waitForFunction(() => document.getElementById('batch-text')?.textContent === 'cancelled');
  });

  it('exports the scenario, the results and the view', async () => {
    const downloads: Record<string, string> = {};
    for (const id of ['export-scenario', 'export-csv', 'export-png']) {
      await page.click('#export-menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
      const path = join(folder, download.suggestedFilename());
      await download.saveAs(path);
      downloads[id] = path;
    }
    const exported = JSON.parse(readFileSync(downloads['export-scenario'] as string, 'utf8'));
    expect(exported.name).toBe(await page.textContent('#scenario-name'));
    expect(exported.runs).toBe(5000);
    expect(readFileSync(downloads['export-csv'] as string, 'utf8')).toMatch(
      /^scenario,metric,run\d+,mean,sd,p05,p50,p95,runs\n/,
    );
    expect(
      readFileSync(downloads['export-png'] as string)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('opens a shared link that reproduces the same run with the same numbers', async () => {
    const before = Number(await page.getAttribute('body', 'data-runs'));
    await page.selectOption('#scenario-picker', PICKED);
    await waitForRuns(page, before + 1);
    await page.fill('#run-index', '3');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.click('#run');
    await waitForRuns(page, runs + 1);
    await page.click('#share');
    await page.waitForSelector('#share[data-url]');
    const url = await page.getAttribute('#share', 'data-url');
    expect(url).toMatch(/#s=/);
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsole(other);
    await other.goto(url as string);
    await waitForRuns(other, 1);
    const metrics = engineRun(readFileSync(`scenarios/${PICKED}`, 'utf8'), 3).metrics;
    expectKpisEqual(await kpiValues(other), metrics);
    expect(await other.inputValue('#run-index')).toBe('3');
    await other.close();
  });

  it('refits the network to a new window size, unless the user has zoomed since', async () => {
    const view = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchConsole(view);
    await view.goto(server.url);
    await waitForRuns(view, 1);
    await view.waitForFunction(() => document.body.dataset['layoutMs'] !== undefined, null, {
      timeout: 20_000,
    });
    // d3-zoom keeps the view's transform on the canvas element.
    const transform = () =>
      view.$eval('#network', (canvas) => {
        const t = (canvas as unknown as { __zoom?: { k: number; x: number; y: number } }).__zoom;
        return t === undefined ? null : { k: t.k, x: t.x, y: t.y };
      });
    const settle = () => view.waitForTimeout(400);
    await settle();
    const wide = await transform();
    expect(wide).not.toBeNull();
    await view.setViewportSize({ width: 700, height: 800 });
    await settle();
    const narrow = await transform();
    // A narrower box: the whole network is fitted again, so it is drawn smaller and re-centred.
    expect(narrow?.k).toBeLessThan(wide?.k as number);
    // After the user zooms in with the wheel, a new size keeps their view.
    const box = await view.$eval('#network', (canvas) => {
      const r = canvas.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await view.mouse.move(box.x, box.y);
    await view.mouse.wheel(0, -400);
    await settle();
    const zoomed = await transform();
    expect(zoomed?.k).toBeGreaterThan(narrow?.k as number);
    await view.setViewportSize({ width: 1000, height: 800 });
    await settle();
    expect(await transform()).toEqual(zoomed);
    await view.close();
  });

  it('runs every scenario of the library with the engine numbers', async () => {
    await page.fill('#run-index', '0');
    for (const file of readdirScenarios()) {
      const runs = Number(await page.getAttribute('body', 'data-runs'));
      await page.selectOption('#scenario-picker', file);
      await waitForRuns(page, runs + 1);
      expectKpisEqual(await kpiValues(page), engineRun(readFileSync(`scenarios/${file}`, 'utf8')).metrics);
    }
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

function readdirScenarios(): string[] {
  const listing = spawnSync('ls', ['scenarios'], { encoding: 'utf8' }).stdout.split('\n');
  return listing.filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort();
}
