/**
 * Sweep throughput and thread scaling: a sweep of 20 points × 100 runs of an independent-cascade
 * scenario on 10,000 people, through the built command line, with 1 and with 2 threads. Prints both
 * wall-clock times (best of 3), runs per second and the speedup (target: at least 1.7× with 2 threads),
 * and checks that both outputs are byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POINTS = 20;
const RUNS = 100;
const REPEATS = 3;

const build = spawnSync('node', ['scripts/build-cli.mjs'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);

const folder = mkdtempSync(join(tmpdir(), 'viralsim-sweep-bench-'));
const scenarioPath = join(folder, 'ic.json');
writeFileSync(
  scenarioPath,
  JSON.stringify({
    version: 1,
    name: 'sweep bench',
    seed: 1,
    runs: RUNS,
    horizon: 1000,
    network: { type: 'erdos-renyi', nodes: 10_000, meanDegree: 6 },
    model: { type: 'independent-cascade', probability: 0.1 },
    seeding: { strategy: 'random', count: 10 },
  }),
);

function timeSweep(threads: number): { seconds: number; output: string } {
  let best = Number.POSITIVE_INFINITY;
  let output = '';
  for (let i = 0; i < REPEATS; i++) {
    const out = join(folder, `out-${threads}.ndjson`);
    const started = process.hrtime.bigint();
    const result = spawnSync(
      'node',
      [
        'bin/viralsim.mjs',
        'sweep',
        scenarioPath,
        '--vary',
        `model.probability=0.05:0.4:${POINTS}`,
        '--threads',
        String(threads),
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`sweep failed: ${result.stderr}`);
    best = Math.min(best, seconds);
    output = readFileSync(out, 'utf8');
  }
  return { seconds: best, output };
}

const one = timeSweep(1);
const two = timeSweep(2);
const totalRuns = POINTS * RUNS;
console.log(
  `sweep ${POINTS} points × ${RUNS} runs, IC on Erdős–Rényi n = 10,000, mean degree 6 (best of ${REPEATS})`,
);
console.log(`  1 thread : ${one.seconds.toFixed(2)} s (${(totalRuns / one.seconds).toFixed(0)} runs/s)`);
console.log(`  2 threads: ${two.seconds.toFixed(2)} s (${(totalRuns / two.seconds).toFixed(0)} runs/s)`);
console.log(`  speedup  : ${(one.seconds / two.seconds).toFixed(2)}× (target ≥ 1.7×)`);
console.log(`  outputs identical: ${one.output === two.output}`);
if (one.output !== two.output) process.exitCode = 1;
