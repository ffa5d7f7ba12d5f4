/**
 * Benchmark: runs per second of the campaign model on a Holme–Kim network of 100,000 people (m = 5,
 * triad 0.5) over 90 days, one core. Three campaigns: the defaults (a 2,000 ad budget = 200,000
 * impressions, 2% followers, 10 seeded influencers), a sticky one that cascades, and the defaults
 * with a false claim and a correction budget. Each: 3 warm-up runs, then RUNS timed runs without a
 * trace; also the events handled per second (impressions of every kind) and the CPU time per run
 * (steadier than wall time on a shared machine).
 * Target (issue 4): at least 20 runs per second (≤ 50 ms per run).
 */
import { runCampaign } from '../../engine/campaign/run-campaign.js';
import type { CampaignSpec } from '../../engine/campaign/spec.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { assignPopulation } from '../../engine/network/population-spec.js';
import { createStream } from '../../engine/rng.js';

const RUNS = 40;
const HORIZON = 90;

const network = generateNetwork(
  { type: 'holme-kim', nodes: 100_000, m: 5, triad: 0.5 },
  createStream(1, 'network'),
);
assignPopulation(network, undefined, createStream(1, 'population'));
const seeds = Int32Array.from({ length: 10 }, (_, i) => 1000 + i * 9000);
const crisisSeeds = Int32Array.from({ length: 20 }, (_, i) => 500 + i * 4900);

const campaigns: [string, CampaignSpec][] = [
  ['defaults', {}],
  ['sticky', { posts: [{ appeal: 0.3, shareability: 0.5 }], advocacy: 0.3, platform: { feedReach: 0.3 } }],
  [
    'crisis',
    {
      crisis: {
        startDay: 10,
        seeding: { strategy: 'random', count: 20 },
        appeal: 0.5,
        shareability: 0.6,
        responseDelay: 6,
        responseBudget: 1000,
      },
    },
  ],
];

for (const [name, campaign] of campaigns) {
  const runOnce = (r: number) =>
    runCampaign(network, campaign, seeds, (purpose) => createStream(42, 'run', r, purpose), {
      horizon: HORIZON,
      shouldTrace: false,
      audience: null,
      crisisSeeds,
    });
  for (let r = 0; r < 3; r++) runOnce(1000 + r);
  let events = 0;
  let reach = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < RUNS; r++) {
    const m = runOnce(r).metrics;
    events +=
      (m['impressions'] as number) +
      (m['claimImpressions'] as number) +
      (m['correctionImpressions'] as number);
    reach += m['reach'] as number;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  console.log(
    `campaign ${name.padEnd(8)} holme-kim n=100,000 m=5, ${HORIZON} days: ${(RUNS / seconds).toFixed(1)} runs/s ` +
      `(${((1000 * seconds) / RUNS).toFixed(1)} ms/run wall, ${cpuMs.toFixed(1)} ms/run CPU), ${(events / RUNS / 1000).toFixed(0)}k impressions/run, ` +
      `${(events / seconds / 1e6).toFixed(1)} M impressions/s, mean reach ${(reach / RUNS).toFixed(0)} (target ≥ 20 runs/s)`,
  );
}
