import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../engine/errors.js';
import { createStream } from '../../engine/rng.js';
import { communitySpreadSeeds } from '../../engine/seeding/community-spread.js';
import { coreNumbers, kCoreSeeds } from '../../engine/seeding/k-core.js';
import { pageRank, pageRankSeeds, resolvePageRankOptions } from '../../engine/seeding/pagerank.js';
import { topDegreeSeeds } from '../../engine/seeding/top-degree.js';
import { makeNetwork, path, star } from './fixtures.js';

const seedsOf = (seeds: Int32Array) => Array.from(seeds);

// Two components: a triangle {0, 1, 2} (community 0) and a tree 3 − 4 − 5 − 6 with 7 on 4
// (community 1). Degrees: 0, 1, 2 → 2; 3 → 1; 4 → 3; 5 → 2; 6 → 1; 7 → 1. Cores: triangle 2, tree 1.
const twoComponents = makeNetwork(
  8,
  [
    [0, 1],
    [1, 2],
    [0, 2],
    [3, 4],
    [4, 5],
    [5, 6],
    [4, 7],
  ],
  { community: [0, 0, 0, 1, 1, 1, 1, 1] },
);

// K4 on 0..3; 4 linked to 0 and 1; 5 linked to 4; 6 alone. Cores: 3, 3, 3, 3, 2, 1, 0.
const nestedCores = makeNetwork(7, [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
  [4, 0],
  [4, 1],
  [5, 4],
]);

describe('topDegreeSeeds', () => {
  it('topDegreeSeeds(star) takes the centre, then leaves by lower index', () => {
    expect(seedsOf(topDegreeSeeds(star(5), null, 1))).toEqual([0]);
    expect(seedsOf(topDegreeSeeds(star(5), null, 3))).toEqual([0, 1, 2]);
  });

  it('topDegreeSeeds(path) takes the inner people first, ties by index', () => {
    expect(seedsOf(topDegreeSeeds(path(5), null, 4))).toEqual([1, 2, 3, 0]);
  });

  it('topDegreeSeeds(two components) ranks across components', () => {
    expect(seedsOf(topDegreeSeeds(twoComponents, null, 4))).toEqual([4, 0, 1, 2]);
  });

  it('topDegreeSeeds(directed) counts out-arcs only', () => {
    const net = makeNetwork(
      4,
      [
        [3, 0],
        [3, 1],
        [0, 1],
        [1, 2],
        [2, 1],
        [0, 2],
      ],
      { isDirected: true },
    );
    // Out-degrees: 0 → 2, 1 → 1, 2 → 1, 3 → 2 (person 1 has the most in-arcs but ranks below).
    expect(seedsOf(topDegreeSeeds(net, null, 4))).toEqual([0, 3, 1, 2]);
  });

  it('topDegreeSeeds(star, audience without the centre) picks among the audience only', () => {
    expect(seedsOf(topDegreeSeeds(star(5), Uint8Array.of(0, 1, 0, 1, 1), 2))).toEqual([1, 3]);
  });
});

describe('pageRank', () => {
  it('pageRank(3-node directed graph) matches the hand-solved ranks on the reversed graph', () => {
    // Arcs 0 → 1, 0 → 2, 1 → 2. With c = (1 − d + d·x0)/3 the equations give x2 = c,
    // x1 = c(1 + d/2), x0 = c(1 + d(3 + d)/2), and the sum 1 gives c = 1 / (3 + 2d + d²/2).
    // The L1 tolerance 1e-10 leaves errors of about 1e-11.
    const net = makeNetwork(
      3,
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      { isDirected: true },
    );
    const d = 0.85;
    const c = 1 / (3 + 2 * d + (d * d) / 2);
    const rank = pageRank(net);
    expect(rank[0]).toBeCloseTo(c * (1 + (d * (3 + d)) / 2), 10);
    expect(rank[1]).toBeCloseTo(c * (1 + d / 2), 10);
    expect(rank[2]).toBeCloseTo(c, 10);
    expect(seedsOf(pageRankSeeds(net, null, 3))).toEqual([0, 1, 2]);
  });

  it('pageRank(path of 5) matches the linear solve and sums to 1', () => {
    // (I − d·A·D⁻¹) x = (1 − d)/n, solved with numpy.
    const expected = [0.13452703, 0.24594595, 0.23905405, 0.24594595, 0.13452703];
    const rank = pageRank(path(5));
    expected.forEach((x, u) => {
      expect(rank[u]).toBeCloseTo(x, 7);
    });
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(seedsOf(pageRankSeeds(path(5), null, 5))).toEqual([1, 3, 2, 0, 4]);
  });

  it('pageRank(star) ranks the centre first and the leaves by index', () => {
    expect(seedsOf(pageRankSeeds(star(6), null, 3))).toEqual([0, 1, 2]);
  });

  it('pageRank(two components) ranks within and across components as the linear solve does', () => {
    // numpy: 4 → 0.2235, 5 → 0.1534, 0, 1, 2 → 0.125 (exact ties), 6 → 0.0840, 3 and 7 → 0.0821.
    expect(seedsOf(pageRankSeeds(twoComponents, null, 8))).toEqual([4, 5, 0, 1, 2, 6, 3, 7]);
    expect(pageRank(twoComponents)[4]).toBeCloseTo(0.22347361, 7);
  });

  it('pageRank spreads dangling rank evenly: a graph with no arcs gives 1/n each', () => {
    const rank = pageRank(makeNetwork(4, [], { isDirected: true }));
    expect(Array.from(rank)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('pageRank rejects a damping of 1 with an OptionsError', () => {
    expect(() => resolvePageRankOptions({ damping: 1 })).toThrow(OptionsError);
    expect(() => pageRank(star(3), { maxIterations: 0 })).toThrow('maxIterations: expected a whole number');
  });
});

describe('coreNumbers', () => {
  it('coreNumbers(K4 with a tail) gives the known cores', () => {
    expect(Array.from(coreNumbers(nestedCores))).toEqual([3, 3, 3, 3, 2, 1, 0]);
  });

  it('coreNumbers(directed) uses in- plus out-degree, as networkx does', () => {
    // A directed triangle 0 → 1 → 2 → 0 with 3 → 0: networkx core_number gives {2, 2, 2, 1}.
    const net = makeNetwork(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 0],
      ],
      { isDirected: true },
    );
    expect(Array.from(coreNumbers(net))).toEqual([2, 2, 2, 1]);
  });

  it('kCoreSeeds takes the innermost core first, ties by degree then index', () => {
    expect(seedsOf(kCoreSeeds(nestedCores, null, 7))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // The triangle (core 2) beats person 4 of the highest degree (core 1).
    expect(seedsOf(kCoreSeeds(twoComponents, null, 4))).toEqual([0, 1, 2, 4]);
    expect(seedsOf(kCoreSeeds(path(5), null, 5))).toEqual([1, 2, 3, 0, 4]);
    expect(seedsOf(kCoreSeeds(star(5), null, 3))).toEqual([0, 1, 2]);
  });
});

describe('communitySpreadSeeds', () => {
  it('communitySpreadSeeds takes one seed per community in turn, largest first, by degree within', () => {
    const rng = createStream(1, 'unused');
    // Community 1 (5 people): 4, 5, 3, 6, 7 by degree then index; community 0: 0, 1, 2.
    expect(seedsOf(communitySpreadSeeds(twoComponents, null, 6, rng))).toEqual([4, 0, 5, 1, 3, 2]);
    expect(seedsOf(communitySpreadSeeds(twoComponents, null, 8, rng))).toEqual([4, 0, 5, 1, 3, 2, 6, 7]);
  });

  it('communitySpreadSeeds sizes communities within the audience', () => {
    const rng = createStream(1, 'unused');
    // Audience: 0, 1, 2 and 4 only, so community 0 (3 members) comes before community 1 (1 member).
    const audience = Uint8Array.of(1, 1, 1, 0, 1, 0, 0, 0);
    expect(seedsOf(communitySpreadSeeds(twoComponents, audience, 4, rng))).toEqual([0, 4, 1, 2]);
  });

  it('communitySpreadSeeds on a star with one community per person takes people by degree', () => {
    const net = makeNetwork(
      4,
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      { community: [3, 2, 1, 0] },
    );
    // All sizes are 1: communities by label 0, 1, 2, 3 → people 3, 2, 1, 0.
    expect(seedsOf(communitySpreadSeeds(net, null, 4, createStream(1)))).toEqual([3, 2, 1, 0]);
  });

  it('communitySpreadSeeds renumbers negative and sparse labels from a file, keeping their order', () => {
    // Labels −5, 10⁹, −5, 7: community −5 (2 people) first, then 7 before 10⁹ (sizes 1, lower label).
    const net = makeNetwork(
      4,
      [
        [0, 1],
        [2, 3],
      ],
      { community: [-5, 1e9, -5, 7] },
    );
    expect(seedsOf(communitySpreadSeeds(net, null, 4, createStream(1)))).toEqual([0, 3, 1, 2]);
  });

  it('communitySpreadSeeds detects communities when the network has none: two cliques give one seed each', () => {
    // Two K4s {0..3} and {4..7} joined by the bridge 3 − 4; the bridge ends have the highest degree.
    const edges: [number, number][] = [[3, 4]];
    for (const base of [0, 4]) {
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) edges.push([base + i, base + j]);
    }
    const seeds = communitySpreadSeeds(makeNetwork(8, edges), null, 2, createStream(5, 'communities'));
    expect(seedsOf(seeds).sort()).toEqual([3, 4]);
  });
});
