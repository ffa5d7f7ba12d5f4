/**
 * Diffusion benchmark (issue 3): independent cascade (p = 0.1, 10 random seeds) and SIR
 * (transmission 0.1, recovery 1, 10 random seeds) on Barabási–Albert n = 1,000,000, m = 5
 * (10 million arcs). Reports time per run, arcs examined per second (IC) and events per second (SIR).
 * References on this machine (issue 3): IC in C 41 ms, plain JS 110 ms, target ≤ 80 ms; EoN fast_SIR
 * several seconds, target ≥ 20× faster. Generator: seedrandom alea (see engine/rng.ts).
 */
import { runModel } from '../../engine/models/run-model.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { createStream, RNG_NAME } from '../../engine/rng.js';

const N = 1_000_000;
const M = 5;
const SEEDS = 10;
const IC_RUNS = 20;
const SIR_RUNS = 5;

const built = performance.now();
const network = generateNetwork({ type: 'barabasi-albert', nodes: N, m: M }, createStream(1, 'network'));
console.log(
  `network: BA n = ${N}, m = ${M}, ${network.arcCount} arcs, built in ${(performance.now() - built).toFixed(0)} ms; rng ${RNG_NAME}`,
);

function seedsFor(run: number): Int32Array {
  const rng = createStream(7, 'run', run, 'seeding');
  const seeds = new Int32Array(SEEDS);
  for (let i = 0; i < SEEDS; i++) seeds[i] = Math.floor(rng() * N);
  return seeds;
}

function bench(
  label: string,
  runs: number,
  model: Parameters<typeof runModel>[1],
  per: string,
  count: (metrics: Record<string, number>) => number,
): void {
  // One warm-up run, then timed runs.
  runModel(network, model, seedsFor(999), (p) => createStream(7, 'warm', p), {
    horizon: Infinity,
    shouldTrace: false,
  });
  let total = 0;
  let work = 0;
  let reach = 0;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const seeds = seedsFor(r);
    const started = performance.now();
    const result = runModel(network, model, seeds, (p) => createStream(7, 'run', r, p), {
      horizon: Infinity,
      shouldTrace: false,
    });
    const elapsed = performance.now() - started;
    times.push(elapsed);
    total += elapsed;
    work += count(result.metrics);
    reach += result.metrics['reach'] as number;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${(total / runs).toFixed(1)} ms per run (median ${times[runs >> 1]!.toFixed(1)} ms, ` +
      `min ${times[0]!.toFixed(1)} ms), mean reach ${(reach / runs / N).toFixed(3)} of n, ` +
      `${(((work / total) * 1000) / 1e6).toFixed(1)} M ${per} per second`,
  );
}

bench(
  'independent cascade p = 0.1',
  IC_RUNS,
  { type: 'independent-cascade', probability: 0.1 },
  'arcs examined',
  (m) => m['arcsExamined'] as number,
);

bench(
  'sir beta 0.1 gamma 1',
  SIR_RUNS,
  { type: 'sir', transmissionRate: 0.1, recoveryRate: 1 },
  'events',
  (m) => m['events'] as number,
);
