/**
 * Shared fixtures for the viz display-data tests: seeded runs of small scenarios through the engine's
 * public pipeline (the same calls the simulation worker makes).
 */
import { readFileSync } from 'node:fs';
import {
  parseScenario,
  prepareScenario,
  type RunResult,
  simulateRun,
  type Trace,
} from '../../engine/index.js';
import type { RunView } from '../../viz/app/display-data.js';

/** A small campaign with a false claim (the e2e fixture shrunk to 600 people). */
export function campaignText(nodes = 600): string {
  const doc = JSON.parse(readFileSync('test/e2e/fixtures/crisis-campaign.json', 'utf8'));
  doc.network.nodes = nodes;
  doc.campaign.ads.budget = 200;
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
  const scenario = parseScenario(text, 'test.json');
  const prepared = prepareScenario(scenario, { place: 'test.json' });
  const result = simulateRun(prepared, runIndex, { shouldTrace: true });
  const trace = result.trace as Trace;
  const { seeding, campaign } = prepared.audiences;
  const audience = scenario.model.type === 'campaign' && campaign !== null ? campaign : seeding;
  const last = trace.length > 0 ? (trace.time[trace.length - 1] as number) : 0;
  return {
    result,
    trace,
    view: {
      result,
      network: prepared.network,
      trace,
      nodeCount: prepared.network.nodeCount,
      audience,
      endTime: last,
    },
  };
}
