/**
 * `viralsim run` and `validate` through the built command line: the JSON report's keys, the same bytes
 * whatever `--threads`, CSV and per-run output, the trace file, and every library scenario running.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrace } from '../../engine/simulation/trace-parse.js';
import { scratchFolder, smallScenario, viralsim, WORKERS_ONLY, writeScenario } from './cli-helpers.js';

const SUMMARY_KEYS = ['mean', 'sd', 'ci95', 'min', 'p50', 'max'];
const LIBRARY = readdirSync('scenarios')
  .filter((file) => file.endsWith('.json') && file !== 'scenario.schema.json')
  .sort();

let folder = '';
let scenarioPath = '';

describe('viralsim run', () => {
  beforeAll(() => {
    folder = scratchFolder('run');
    scenarioPath = writeScenario(folder, 'small.json', smallScenario());
  });

  it('viralsim run --format json prints the scenario, seed, runs, generator, network and metric summaries', () => {
    const result = viralsim(['run', scenarioPath, '--format', 'json', '--threads', '1']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'scenario',
      'seed',
      'runs',
      'rng',
      'network',
      'metrics',
      'cascadeSizeDistribution',
    ]);
    expect(report).toMatchObject({ scenario: 'small cascade', seed: 42, runs: 12, rng: 'seedrandom-alea' });
    expect(report.network).toEqual({ nodes: 400, edges: expect.any(Number), directed: false });
    expect(Object.keys(report.metrics)).toEqual(
      expect.arrayContaining([
        'reach',
        'reachFraction',
        'duration',
        'depth',
        'maxBreadth',
        'structuralVirality',
        'reproduction',
        'beyondAudience',
        'beyondAudienceFraction',
      ]),
    );
    for (const summary of Object.values(report.metrics) as Record<string, unknown>[]) {
      expect(Object.keys(summary)).toEqual(expect.arrayContaining(SUMMARY_KEYS));
      expect((summary['ci95'] as number[]).length).toBe(2);
    }
    expect(report.metrics.reach.min).toBeGreaterThanOrEqual(3);
    expect(report.metrics.reachFraction.mean).toBeCloseTo(report.metrics.reach.mean / 400, 12);
    expect(report.cascadeSizeDistribution.ccdf[0].fraction).toBe(1);
  });

  it('viralsim run gives byte-identical JSON and CSV with 1 and 2 threads, and with workers only', () => {
    for (const format of ['json', 'csv']) {
      const args = ['run', scenarioPath, '--format', format, '--runs', '30', '--threads'];
      const one = viralsim([...args, '1']);
      expect(one.status).toBe(0);
      expect(viralsim([...args, '2']).stdout).toBe(one.stdout);
      expect(viralsim([...args, '3'], WORKERS_ONLY).stdout).toBe(one.stdout);
    }
  });

  it('no simulation thread of run or sweep ever detaches an ArrayBuffer (which slows its JIT code)', () => {
    // V8 reports the first detach of an isolate (a transferred buffer) when its protector goes; from
    // then on, that thread's optimised code re-checks every typed-array access (about 6% slower).
    const detaches = (result: { status: number | null; stdout: string; stderr: string }) => {
      expect(result.status).toBe(0);
      return `${result.stdout}${result.stderr}`.includes('ArrayBufferDetaching');
    };
    const flags = ['--trace-protector-invalidation'];
    const words = (text: string) => text.split(' ');
    const run = (args: string) => viralsim(['run', scenarioPath, ...words(args)], WORKERS_ONLY, flags);
    expect(detaches(run('--format json --runs 30 --threads 3'))).toBe(false);
    expect(detaches(viralsim(['run', scenarioPath, ...words('--runs 30 --threads 2')], {}, flags))).toBe(
      false,
    );
    const campaign = words('run scenarios/sticky-video.json --format json --runs 4 --threads 2');
    expect(detaches(viralsim(campaign, WORKERS_ONLY, flags))).toBe(false);
    const sweep = ['sweep', scenarioPath, ...words('--vary model.probability=0.1,0.2 --runs 20 --threads 2')];
    expect(detaches(viralsim(sweep, WORKERS_ONLY, flags))).toBe(false);
    // The check itself works: a thread that transfers a buffer trips it.
    const script = 'const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] });';
    expect(detaches(spawnSync('node', [...flags, '-e', script], { encoding: 'utf8' }))).toBe(true);
  });

  it('viralsim run shares a longer batch between this thread and a worker, with the bytes of 1 thread', () => {
    const path = writeScenario(
      folder,
      'longer.json',
      smallScenario({ runs: 300, network: { type: 'erdos-renyi', nodes: 5000, meanDegree: 6 } }),
    );
    const one = viralsim(['run', path, '--format', 'json', '--threads', '1']);
    expect(one.status).toBe(0);
    expect(viralsim(['run', path, '--format', 'json', '--threads', '2']).stdout).toBe(one.stdout);
  });

  it('viralsim run on a graph file gives the same JSON with 1 thread and 2 workers (which read the file)', () => {
    copyFileSync('test/fixtures/graphs/friends.txt', join(folder, 'friends.txt'));
    const path = writeScenario(
      folder,
      'file-network.json',
      smallScenario({
        network: { type: 'file', path: 'friends.txt' },
        seeding: { strategy: 'random', count: 1 },
      }),
    );
    const one = viralsim(['run', path, '--format', 'json', '--threads', '1', '--runs', '40']);
    const three = viralsim(['run', path, '--format', 'json', '--threads', '3', '--runs', '40'], WORKERS_ONLY);
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout).network.nodes).toBeGreaterThan(2);
    expect(three.stdout).toBe(one.stdout);
  });

  it('viralsim run --seed and --set change the numbers, and --runs the run count', () => {
    const base = JSON.parse(viralsim(['run', scenarioPath, '--format', 'json', '--threads', '1']).stdout);
    const reseeded = JSON.parse(
      viralsim(['run', scenarioPath, '--format', 'json', '--threads', '1', '--seed', '7']).stdout,
    );
    const changed = JSON.parse(
      viralsim([
        'run',
        scenarioPath,
        '--format',
        'json',
        '--threads',
        '1',
        '--set',
        'model.probability=0',
        '--runs',
        '5',
      ]).stdout,
    );
    expect(reseeded.seed).toBe(7);
    expect(reseeded.metrics.reach.mean).not.toBe(base.metrics.reach.mean);
    expect(changed.runs).toBe(5);
    expect(changed.metrics.reach).toMatchObject({ mean: 3, min: 3, max: 3 });
  });

  it('viralsim run --per-run --format csv writes one tidy row per run and metric', () => {
    const result = viralsim([
      'run',
      scenarioPath,
      '--format',
      'csv',
      '--per-run',
      '--threads',
      '1',
      '--runs',
      '4',
    ]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,seed,run,metric,value');
    const metricCount = lines.filter((line) => line.startsWith('small cascade,42,0,')).length;
    expect(metricCount).toBeGreaterThanOrEqual(9);
    expect(lines.length).toBe(1 + 4 * metricCount);
  });

  it('viralsim run --out picks the format from the extension and --trace writes a replayable trace', () => {
    const out = join(folder, 'report.csv');
    const trace = join(folder, 'trace.json');
    const result = viralsim(['run', scenarioPath, '--out', out, '--trace', trace, '--threads', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(
      /^scenario,seed,runs,metric,count,nanCount,mean,sd,ci95_lo,ci95_hi/,
    );
    const { meta, trace: events } = parseTrace(readFileSync(trace, 'utf8'), 'trace.json');
    expect(meta).toMatchObject({ model: 'independent-cascade', nodeCount: 400, seed: 42, run: 0 });
    expect(meta.seeds.length).toBe(3);
    expect(events.length).toBeGreaterThanOrEqual(3);
  });
});

describe('viralsim validate and run on the scenario library', () => {
  it('viralsim validate accepts every scenario in scenarios/', () => {
    const result = viralsim(['validate', ...LIBRARY.map((file) => `scenarios/${file}`)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(LIBRARY.length);
  });

  it.each(LIBRARY)('viralsim run scenarios/%s --runs 2 reports reach', (file) => {
    const result = viralsim([
      'run',
      `scenarios/${file}`,
      '--runs',
      '2',
      '--format',
      'json',
      '--threads',
      '1',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.runs).toBe(2);
    expect(report.metrics.reach.max).toBeGreaterThan(0);
    expect(report.metrics.reach.max).toBeLessThanOrEqual(report.network.nodes);
  });
});
