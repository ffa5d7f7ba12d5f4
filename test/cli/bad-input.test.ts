/**
 * The broken-input corpus through the real command line: each case exits 2 with one clear message on
 * stderr naming the path or flag, and never a stack trace.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder, viralsim, WORKERS_ONLY } from './cli-helpers.js';

const BAD = 'test/fixtures/bad';
const BASE = `${BAD}/valid-base.json`;

interface Case {
  name: string;
  args: string[];
  /** A phrase the message must contain (path or flag, and the problem). */
  phrase: RegExp;
  env?: Record<string, string>;
}

let locked = '';

const CASES: Case[] = [
  {
    name: 'a wrong type',
    args: ['run', `${BAD}/wrong-type.json`],
    phrase: /wrong-type\.json: runs: expected a number, got "ten"/,
  },
  {
    name: 'an unknown key',
    args: ['validate', `${BAD}/unknown-key.json`],
    phrase: /unknown-key\.json: seeed: unknown key/,
  },
  {
    name: 'an out-of-range probability',
    args: ['run', `${BAD}/probability-out-of-range.json`],
    phrase: /probability-out-of-range\.json: model\.probability: .*got 1\.5/,
  },
  {
    name: 'a negative size',
    args: ['run', `${BAD}/negative-size.json`],
    phrase: /negative-size\.json: network\.nodes: expected a number >= 1, got -5/,
  },
  {
    name: 'an unknown model',
    args: ['run', `${BAD}/unknown-model.json`],
    phrase: /unknown-model\.json: model\.type: expected one of .*got "viral-magic"/,
  },
  {
    name: 'a __proto__ key',
    args: ['validate', `${BAD}/proto-key.json`],
    phrase: /proto-key\.json: __proto__: unknown key/,
  },
  {
    name: 'malformed JSON',
    args: ['run', `${BAD}/malformed.json`],
    phrase: /malformed\.json: line 7, column 3: malformed JSON/,
  },
  {
    name: 'a campaign key without the campaign model',
    args: ['validate', `${BAD}/campaign-without-model.json`],
    phrase: /campaign-without-model\.json: campaign: only allowed with model "campaign"/,
  },
  {
    name: 'a missing file',
    args: ['run', `${BAD}/no-such-file.json`],
    phrase: /no-such-file\.json: cannot read the scenario file \(no such file\)/,
  },
  {
    name: 'a --set path that does not exist',
    args: ['run', BASE, '--set', 'model.probabilty=0.3'],
    phrase: /--set model\.probabilty=0\.3: .*model\.probabilty: unknown key/,
  },
  {
    name: 'a --set value of the wrong type',
    args: ['run', BASE, '--set', 'model.probability=high'],
    phrase: /--set model\.probability="high": .*model\.probability: expected/,
  },
  {
    name: 'a --set path through a number',
    args: ['run', BASE, '--set', 'runs.count=3'],
    phrase: /--set runs\.count: runs is 2, not an object/,
  },
  {
    name: 'a --vary path that does not exist',
    args: ['sweep', BASE, '--vary', 'model.chance=0.1,0.2'],
    phrase: /--vary model\.chance=0\.1: .*model\.chance: unknown key/,
  },
  {
    name: 'a --vary value of the wrong type',
    args: ['sweep', BASE, '--vary', 'network.nodes=10,lots'],
    phrase: /--vary network\.nodes="lots": .*network\.nodes: expected a number, got "lots"/,
  },
  {
    name: 'a shard 5/4',
    args: ['sweep', BASE, '--vary', 'seed=1,2', '--shard', '5/4'],
    phrase: /--shard 5\/4: expected i\/n with n >= 1 and 0 <= i < n/,
  },
  {
    name: 'a Slurm task id beyond the task count',
    args: ['sweep', BASE, '--vary', 'seed=1,2'],
    env: { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4' },
    phrase: /SLURM_ARRAY_TASK_ID=4 \(of SLURM_ARRAY_TASK_COUNT\) 4\/4: expected i\/n/,
  },
  {
    name: '--shards without JOB_COMPLETION_INDEX',
    args: ['sweep', BASE, '--vary', 'seed=1,2', '--shards', '4'],
    phrase: /--shards 4: expected the environment variable JOB_COMPLETION_INDEX/,
  },
  {
    name: 'an unwritable output path',
    args: ['run', BASE, '--out', '/nonexistent-folder/x.json'],
    phrase: /--out \/nonexistent-folder\/x\.json: cannot write the file/,
  },
  {
    name: 'a bad --threads',
    args: ['run', BASE, '--threads', '0'],
    phrase: /--threads: expected a whole number in 1\.\.256, got 0/,
  },
  {
    name: 'a bad --format',
    args: ['run', BASE, '--format', 'xml'],
    phrase: /--format: expected one of table, json, csv, ndjson, got "xml"/,
  },
  {
    name: 'more seeds than people, found inside a worker thread',
    args: ['run', BASE, '--set', 'seeding.count=1000', '--threads', '2'],
    phrase: /valid-base\.json: seeding\.count: asks for 1000 seeds but the network has 50 people/,
    env: WORKERS_ONLY,
  },
  { name: 'a sweep without --vary', args: ['sweep', BASE], phrase: /--vary: expected at least one --vary/ },
  {
    name: '--resume without --out',
    args: ['sweep', BASE, '--vary', 'seed=1,2', '--resume'],
    phrase: /--resume: expected --out FILE/,
  },
  {
    name: 'merge of a file that is not a sweep',
    args: ['merge', BASE],
    phrase: /valid-base\.json: line 1: expected a sweep record/,
  },
];

describe('viralsim on bad input', () => {
  beforeAll(() => {
    const folder = scratchFolder('bad');
    locked = join(folder, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
  });

  it.each(CASES)('viralsim exits 2 with one clear message for $name', ({ args, phrase, env }) => {
    const result = viralsim(args, env);
    expect(result.stderr).toMatch(phrase);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith('viralsim: ')).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('viralsim run exits 2 naming --out for a folder it may not write', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to test
    const result = viralsim(['run', BASE, '--out', join(locked, 'x.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out .*locked\/x\.json: cannot write the file \(EACCES\)/);
  });

  it('viralsim validate reports every problem of every file at once', () => {
    const result = viralsim(['validate', `${BAD}/wrong-type.json`, BASE, `${BAD}/unknown-key.json`]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(`${BASE}: ok (bad)\n`);
    expect(result.stderr).toMatch(/wrong-type\.json: runs: expected a number/);
    expect(result.stderr).toMatch(/unknown-key\.json: seeed: unknown key/);
  });
});
