/**
 * Visualiser benchmark, in Debian's headless Chromium on the built page (`dist/web`, rebuilt first):
 * - layout time of a 20,000-person, ~100,000-edge network (ForceAtlas2 in its worker);
 * - frames per second while the replay plays (target ≥ 30), counted with requestAnimationFrame;
 * - the longest main-thread task while a run and a Monte Carlo batch execute (target ≤ 50 ms), from the
 *   Long Tasks API (PerformanceObserver 'longtask' reports tasks over 50 ms only).
 * Figures are noisy on a shared machine; run it alone for numbers to quote.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
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

spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveStatic('dist/web');
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fragment = await encodeShare({ scenarioText: JSON.stringify(SCENARIO), runIndex: 0 });
  const opened = performance.now();
  await page.goto(`${server.url}#${fragment}`);
  await page.waitForFunction(() => document.body.dataset['runs'] === '1', null, { timeout: 60_000 });
  const firstRunMs = performance.now() - opened;
  await page.waitForFunction(() => document.body.dataset['layoutMs'] !== undefined, null, {
    timeout: 60_000,
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
  const replayTasks = await longest(page);
  await page.click('#play');

  // A run and a Monte Carlo batch while watching the main thread.
  // Run 1 (another run than the one shown), and keep watching while its first frames are painted.
  await page.fill('#run-index', '1');
  await installLongTaskProbe(page);
  const runStarted = performance.now();
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset['runs'] === '2', null, { timeout: 60_000 });
  const runMs = performance.now() - runStarted;
  await page.waitForTimeout(AFTER_RUN_MS);
  const runTasks = await longest(page);
  const batchStarted = performance.now();
  await page.click('#batch');
  await page.waitForSelector('#chart-band svg path', { timeout: 120_000 });
  const batchMs = performance.now() - batchStarted;
  const batchTasks = await longest(page);

  console.log(`network: ${summary}`);
  console.log(`drawing: ${note === '' ? 'everyone and every edge' : note}`);
  console.log(`page open to first run shown: ${(firstRunMs / 1000).toFixed(2)} s`);
  console.log(`layout (ForceAtlas2 worker): ${(layoutMs / 1000).toFixed(2)} s (target < 10 s)`);
  console.log(`replay: ${((frames * 1000) / REPLAY_MS).toFixed(1)} frames per second (target >= 30)`);
  console.log(`longest main-thread task during replay: ${fmt(replayTasks)}`);
  console.log(
    `run (click to shown): ${(runMs / 1000).toFixed(2)} s; longest main-thread task: ${fmt(runTasks)}`,
  );
  console.log(
    `batch of ${SCENARIO.runs} runs: ${(batchMs / 1000).toFixed(2)} s; longest main-thread task: ${fmt(batchTasks)}`,
  );
} finally {
  await browser.close();
  await server.close();
}

function fmt(tasks: { longest: number; count: number }): string {
  return tasks.count === 0
    ? 'none over 50 ms'
    : `${tasks.longest.toFixed(0)} ms (${tasks.count} tasks over 50 ms)`;
}
