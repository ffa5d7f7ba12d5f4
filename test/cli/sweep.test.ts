/**
 * `viralsim sweep` and `merge` through the built command line: sharded sweeps merge into exactly the
 * unsharded output (also with the Slurm and Kubernetes index variables), threads do not change a byte,
 * and a sweep really killed part-way (SIGKILL) and resumed equals one never interrupted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  scratchFolder,
  smallScenario,
  viralsim,
  viralsimAsync,
  viralsimInBackground,
  WORKERS_ONLY,
  writeScenario,
} from './cli-helpers.js';

const VARY = ['--vary', 'model.probability=0.1:0.4:4', '--vary', 'seeding.count=1,5'];
const POINTS = 8;

let folder = '';
let scenarioPath = '';

function sweep(extra: string[], env?: Record<string, string>) {
  return viralsim(['sweep', scenarioPath, ...VARY, '--runs', '6', ...extra], env);
}

describe('viralsim sweep', () => {
  beforeAll(() => {
    folder = scratchFolder('sweep');
    scenarioPath = writeScenario(folder, 'small.json', smallScenario());
  });

  it('viralsim sweep writes one NDJSON record per grid point, in point order, with its values', () => {
    const out = join(folder, 'all.ndjson');
    const result = sweep(['--out', out, '--threads', '1']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const records = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((record) => record.point)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(records[3].values).toEqual({ 'model.probability': 0.2, 'seeding.count': 5 });
    expect(records.every((record) => record.points === POINTS && record.runs === 6)).toBe(true);
    expect(records[7].metrics.reach.mean).toBeGreaterThan(records[0].metrics.reach.mean);
  });

  it('viralsim merge of shards 0..3 equals the unsharded sweep byte for byte (NDJSON and CSV)', () => {
    const whole = join(folder, 'whole.ndjson');
    expect(sweep(['--out', whole, '--threads', '3'], WORKERS_ONLY).status).toBe(0);
    const shards: string[] = [];
    for (let i = 0; i < 4; i++) {
      const out = join(folder, `shard-${i}.ndjson`);
      const env: Record<string, string> =
        i === 1
          ? { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4' }
          : i === 2
            ? { JOB_COMPLETION_INDEX: '2' }
            : {};
      const flags = i === 1 ? [] : i === 2 ? ['--shards', '4'] : ['--shard', `${i}/4`];
      const result = sweep(['--out', out, '--threads', '1', ...flags], env);
      expect(result.stderr).toBe('');
      expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(2);
      shards.push(out);
    }
    const merged = join(folder, 'merged.ndjson');
    expect(viralsim(['merge', ...shards.reverse(), '--out', merged]).status).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    const csv = viralsim(['merge', ...shards, '--format', 'csv']);
    expect(csv.stdout).toBe(sweep(['--format', 'csv', '--threads', '1']).stdout);
    expect(csv.stdout.split('\n')[0]).toMatch(/^point,model\.probability,seeding\.count,metric,count,/);
  });

  it('viralsim merge refuses a missing shard, naming the missing points', () => {
    const parts = [0, 1, 2].map((i) => join(folder, `part-${i}.ndjson`));
    parts.forEach((out, i) => {
      sweep(['--out', out, '--threads', '1', '--shard', `${i}/4`]);
    });
    const result = viralsim(['merge', ...parts]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/merge: missing 2 of 8 points \(3, 7\)/);
  });

  it('viralsim sweep --resume after a SIGKILL part-way gives the uninterrupted output', async () => {
    const big = writeScenario(
      folder,
      'big.json',
      smallScenario({ network: { type: 'erdos-renyi', nodes: 3000, meanDegree: 4 } }),
    );
    const args = [
      'sweep',
      big,
      '--vary',
      'model.probability=0.05:0.5:10',
      '--vary',
      'seed=1,2,3',
      '--runs',
      '25',
      '--threads',
      '1',
    ];
    const reference = join(folder, 'reference.ndjson');
    expect(viralsim([...args, '--out', reference]).status).toBe(0);
    const expected = readFileSync(reference, 'utf8');
    const total = expected.trimEnd().split('\n').length;

    const out = join(folder, 'killed.ndjson');
    const child = viralsimInBackground([...args, '--out', out]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 20_000;
    let lines = 0;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      lines = existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0;
      if (lines >= 3) break;
    }
    child.kill('SIGKILL');
    await exited;
    const partial = readFileSync(out, 'utf8');
    const written = partial.split('\n').length - 1;
    expect(written).toBeGreaterThanOrEqual(3);
    expect(written).toBeLessThan(total);
    expect(expected.startsWith(partial.slice(0, partial.lastIndexOf('\n') + 1))).toBe(true);

    // A torn last line, as a kill in the middle of a write would leave, is cut off on resume.
    appendFileSync(out, '{"sweep":"');
    const resumed = viralsim([...args, '--out', out, '--resume']);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);

    // Resuming a complete sweep does nothing and keeps the file.
    expect(viralsim([...args, '--out', out, '--resume']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it("viralsim sweep reads a graph file once: the workers get the main thread's network", async () => {
    // The graph file is a named pipe that yields its text to one reader only: a worker that opened
    // it again would wait forever, so the sweep only finishes when the network is lent to the worker.
    const graph = join(folder, 'friends.pipe');
    expect(spawnSync('mkfifo', [graph]).status).toBe(0);
    const writer = spawn('sh', ['-c', `cat test/fixtures/graphs/friends.txt > "${graph}"`], {
      stdio: 'ignore',
    });
    const network = { type: 'file', path: 'friends.pipe', format: 'edgelist' };
    const piped = writeScenario(folder, 'piped.json', smallScenario({ network }));
    const args = ['sweep', piped, '--vary', 'model.probability=0.2:0.5:4', '--runs', '20'];
    // Every run on the worker (the main thread only prepares the network and hands out tasks).
    const result = await viralsimAsync(
      [...args, '--threads', '2', '--format', 'ndjson'],
      10_000,
      WORKERS_ONLY,
    );
    writer.kill();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The same numbers as one thread reading an ordinary copy of the file.
    copyFileSync('test/fixtures/graphs/friends.txt', join(folder, 'friends.txt'));
    const plain = writeScenario(
      folder,
      'plain.json',
      smallScenario({ network: { ...network, path: 'friends.txt' } }),
    );
    const single = viralsim(['sweep', plain, ...args.slice(2), '--threads', '1', '--format', 'ndjson']);
    const numbers = (text: string) => text.split('\n').map((line) => line.replace(/"sweep":"[^"]*",/, ''));
    expect(numbers(result.stdout)).toEqual(numbers(single.stdout));
  });

  it('viralsim sweep --resume refuses a file from another sweep', () => {
    const out = join(folder, 'other.ndjson');
    sweep(['--out', out, '--threads', '1']);
    const result = viralsim([
      'sweep',
      scenarioPath,
      '--vary',
      'model.probability=0.2,0.3',
      '--out',
      out,
      '--resume',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--resume .*other\.ndjson: line 1: holds a different sweep/);
  });
});
