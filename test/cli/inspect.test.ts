import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, viralsim } from './cli-helpers.js';

const FIXTURES = 'test/fixtures/graphs';
const STATS_KEYS = [
  'nodes',
  'edges',
  'directed',
  'meanDegree',
  'maxDegree',
  'clustering',
  'components',
  'largestComponent',
  'degreeExponent',
  'selfLoopsDropped',
  'duplicatesDropped',
];

describe('viralsim inspect', () => {
  it('viralsim inspect karate --format json prints exactly the documented keys with the known values', () => {
    const result = viralsim(['inspect', '{"type":"karate"}', '--format', 'json']);
    expect(result.status).toBe(0);
    const stats = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(stats)).toEqual(STATS_KEYS);
    expect(stats).toMatchObject({ nodes: 34, edges: 78, directed: false, maxDegree: 17, components: 1 });
    // Zachary's karate club: average clustering 0.5706 (NetworkX average_clustering).
    expect(stats['clustering']).toBeCloseTo(0.5706384782076823, 12);
  });

  it('viralsim inspect FILE prints an aligned table by default', () => {
    const result = viralsim(['inspect', `${FIXTURES}/friends.txt`]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^nodes\s+5$/);
    expect(lines.find((line) => line.startsWith('directed'))).toMatch(/^directed\s+no$/);
    const widths = new Set(lines.map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  it('viralsim inspect edge list --directed reads arcs and reports them', () => {
    const result = viralsim(['inspect', `${FIXTURES}/trust.csv`, '--directed', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      directed: true,
      edges: 4,
      meanDegree: 1,
      components: 1,
    });
  });

  it('viralsim inspect club.json reports the dropped self-loop and warns on stderr', () => {
    const result = viralsim(['inspect', `${FIXTURES}/club.json`, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ nodes: 3, edges: 2, selfLoopsDropped: 1 });
    expect(result.stderr).toMatch(/^viralsim: warning: .*club\.json: dropped 1 self-loop/);
  });

  it('viralsim inspect SPEC --seed S is deterministic and differs across seeds', () => {
    const spec = '{"type":"barabasi-albert","nodes":2000,"m":2}';
    const run = (seed: string) => viralsim(['inspect', spec, '--seed', seed, '--format', 'json']).stdout;
    expect(run('3')).toBe(run('3'));
    expect(run('3')).not.toBe(run('4'));
  });

  it('viralsim inspect an inline file spec reads the graph relative to the working folder', () => {
    const result = viralsim([
      'inspect',
      `{"type":"file","path":"${FIXTURES}/follows.graphml"}`,
      '--format',
      'json',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ nodes: 3, edges: 3, directed: true });
  });

  it('viralsim inspect SPEC-FILE with a file spec reads the graph relative to the spec file', () => {
    const folder = scratchFolder('inspect-spec');
    writeFileSync(join(folder, 'g.txt'), 'a b\nb c\n');
    writeFileSync(join(folder, 'spec.json'), '{"type":"file","path":"g.txt","directed":true}');
    const result = viralsim(['inspect', join(folder, 'spec.json'), '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ nodes: 3, edges: 2, directed: true, components: 1 });
  });

  it('viralsim inspect a graph without edges prints null for the undefined exponent', () => {
    const folder = scratchFolder('inspect');
    const path = join(folder, 'empty.json');
    viralsim(['generate', '{"type":"erdos-renyi","nodes":3,"meanDegree":0}', '--out', path]);
    const stats = JSON.parse(viralsim(['inspect', path, '--format', 'json']).stdout);
    expect(stats).toMatchObject({ nodes: 3, edges: 0, components: 3, degreeExponent: null });
  });

  it('viralsim inspect --help prints the usage and exits 0', () => {
    const result = viralsim(['inspect', '-h']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: viralsim inspect SPEC\|FILE/);
  });
});

describe('viralsim inspect on bad input', () => {
  const CASES: { name: string; args: string[]; phrase: RegExp }[] = [
    { name: 'a missing file', args: ['inspect', 'nowhere.gexf'], phrase: /nowhere\.gexf: no such file/ },
    {
      name: 'an unknown file extension',
      args: ['inspect', `${FIXTURES}/unknown.dot`],
      phrase:
        /unknown\.dot: cannot tell the graph format from the extension "\.dot"; expected one of edgelist/,
    },
    {
      name: 'malformed XML',
      args: ['inspect', `${FIXTURES}/unclosed.gexf`],
      phrase: /unclosed\.gexf: malformed XML: line 7, column 5: expected <\/node>/,
    },
    {
      name: 'an edge to a missing node',
      args: ['inspect', `${FIXTURES}/missing-node.graphml`],
      phrase: /missing-node\.graphml: line 6: <edge>: target: expected a node id, got "ghost"/,
    },
    {
      name: 'a bad weight',
      args: ['inspect', `${FIXTURES}/bad-weight.csv`],
      phrase: /bad-weight\.csv: line 2: weight: expected a finite number, got "heavy"/,
    },
    {
      name: 'malformed JSON in a file',
      args: ['inspect', `${FIXTURES}/malformed.json`],
      phrase: /malformed\.json: malformed JSON: line 4, column 3: expected a value, got "]"/,
    },
    {
      name: 'a file spec pointing at a missing graph',
      args: ['inspect', '{"type":"file","path":"nowhere.txt"}'],
      phrase: /nowhere\.txt: cannot read the graph file \(no such file\)/,
    },
    {
      name: 'an unknown --format',
      args: ['inspect', '{"type":"karate"}', '--format', 'yaml'],
      phrase: /--format: expected one of table, json, got "yaml"/,
    },
    { name: 'no SPEC', args: ['inspect'], phrase: /inspect: missing SPEC argument/ },
    {
      name: 'an unquoted spec split into words',
      args: ['inspect', '{"type":', '"karate"}'],
      phrase:
        /inspect: unexpected argument "\\"karate\\"}"; expected SPEC \(quote an inline JSON spec as one argument\)/,
    },
    {
      name: 'a boolean flag given a value',
      args: ['inspect', '{"type":"karate"}', '--directed=yes'],
      phrase: /--directed: expected no value \(or true\/false\), got "yes"/,
    },
  ];

  it.each(CASES)('viralsim inspect exits 2 with one message for $name', ({ args, phrase }) => {
    const result = viralsim(args);
    expect(result.stderr).toMatch(phrase);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(2);
  });
});
