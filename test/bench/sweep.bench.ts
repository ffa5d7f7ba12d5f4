/**
 * Sweep throughput and thread scaling: a sweep of 20 points × 100 runs of an independent-cascade
 * scenario on 10,000 people, through the built command line, with 1 and with 2 threads. Prints both
 * wall-clock times (best of 3), runs per second and the speedup (target: at least 1.7× with 2 threads),
 * and checks that both outputs are byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

// CPU seconds (user + system) of the child, from GNU time when the machine has it.
const hasGnuTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

function timeSweep(threads: number): { seconds: number; cpuSeconds: number; output: string } {
  let best = Number.POSITIVE_INFINITY;
  let cpuSeconds = Number.NaN;
  let output = '';
  for (let i = 0; i < REPEATS; i++) {
    const out = join(folder, `out-${threads}.ndjson`);
    const args = [
      'bin/viralsim.mjs',
      'sweep',
      scenarioPath,
      '--vary',
      `model.probability=0.05:0.4:${POINTS}`,
    ];
    args.push('--threads', String(threads), '--out', out);
    const started = process.hrtime.bigint();
    const result = hasGnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'node', ...args], { encoding: 'utf8' })
      : spawnSync('node', args, { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`sweep failed: ${result.stderr}`);
    if (seconds < best) {
      best = seconds;
      const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
      cpuSeconds = cpu === null ? Number.NaN : Number(cpu[1]) + Number(cpu[2]);
    }
    output = readFileSync(out, 'utf8');
  }
  return { seconds: best, cpuSeconds, output };
}

const loadBefore = loadavg()[0];
const one = timeSweep(1);
const two = timeSweep(2);
const totalRuns = POINTS * RUNS;
console.log(
  `sweep ${POINTS} points × ${RUNS} runs, IC on Erdős–Rényi n = 10,000, mean degree 6 (best of ${REPEATS})`,
);
const describe = (t: { seconds: number; cpuSeconds: number }) =>
  `${t.seconds.toFixed(2)} s wall, ${t.cpuSeconds.toFixed(2)} s CPU (${(totalRuns / t.seconds).toFixed(0)} runs/s)`;
console.log(`  load average before: ${loadBefore?.toFixed(2)} (figures are noisy when it is high)`);
console.log(`  1 thread : ${describe(one)}`);
console.log(`  2 threads: ${describe(two)}`);
console.log(`  speedup  : ${(one.seconds / two.seconds).toFixed(2)}× (target ≥ 1.7×)`);
console.log(`  outputs identical: ${one.output === two.output}`);
if (one.output !== two.output) process.exitCode = 1;
