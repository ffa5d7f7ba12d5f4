/**
 * Benchmark: seed selection, cascade metrics and Monte Carlo summaries at scale.
 * - Each seeding strategy on Barabási–Albert n = 1,000,000, m = 5 (10 million arcs), 10 and 1,000
 *   seeds (community-spread includes community detection, as a scenario without blocks needs it).
 * - computeCascadeMetrics on a cascade forest of 1,000,000 people (a random recursive forest with
 *   100 roots), with fresh and with reused scratch.
 * - summarize and cascadeSizeDistribution over 100,000 runs.
 * Best of 3 after one warm-up.
 */
import { cascadeSizeDistribution, summarize } from '../../engine/batch/summary.js';
import { computeCascadeMetrics, createCascadeScratch } from '../../engine/metrics/cascade.js';
import { buildNetwork } from '../../engine/network/build.js';
import { createEdgeBuffer } from '../../engine/network/edge-buffer.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { createStream } from '../../engine/rng.js';
import { pageRank } from '../../engine/seeding/pagerank.js';
import { selectSeedsIn } from '../../engine/seeding/select.js';
import { SEEDING_STRATEGIES, type SeedingSpec } from '../../engine/seeding/spec.js';
import type { CascadeForest } from '../../engine/simulation/types.js';

const RUNS = 3;

function best(action: () => void): number {
  action();
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    action();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const network = generateNetwork(
  { type: 'barabasi-albert', nodes: 1_000_000, m: 5 },
  createStream(1, 'network'),
);
console.log(`Barabási–Albert: ${network.nodeCount} nodes, ${network.arcCount} arcs`);
for (const strategy of SEEDING_STRATEGIES) {
  if (strategy === 'nodes') continue;
  for (const count of [10, 1000]) {
    const spec = { strategy, count } as SeedingSpec;
    const ms = best(() => selectSeedsIn(network, spec, null, createStream(2, 'seeding')));
    console.log(`selectSeeds ${strategy.padEnd(16)} count ${String(count).padStart(4)}: ${ms.toFixed(1)} ms`);
  }
}
const half = new Uint8Array(network.nodeCount);
for (let u = 0; u < half.length; u += 2) half[u] = 1;
const randomInAudience = best(() =>
  selectSeedsIn(network, { strategy: 'random', count: 10 }, half, createStream(2, 'seeding')),
);
console.log(`selectSeeds random, audience of n/2, count 10: ${randomInAudience.toFixed(1)} ms`);
const pageRankMs = best(() => pageRank(network));
console.log(`pageRank (≤ 100 iterations): ${pageRankMs.toFixed(1)} ms`);

// A random recursive forest: person i (i ≥ 100) is reached by a uniform earlier person.
const n = 1_000_000;
const rng = createStream(3, 'forest');
const forest: CascadeForest = {
  parent: new Int32Array(n),
  generation: new Int32Array(n),
  reachedTime: new Float64Array(n),
};
for (let u = 0; u < n; u++) {
  const p = u < 100 ? -1 : Math.floor(rng() * u);
  forest.parent[u] = p;
  forest.generation[u] = p < 0 ? 0 : (forest.generation[p] as number) + 1;
  forest.reachedTime[u] = p < 0 ? 0 : (forest.reachedTime[p] as number) + rng();
}
const people = buildNetwork(createEdgeBuffer(0), { nodeCount: n, isDirected: false });
const seeds = Int32Array.from({ length: 100 }, (_, u) => u);
const fresh = best(() => computeCascadeMetrics(people, forest, seeds, null));
const scratch = createCascadeScratch(n);
const reused = best(() => computeCascadeMetrics(people, forest, seeds, null, scratch));
console.log(
  `computeCascadeMetrics, 1,000,000 reached: ${fresh.toFixed(1)} ms (fresh scratch), ${reused.toFixed(1)} ms (reused)`,
);
console.log(`  → ${(n / reused / 1e3).toFixed(1)} million people per second`);

const values = Float64Array.from({ length: 100_000 }, () => Math.floor(1 / (1 - rng())));
console.log(`summarize, 100,000 runs: ${best(() => summarize(values)).toFixed(1)} ms`);
console.log(
  `cascadeSizeDistribution, 100,000 runs: ${best(() => cascadeSizeDistribution(values)).toFixed(1)} ms`,
);
