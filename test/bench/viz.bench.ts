/**
 * Visualiser benchmark, in Debian's headless Chromium on the built page (`dist/web`, rebuilt first):
 * - layout time of a 20,000-person, ~100,000-edge network (ForceAtlas2 in its worker);
 * - frames per second while the replay plays (target ≥ 30), counted with requestAnimationFrame on the
 *   page, and the frames the render worker paints the network view in (its animation frames, from
 *   the trace);
 * - the longest main-thread task while a run and a Monte Carlo batch execute and right after (target
 *   ≤ 50 ms), from a Chromium trace of the page's main thread (every task, whatever its length, with
 *   the CPU time the thread spent on it: on a busy machine a task's wall time also counts the time the
 *   thread waited for a core), and the count the Long Tasks API reports (PerformanceObserver
 *   'longtask' sees tasks over 50 ms only).
 * Figures are noisy on a shared machine; run it alone for numbers to quote.
 */
import { spawnSync } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { encodeShare } from '../../viz/io/share.js';
import { CHROMIUM_OPTIONS, serveStatic } from '../e2e/static-server.js';

/** The scale issue 6 names: 20,000 people and about 100,000 edges (Holme–Kim, m = 5). */
const SCENARIO = {
  version: 1,
  name: 'bench: campaign on 20k people',
  seed: 5,
  runs: 40,
  horizon: 60,
  network: { type: 'holme-kim', nodes: 20_000, m: 5, triad: 0.4 },
  model: { type: 'campaign' },
  seeding: { strategy: 'random', count: 20 },
  campaign: {
    posts: [{ day: 0, appeal: 0.5, shareability: 0.5, conversion: 0.03, noveltyHalfLife: 6 }],
    platform: { preset: 'social-site', feedReach: 0.35 },
  },
};
const REPLAY_MS = 5000;
/** A replay at 1× lasts 12 s: the main-thread tasks are traced over the next stretch of it. */
const REPLAY_TRACE_MS = 3000;
/** How long the probe keeps watching after a run is shown (its frames are painted over a few frames). */
const AFTER_RUN_MS = 1500;

async function installLongTaskProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; longCount: number };
    w.longest = 0;
    w.longCount = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.longest = Math.max(w.longest, entry.duration);
        w.longCount++;
      }
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function longest(page: Page): Promise<{ longest: number; count: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { longest: number; longCount: number };
    const out = { longest: w.longest, count: w.longCount };
    w.longest = 0;
    w.longCount = 0;
    return out;
  });
}

/** What the trace of a stretch says about the page's main thread: its longest task and the slowest few. */
interface MainThreadTasks {
  /** The longest task's wall time and the CPU time the main thread spent on it (ms). */
  longest: number;
  longestCpu: number;
  /** Wall times of the five longest tasks (ms). */
  slowest: number[];
  /** The most CPU time one task took (ms): what the page itself asked of the thread. */
  mostCpu: number;
  /** Animation frames the workers ran (the render worker paints the network view in its frames). */
  workerFrames: number;
}

/** Traces the page's main thread while `during` runs; returns every top-level task's length (ms). */
async function traceMainThread(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<MainThreadTasks> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await during();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: {
      ph: string;
      name: string;
      pid: number;
      tid: number;
      ts: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string };
    }[];
  };
  const threadsNamed = (name: string) =>
    new Set(
      trace.traceEvents
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name)
        .map((e) => `${e.pid}:${e.tid}`),
    );
  const mains = threadsNamed('CrRendererMain');
  const workers = threadsNamed('DedicatedWorker thread');
  const tasks = trace.traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .sort((a, b) => b.wall - a.wall);
  return {
    longest: tasks[0]?.wall ?? 0,
    longestCpu: tasks[0]?.cpu ?? 0,
    slowest: tasks.slice(0, 5).map((task) => task.wall),
    mostCpu: Math.max(0, ...tasks.map((task) => task.cpu)),
    workerFrames: trace.traceEvents.filter(
      (e) => e.name === 'FireAnimationFrame' && workers.has(`${e.pid}:${e.tid}`),
    ).length,
  };
}

spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveStatic('dist/web');
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fragment = await encodeShare({ scenarioText: JSON.stringify(SCENARIO), runIndex: 0 });
  const opened = performance.now();
  // The page's scripts run before DOMContentLoaded; from there on, its first run and the layout.
  await page.goto(`${server.url}#${fragment}`, { waitUntil: 'domcontentloaded' });
  let firstRunMs = 0;
  const openTrace = await traceMainThread(browser, page, async () => {
    await page.waitForFunction(() => document.body.dataset['runs'] === '1', null, { timeout: 60_000 });
    firstRunMs = performance.now() - opened;
    await page.waitForFunction(() => document.body.dataset['layoutMs'] !== undefined, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(AFTER_RUN_MS);
  });
  const layoutMs = Number(await page.getAttribute('body', 'data-layout-ms'));
  const note = await page.textContent('#network-note');
  const summary = await page.textContent('#network-summary');

  // Replay: frames per second while playing at 1×.
  await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.frames = 0;
    w.counting = true;
    const count = () => {
      if (!w.counting) return;
      w.frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await page.click('#play');
  await installLongTaskProbe(page);
  await page.waitForTimeout(REPLAY_MS);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.counting = false;
    return w.frames;
  });
  // The tasks in a further stretch of the replay (tracing changes the frame rate, so not while counting).
  const replayTrace = await traceMainThread(browser, page, () => page.waitForTimeout(REPLAY_TRACE_MS));
  const replayTasks = await longest(page);
  await page.click('#play');

  // A run and a Monte Carlo batch while watching the main thread.
  // Run 1 (another run than the one shown), and keep watching while its first frames are painted.
  await page.fill('#run-index', '1');
  await installLongTaskProbe(page);
  let runMs = 0;
  const runTrace = await traceMainThread(browser, page, async () => {
    const runStarted = performance.now();
    await page.click('#run');
    await page.waitForFunction(() => document.body.dataset['runs'] === '2', null, { timeout: 60_000 });
    runMs = performance.now() - runStarted;
    await page.waitForTimeout(AFTER_RUN_MS);
  });
  const runTasks = await longest(page);
  let batchMs = 0;
  const batchTrace = await traceMainThread(browser, page, async () => {
    const batchStarted = performance.now();
    await page.click('#batch');
    await page.waitForSelector('#chart-band svg path', { timeout: 120_000 });
    batchMs = performance.now() - batchStarted;
  });
  const batchTasks = await longest(page);

  console.log(`network: ${summary}`);
  console.log(`drawing: ${note === '' ? 'everyone and every edge' : note}`);
  console.log(`page open to first run shown: ${(firstRunMs / 1000).toFixed(2)} s`);
  console.log(`layout (ForceAtlas2 worker): ${(layoutMs / 1000).toFixed(2)} s (target < 10 s)`);
  console.log(`longest main-thread task from the first run through the layout: ${fmt(openTrace, null)}`);
  console.log(`replay: ${((frames * 1000) / REPLAY_MS).toFixed(1)} frames per second (target >= 30)`);
  console.log(
    `network view during replay: ${((replayTrace.workerFrames * 1000) / REPLAY_TRACE_MS).toFixed(1)} frames per second painted by the render worker`,
  );
  console.log(`longest main-thread task during replay: ${fmt(replayTrace, replayTasks)}`);
  console.log(
    `run (click to shown, then ${AFTER_RUN_MS} ms): ${(runMs / 1000).toFixed(2)} s; longest main-thread task: ${fmt(runTrace, runTasks)}`,
  );
  console.log(
    `batch of ${SCENARIO.runs} runs: ${(batchMs / 1000).toFixed(2)} s; longest main-thread task: ${fmt(batchTrace, batchTasks)}`,
  );
} finally {
  await browser.close();
  await server.close();
}

function fmt(traced: MainThreadTasks, observed: { longest: number; count: number } | null): string {
  const slowest = traced.slowest.map((ms) => ms.toFixed(0)).join(', ');
  const head = `${traced.longest.toFixed(0)} ms, of which ${traced.longestCpu.toFixed(0)} ms on the CPU (slowest: ${slowest}; most CPU in one task: ${traced.mostCpu.toFixed(0)} ms)`;
  if (observed === null) return head;
  const over =
    observed.count === 0 ? 'none' : `${observed.count} (longest ${observed.longest.toFixed(0)} ms)`;
  return `${head}; Long Tasks API over 50 ms: ${over}`;
}
