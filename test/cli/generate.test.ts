import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferFormat, readGraph } from '../../engine/network/formats/graph-file.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { type NetworkStats, networkStats } from '../../engine/network/stats.js';
import { createStream } from '../../engine/rng.js';
import { scratchFolder, viralsim } from './cli-helpers.js';

const FIXTURES = 'test/fixtures/graphs';
let folder = '';

beforeAll(() => {
  folder = scratchFolder('generate');
});

/** The statistics of a graph file, computed in-process (fewer CLI start-ups keep the file fast). */
function fileStats(path: string): NetworkStats {
  return networkStats(readGraph(readFileSync(path, 'utf8'), inferFormat(path)));
}

const KARATE_STATS = networkStats(generateNetwork({ type: 'karate' }, createStream(1, 'network')));

describe('viralsim generate', () => {
  it.each(['karate.txt', 'karate.gexf', 'karate.graphml', 'karate.xml', 'karate.json'])(
    'viralsim generate karate --out %s writes a file whose statistics match the spec',
    (name) => {
      const out = join(folder, name);
      const result = viralsim(['generate', '{"type":"karate"}', '--out', out]);
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/wrote .* 34 nodes, 78 edges/);
      expect(fileStats(out)).toEqual(KARATE_STATS);
    },
  );

  it('viralsim generate --format overrides the extension', () => {
    const out = join(folder, 'graph.data');
    expect(viralsim(['generate', '{"type":"ring","nodes":6}', '--out', out, '--format', 'json']).status).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ options: { type: 'undirected' } });
  });

  it('viralsim generate --seed S gives identical files for the same seed and different ones for another', () => {
    const spec = '{"type":"erdos-renyi","nodes":300,"meanDegree":4}';
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(folder, name));
    viralsim(['generate', spec, '--out', paths[0] as string, '--seed', '5']);
    viralsim(['generate', spec, '--out', paths[1] as string, '--seed=5']);
    viralsim(['generate', spec, '--out', paths[2] as string, '--seed', '6']);
    const [a, b, c] = paths.map((path) => readFileSync(path, 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('viralsim generate SPEC-FILE reads a spec from a JSON file and a graph file converts between formats', () => {
    const out = join(folder, 'campaign.graphml');
    expect(viralsim(['generate', `${FIXTURES}/campaign.gexf`, '--out', out]).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('<node id="brand"><data key="segment">owned</data>');
    expect(fileStats(out)).toEqual(fileStats(`${FIXTURES}/campaign.gexf`));
  });

  it('viralsim generate --help prints the usage and exits 0', () => {
    const result = viralsim(['generate', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: viralsim generate SPEC --out FILE/);
  });
});

describe('viralsim generate on bad input', () => {
  let locked = '';
  beforeAll(() => {
    locked = join(folder, 'locked');
    mkdirSync(locked, { recursive: true });
  });

  const CASES: { name: string; args: () => string[]; phrase: RegExp }[] = [
    {
      name: 'a missing field',
      args: () => ['generate', '{"type":"barabasi-albert","nodes":100}', '--out', join(folder, 'x.txt')],
      phrase: /SPEC: m: expected a number, got nothing/,
    },
    {
      name: 'a field of the wrong type',
      args: () => [
        'generate',
        '{"type":"erdos-renyi","nodes":"100","meanDegree":3}',
        '--out',
        join(folder, 'x.txt'),
      ],
      phrase: /SPEC: nodes: expected a number, got "100"/,
    },
    {
      name: 'an unknown network type',
      args: () => ['generate', '{"type":"small-world","nodes":10}', '--out', join(folder, 'x.txt')],
      phrase: /SPEC: type: expected one of "erdos-renyi", .*got "small-world"/,
    },
    {
      name: 'a negative size',
      args: () => ['generate', '{"type":"ring","nodes":-5}', '--out', join(folder, 'x.txt')],
      phrase: /SPEC: nodes: expected a number >= 1, got -5/,
    },
    {
      name: 'a probability outside [0, 1]',
      args: () => [
        'generate',
        '{"type":"watts-strogatz","nodes":20,"k":4,"beta":1.5}',
        '--out',
        join(folder, 'x.txt'),
      ],
      phrase: /SPEC: beta: expected a number <= 1, got 1\.5/,
    },
    {
      name: 'm >= nodes',
      args: () => ['generate', '{"type":"barabasi-albert","nodes":5,"m":5}', '--out', join(folder, 'x.txt')],
      phrase: /SPEC: m: expected m < nodes \(5\), got 5/,
    },
    {
      name: 'a size too large for memory',
      args: () => [
        'generate',
        '{"type":"erdos-renyi","nodes":10000000000,"meanDegree":10}',
        '--out',
        join(folder, 'x.txt'),
      ],
      phrase: /needs an estimated [\d.]+ [GT]B of arrays, more than the [\d.]+ GB limit/,
    },
    {
      name: 'malformed inline JSON',
      args: () => ['generate', '{"type":"karate",}', '--out', join(folder, 'x.txt')],
      phrase: /SPEC: malformed JSON: line 1, column 18: expected a double-quoted property name, got "}"/,
    },
    {
      name: 'a malformed graph file',
      args: () => ['generate', `${FIXTURES}/bad-line.txt`, '--out', join(folder, 'x.gexf')],
      phrase: /bad-line\.txt: line 7: expected "source target \[weight\]", got "a"/,
    },
    {
      name: 'an unknown output extension',
      args: () => ['generate', '{"type":"karate"}', '--out', join(folder, 'x.dot')],
      phrase:
        /cannot tell the graph format from the extension "\.dot"; expected one of edgelist, gexf, graphml, json/,
    },
    {
      name: 'an unknown --format',
      args: () => ['generate', '{"type":"karate"}', '--out', join(folder, 'x.txt'), '--format', 'dot'],
      phrase: /--format: unknown graph format "dot"; expected one of edgelist, gexf, graphml, json/,
    },
    {
      name: 'an unwritable --out path',
      args: () => ['generate', '{"type":"karate"}', '--out', join(folder, 'no-such-folder', 'x.gexf')],
      phrase: /--out .*x\.gexf: cannot write the file \(no such folder/,
    },
    {
      name: 'an --out that is a folder',
      args: () => ['generate', '{"type":"karate"}', '--out', locked, '--format', 'gexf'],
      phrase: /--out .*locked: cannot write the file \(a folder, not a file\)/,
    },
    {
      name: 'a missing spec file',
      args: () => ['generate', 'no-such-spec.json', '--out', join(folder, 'x.txt')],
      phrase: /no-such-spec\.json: no such file; expected a network spec file, an inline JSON spec/,
    },
    {
      name: 'a missing --out',
      args: () => ['generate', '{"type":"karate"}'],
      phrase: /generate: --out: expected the file to write, got none/,
    },
    {
      name: 'a missing flag value',
      args: () => ['generate', '{"type":"karate"}', '--out'],
      phrase: /generate: --out: expected a value, got the end of the command/,
    },
    {
      name: 'an unknown flag',
      args: () => ['generate', '{"type":"karate"}', '--out', join(folder, 'x.txt'), '--sead', '3'],
      phrase: /generate: unknown flag --sead; expected one of --out, --format, --seed, --directed, --help/,
    },
    {
      name: 'a seed that is not a whole number',
      args: () => ['generate', '{"type":"karate"}', '--out', join(folder, 'x.txt'), '--seed', 'abc'],
      phrase: /--seed: expected a whole number, got "abc"/,
    },
  ];

  it.each(CASES)('viralsim generate exits 2 with one message for $name', ({ args, phrase }) => {
    const result = viralsim(args());
    expect(result.stderr).toMatch(phrase);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});
