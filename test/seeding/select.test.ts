import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import type { Network } from '../../engine/network/network.js';
import { createStream } from '../../engine/rng.js';
import { randomSeeds } from '../../engine/seeding/random.js';
import { isSeedingFixed, seedCount, selectSeeds, selectSeedsIn } from '../../engine/seeding/select.js';
import type { SeedingSpec } from '../../engine/seeding/spec.js';
import { column, makeNetwork, path, star } from './fixtures.js';

const FAST_CHECK_SEED = 20240611;

const seedsOf = (seeds: Int32Array) => Array.from(seeds);

// Ten people on a path; segment "a" for 0..3, "b" for 4..9.
const segmented = makeNetwork(
  10,
  Array.from({ length: 9 }, (_, i) => [i, i + 1] as const),
  { columns: { segment: column(['a', 'b'], ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b']) } },
);

describe('seedCount', () => {
  it('seedCount rounds a fraction to the nearest whole number, halves up, at least 1', () => {
    const count = (fraction: number, size: number) => seedCount({ strategy: 'random', fraction }, size);
    expect(count(0.25, 10)).toBe(3);
    expect(count(0.16, 10)).toBe(2);
    expect(count(0.04, 10)).toBe(1);
    expect(count(0.001, 10)).toBe(1);
    expect(count(0, 10)).toBe(0);
    expect(count(1, 10)).toBe(10);
  });

  it('seedCount rejects a fraction of an empty audience', () => {
    expect(() => seedCount({ strategy: 'random', fraction: 0.5, audience: { segment: ['x'] } }, 0)).toThrow(
      'seeding.fraction: 0.5 asks for at least one seed but the seeding audience has 0 people',
    );
  });
});

describe('selectSeeds', () => {
  it('selectSeeds rejects a count above the network size, stating both numbers', () => {
    const spec: SeedingSpec = { strategy: 'top-degree', count: 6 };
    expect(() => selectSeeds(star(5), spec, createStream(1), 'x.json')).toThrow(
      new ScenarioError('x.json: seeding.count: asks for 6 seeds but the network has 5 people'),
    );
  });

  it('selectSeeds rejects a count above the audience size, under the given path', () => {
    const spec: SeedingSpec = { strategy: 'random', count: 5, audience: { segment: ['a'] } };
    expect(() => selectSeeds(segmented, spec, createStream(1), 'x.json', 'model.b.seeding')).toThrow(
      'x.json: model.b.seeding.count: asks for 5 seeds but the seeding audience has 4 people',
    );
  });

  it('selectSeeds takes a fraction of the audience, not of the network', () => {
    const spec: SeedingSpec = { strategy: 'top-degree', fraction: 0.5, audience: { segment: ['a'] } };
    expect(seedsOf(selectSeeds(segmented, spec, createStream(1)))).toEqual([1, 2]);
  });

  it('selectSeeds(nodes) takes indices or their decimal strings on a generated network, in order', () => {
    const spec: SeedingSpec = { strategy: 'nodes', nodes: [3, '1', 0] };
    expect(seedsOf(selectSeeds(path(5), spec, createStream(1)))).toEqual([3, 1, 0]);
  });

  it('selectSeeds(nodes) matches file ids, numbers as their decimal strings', () => {
    const net = makeNetwork(3, [[0, 1]], { ids: ['alice', '42', 'bob'] });
    const spec: SeedingSpec = { strategy: 'nodes', nodes: ['bob', 42] };
    expect(seedsOf(selectSeeds(net, spec, createStream(1)))).toEqual([2, 1]);
  });

  it('selectSeeds(nodes) reports every unknown, duplicate and out-of-audience id', () => {
    const spec: SeedingSpec = {
      strategy: 'nodes',
      nodes: [1, 10, '1', 'x', 5],
      audience: { segment: ['a'] },
    };
    let problems: readonly string[] = [];
    try {
      selectSeeds(segmented, spec, createStream(1), 'x.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      problems = (error as ScenarioError).problems;
    }
    expect(problems).toEqual([
      'x.json: seeding.nodes[1]: unknown node id 10: expected a node index in 0..9',
      'x.json: seeding.nodes[2]: node "1" is listed twice (first at index 0)',
      'x.json: seeding.nodes[3]: unknown node id "x": expected a node index in 0..9',
      'x.json: seeding.nodes[4]: node 5 is outside the seeding audience',
    ]);
  });

  it('selectSeeds(nodes) names the file ids it knows when an id is unknown', () => {
    const net = makeNetwork(3, [[0, 1]], { ids: ['alice', '42', 'bob'] });
    expect(() => selectSeeds(net, { strategy: 'nodes', nodes: ['carol'] }, createStream(1))).toThrow(
      'seeding.nodes[0]: unknown node id "carol": expected an id from the file (3 nodes, e.g. "alice", "42", "bob")',
    );
  });

  it('selectSeeds(random) is the same for the same stream and differs for another', () => {
    const spec: SeedingSpec = { strategy: 'random', count: 5 };
    const net = path(200);
    const a = selectSeeds(net, spec, createStream(7, 'seeding'));
    expect(selectSeeds(net, spec, createStream(7, 'seeding'))).toEqual(a);
    expect(selectSeeds(net, spec, createStream(8, 'seeding'))).not.toEqual(a);
  });
});

describe('isSeedingFixed', () => {
  it('isSeedingFixed is false for random and for community-spread that must detect communities', () => {
    const withBlocks = makeNetwork(3, [[0, 1]], { community: [0, 0, 1] });
    expect(isSeedingFixed(star(3), { strategy: 'random', count: 1 })).toBe(false);
    expect(isSeedingFixed(star(3), { strategy: 'community-spread', count: 1 })).toBe(false);
    expect(isSeedingFixed(withBlocks, { strategy: 'community-spread', count: 1 })).toBe(true);
    for (const strategy of ['top-degree', 'pagerank', 'k-core'] as const) {
      expect(isSeedingFixed(star(3), { strategy, count: 1 })).toBe(true);
    }
    expect(isSeedingFixed(star(3), { strategy: 'nodes', nodes: [1] })).toBe(true);
  });

  it('isSeedingFixed(true) means different streams give the same seeds', () => {
    const withBlocks = makeNetwork(
      6,
      [
        [0, 1],
        [1, 2],
        [3, 4],
        [2, 3],
      ],
      { community: [0, 0, 0, 1, 1, 1] },
    );
    for (const strategy of ['top-degree', 'pagerank', 'k-core', 'community-spread'] as const) {
      const spec: SeedingSpec = { strategy, count: 3 };
      expect(isSeedingFixed(withBlocks, spec)).toBe(true);
      expect(selectSeeds(withBlocks, spec, createStream(1))).toEqual(
        selectSeeds(withBlocks, spec, createStream(2)),
      );
    }
  });
});

describe('randomSeeds', () => {
  it('randomSeeds draws exactly k numbers and gives the same seeds from the sparse and the dense pool', () => {
    const net = path(1000);
    let draws = 0;
    const base = createStream(3, 'count');
    const counting = () => {
      draws++;
      return base();
    };
    const sparse = randomSeeds(net, null, 10, counting);
    expect(draws).toBe(10);
    // An all-ones mask forces the dense pool; the draws are the same, so the seeds must be too.
    const dense = randomSeeds(net, new Uint8Array(1000).fill(1), 10, createStream(3, 'count'));
    expect(seedsOf(sparse)).toEqual(seedsOf(dense));
  });

  it('randomSeeds(scripted stream) follows partial Fisher–Yates', () => {
    // Draws 0.5, 0.0, 0.99 on 5 people: j = 0 + ⌊0.5·5⌋ = 2 → seed 2 (slot 2 now holds 0);
    // j = 1 + ⌊0·4⌋ = 1 → seed 1; j = 2 + ⌊0.99·3⌋ = 4 → seed 4.
    const script = [0.5, 0.0, 0.99];
    let i = 0;
    const scripted = () => script[i++] as number;
    expect(seedsOf(randomSeeds(path(5), null, 3, scripted))).toEqual([2, 1, 4]);
  });

  it('randomSeeds(scripted stream, audience) draws among the audience members in index order', () => {
    // Audience of a star: leaves 1, 3, 4. Draws 0.9, 0.0: j = ⌊0.9·3⌋ = 2 → person 4 (slot 2 now
    // holds 1); j = 1 + ⌊0·2⌋ = 1 → person 3.
    const script = [0.9, 0.0];
    let i = 0;
    const scripted = () => script[i++] as number;
    expect(seedsOf(randomSeeds(star(5), Uint8Array.of(0, 1, 0, 1, 1), 2, scripted))).toEqual([4, 3]);
  });

  it('randomSeeds picks each person with probability k/n', () => {
    // 10 people, 3 seeds: each is picked with probability 0.3, first with probability 0.1.
    const REPLICATES = 20_000;
    const PICK_PROB = 0.3;
    const FIRST_PROB = 0.1;
    const TOLERATED_SE = 4; // a 4σ band: practically never fails by chance
    const net = path(10);
    const rng = createStream(11, 'uniformity');
    const picked = new Float64Array(10);
    const first = new Float64Array(10);
    for (let r = 0; r < REPLICATES; r++) {
      const seeds = randomSeeds(net, null, 3, rng);
      first[seeds[0] as number]!++;
      for (const u of seeds) picked[u]!++;
    }
    const sePick = Math.sqrt((PICK_PROB * (1 - PICK_PROB)) / REPLICATES);
    const seFirst = Math.sqrt((FIRST_PROB * (1 - FIRST_PROB)) / REPLICATES);
    for (let u = 0; u < 10; u++) {
      expect(Math.abs((picked[u] as number) / REPLICATES - PICK_PROB)).toBeLessThan(TOLERATED_SE * sePick);
      expect(Math.abs((first[u] as number) / REPLICATES - FIRST_PROB)).toBeLessThan(TOLERATED_SE * seFirst);
    }
  });
});

// Random small networks with a community per person and a random audience.
const scenarioArbitrary = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 24 }),
    isDirected: fc.boolean(),
    strategy: fc.constantFrom('random', 'top-degree', 'pagerank', 'k-core', 'community-spread' as const),
    rawEdges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
    rawLabels: fc.array(fc.nat({ max: 4 }), { minLength: 24, maxLength: 24 }),
    rawMask: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    countShare: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.nat(),
  })
  .map((c) => {
    const n = c.nodeCount;
    const network: Network = makeNetwork(
      n,
      c.rawEdges.map(([u, v]) => [u % n, v % n] as const),
      { isDirected: c.isDirected, community: c.rawLabels.slice(0, n) },
    );
    const audience = Uint8Array.from(c.rawMask.slice(0, n), (b) => (b ? 1 : 0));
    const members = audience.reduce((a, b) => a + b, 0);
    const count = Math.floor(c.countShare * members);
    return { ...c, network, audience, members, count };
  });

describe('selectSeedsIn properties', () => {
  it('selectSeedsIn gives distinct seeds, all in the audience, as many as asked', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ network, audience, count, strategy, seed }) => {
        const spec = { strategy, count } as SeedingSpec;
        const seeds = selectSeedsIn(network, spec, audience, createStream(seed, 'seeding'));
        expect(seeds.length).toBe(count);
        expect(new Set(seeds).size).toBe(count);
        for (const u of seeds) expect(audience[u]).toBe(1);
      }),
      { seed: FAST_CHECK_SEED, numRuns: 300 },
    );
  });

  it('selectSeedsIn(top-degree) never leaves out someone of higher degree than a chosen seed', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ network, audience, count, seed }) => {
        const seeds = selectSeedsIn(network, { strategy: 'top-degree', count }, audience, createStream(seed));
        const degree = (u: number) =>
          (network.outOffsets[u + 1] as number) - (network.outOffsets[u] as number);
        const chosen = new Set(seeds);
        const lowest = Math.min(...Array.from(seeds, degree));
        for (let u = 0; u < network.nodeCount; u++) {
          if (audience[u] === 1 && !chosen.has(u)) expect(degree(u)).toBeLessThanOrEqual(lowest);
        }
        for (let i = 1; i < seeds.length; i++) {
          expect(degree(seeds[i - 1] as number)).toBeGreaterThanOrEqual(degree(seeds[i] as number));
        }
      }),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });
});
