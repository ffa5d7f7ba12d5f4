/**
 * Diffusion benchmark (issue 3): independent cascade (p = 0.1, 10 random seeds) and SIR
 * (transmission 0.1, recovery 1, 10 random seeds) on Barabási–Albert n = 1,000,000, m = 5
 * (10 million arcs). Reports time per run (wall: min, median, mean; and CPU median, which is steadier
 * on a shared machine), arcs examined per second (IC) and events per second (SIR), the cost of the
 * generator, and the machine load, since every figure here is inflated by other work on the machine.
 * References on this machine (issue 3): IC in C 41 ms, plain JS 110 ms, target ≤ 80 ms; EoN fast_SIR
 * several seconds (about 10⁵ events per second), target ≥ 20× faster. Generator: seedrandom alea.
 * SIR runs whose outbreak dies out within a few dozen infections are counted but reported apart.
 * Independent cascade runs as the batch path does, filling one reused run workspace (no n-sized
 * allocation per run); a second line gives the same runs with fresh arrays for comparison.
 */
import { loadavg } from 'node:os';
import { runModel } from '../../engine/models/run-model.js';
import { createRunWorkspace } from '../../engine/models/run-workspace.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { createStream, RNG_NAME, uniform53 } from '../../engine/rng.js';

const N = 1_000_000;
const M = 5;
const SEEDS = 10;
const IC_RUNS = 20;
const SIR_RUNS = 10;
/** A SIR run with fewer infections than this died out early and is reported apart. */
const TAKE_OFF = 1000;

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()} (2 cores)`);

function generatorCost(): void {
  const rng = createStream(1, 'bench');
  const DRAWS = 10_000_000;
  let sink = 0;
  let started = performance.now();
  for (let i = 0; i < DRAWS; i++) sink += rng();
  const plain = ((performance.now() - started) / DRAWS) * 1e6;
  started = performance.now();
  for (let i = 0; i < DRAWS; i++) sink += uniform53(rng);
  const fine = ((performance.now() - started) / DRAWS) * 1e6;
  console.log(
    `rng ${RNG_NAME}: ${plain.toFixed(1)} ns per 32-bit draw, ${fine.toFixed(1)} ns per uniform53 (sum ${sink > 0})`,
  );
}
generatorCost();

const built = performance.now();
const network = generateNetwork({ type: 'barabasi-albert', nodes: N, m: M }, createStream(1, 'network'));
console.log(
  `network: BA n = ${N}, m = ${M}, ${network.arcCount} arcs, built in ${(performance.now() - built).toFixed(0)} ms`,
);

function seedsFor(run: number): Int32Array {
  const rng = createStream(7, 'run', run, 'seeding');
  const seeds = new Int32Array(SEEDS);
  for (let i = 0; i < SEEDS; i++) seeds[i] = Math.floor(rng() * N);
  return seeds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const format = (ms: number) => `${ms.toFixed(1)} ms`;

function bench(
  label: string,
  runs: number,
  model: Parameters<typeof runModel>[1],
  per: string,
  count: (metrics: Record<string, number>) => number,
  isReused = false,
): void {
  const workspace = isReused ? { workspace: createRunWorkspace(N) } : {};
  // One warm-up run, then timed runs.
  runModel(network, model, seedsFor(999), (p) => createStream(7, 'warm', p), {
    horizon: Infinity,
    shouldTrace: false,
    ...workspace,
  });
  const walls: number[] = [];
  const cpus: number[] = [];
  let wallTotal = 0;
  let work = 0;
  let reach = 0;
  let diedOut = 0;
  for (let r = 0; r < runs; r++) {
    const seeds = seedsFor(r);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const result = runModel(network, model, seeds, (p) => createStream(7, 'run', r, p), {
      horizon: Infinity,
      shouldTrace: false,
      ...workspace,
    });
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuStart);
    const runReach = result.metrics['reach'] as number;
    if (runReach < TAKE_OFF) {
      diedOut++;
      continue;
    }
    walls.push(wall);
    cpus.push((cpu.user + cpu.system) / 1000);
    wallTotal += wall;
    work += count(result.metrics);
    reach += runReach;
  }
  const kept = walls.length;
  console.log(
    `${label}: ${kept} runs (${diedOut} died out early): wall min ${format(Math.min(...walls))}, ` +
      `median ${format(median(walls))}, mean ${format(wallTotal / kept)}; CPU median ${format(median(cpus))}; ` +
      `mean reach ${(reach / kept / N).toFixed(3)} of n; ${((work / wallTotal) * 1e-3).toFixed(2)} M ${per} per second`,
  );
}

bench(
  'independent cascade p = 0.1',
  IC_RUNS,
  { type: 'independent-cascade', probability: 0.1 },
  'arcs examined',
  (m) => m['arcsExamined'] as number,
  true,
);

bench(
  'independent cascade p = 0.1, fresh arrays per run',
  IC_RUNS,
  { type: 'independent-cascade', probability: 0.1 },
  'arcs examined',
  (m) => m['arcsExamined'] as number,
);

bench(
  'sir transmission 0.1 recovery 1',
  SIR_RUNS,
  { type: 'sir', transmissionRate: 0.1, recoveryRate: 1 },
  'events',
  (m) => m['events'] as number,
);
console.log(`load average at end: ${load()}`);
