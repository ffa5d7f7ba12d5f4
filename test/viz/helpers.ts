/**
 * Shared fixtures for the viz display-data tests: seeded runs of small scenarios through the engine's
 * public pipeline, through the same adapter calls the simulation worker makes.
 */
import { readFileSync } from 'node:fs';
import type { RunResult, Trace } from '../../engine/index.js';
import { brandReachedMask, type RunView } from '../../viz/app/display-data.js';
import { parseScenarioText, prepareScenarioDoc, simulateRunAt } from '../../viz/engine-adapter.js';
import { firstReach } from '../../viz/replay/replay-cursor.js';

/**
 * A small campaign with a false claim (the e2e fixture shrunk to 600 people), targeted at young people,
 * or with no target audience (the brand's own reach is then the original audience).
 */
export function campaignText(nodes = 600, isTargeted = true): string {
  const doc = JSON.parse(readFileSync('test/e2e/fixtures/crisis-campaign.json', 'utf8'));
  doc.network.nodes = nodes;
  doc.campaign.ads.budget = 200;
  if (!isTargeted) delete doc.campaign.audience;
  return JSON.stringify(doc);
}

/** Independent cascade on the karate club from 2 random seeds. */
export const KARATE_IC = JSON.stringify({
  version: 1,
  name: 'karate ic',
  seed: 3,
  runs: 20,
  horizon: 50,
  network: { type: 'karate' },
  model: { type: 'independent-cascade', probability: 0.45 },
  seeding: { strategy: 'random', count: 2 },
});

const cache = new Map<string, { result: RunResult; trace: Trace; view: RunView }>();

/** Runs `text` (run `runIndex`, traced) and returns the result with the view the page builds; cached. */
export function runView(text: string, runIndex = 0): { result: RunResult; trace: Trace; view: RunView } {
  const key = `${runIndex}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = runUncached(text, runIndex);
  cache.set(key, value);
  return value;
}

function runUncached(text: string, runIndex: number): { result: RunResult; trace: Trace; view: RunView } {
  const prepared = prepareScenarioDoc(parseScenarioText(text, 'test.json'), 'test.json', new Map());
  const result = simulateRunAt(prepared, runIndex, true);
  const trace = result.trace as Trace;
  const n = prepared.network.nodeCount;
  const audience =
    prepared.audienceKind === 'brand-reached'
      ? brandReachedMask(firstReach(trace, result.stateNames, n), trace.channelNames)
      : prepared.audience;
  const last = trace.length > 0 ? (trace.time[trace.length - 1] as number) : 0;
  const view: RunView = {
    result,
    network: prepared.network,
    trace,
    nodeCount: n,
    audience,
    audienceKind: prepared.audienceKind,
    endTime: last,
  };
  return { result, trace, view };
}
