import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../engine/errors.js';
import {
  computeCascadeMetrics,
  createCascadeScratch,
  generationSizes,
  reproductionByGeneration,
  structuralViralityOfTree,
} from '../../engine/metrics/cascade.js';
import { buildNetwork } from '../../engine/network/build.js';
import { createEdgeBuffer } from '../../engine/network/edge-buffer.js';
import type { Network } from '../../engine/network/network.js';
import { createStream } from '../../engine/rng.js';
import type { CascadeForest } from '../../engine/simulation/types.js';

const FAST_CHECK_SEED = 4_242;

/** Uniform draws in [0, 1), one per person after the first, that attach each to an earlier person. */
const attachmentDraws = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 1,
  maxLength: 60,
});
const NEVER = Number.POSITIVE_INFINITY;

/** A network of n people without edges: the metrics read only its size. */
function people(n: number): Network {
  return buildNetwork(createEdgeBuffer(0), { nodeCount: n, isDirected: false });
}

/** A forest from parent pointers over the people listed as reached; generations follow the parents. */
function forestOf(parent: readonly number[], reachedTime: readonly number[]): CascadeForest {
  const n = parent.length;
  const generation = new Int32Array(n).fill(-1);
  const depthOf = (u: number): number => {
    if ((generation[u] as number) >= 0) return generation[u] as number;
    const p = parent[u] as number;
    const g = p < 0 ? 0 : depthOf(p) + 1;
    generation[u] = g;
    return g;
  };
  for (let u = 0; u < n; u++) if (reachedTime[u] !== NEVER) depthOf(u);
  return {
    parent: Int32Array.from(parent),
    generation,
    reachedTime: Float64Array.from(reachedTime),
  };
}

/** Mean distance over all pairs in the same tree, by breadth-first search from every node. O(n²). */
function allPairsMeanDistance(parent: Int32Array): number {
  const n = parent.length;
  const adjacency = Array.from({ length: n }, () => [] as number[]);
  for (let u = 0; u < n; u++) {
    const p = parent[u] as number;
    if (p >= 0) {
      adjacency[u]!.push(p);
      adjacency[p]!.push(u);
    }
  }
  let total = 0;
  let pairs = 0;
  for (let s = 0; s < n; s++) {
    const distance = new Array<number>(n).fill(-1);
    distance[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const v of adjacency[u]!) {
        if (distance[v] === -1) {
          distance[v] = distance[u]! + 1;
          queue.push(v);
        }
      }
    }
    for (let t = s + 1; t < n; t++) {
      if (distance[t]! > 0) {
        total += distance[t]!;
        pairs++;
      }
    }
  }
  return pairs === 0 ? 0 : total / pairs;
}

/** A uniform random recursive tree: node i attaches to a uniform earlier node. */
function recursiveTree(n: number, draws: readonly number[]): Int32Array {
  const parent = new Int32Array(n);
  parent[0] = -1;
  for (let i = 1; i < n; i++) parent[i] = Math.floor((draws[i - 1] as number) * i);
  return parent;
}

// Eight people, seeds 0 and 5. Tree of 0: 0 → 1, 0 → 2, 1 → 3, 3 → 4; tree of 5: 5 → 6; 7 unreached.
// Generations: 0 → {0, 5}, 1 → {1, 2, 6}, 2 → {3}, 3 → {4}.
const handForest = forestOf([-1, 0, 0, 1, 3, -1, 5, -1], [0, 1, 1.5, 2, 4, 0.5, 1, NEVER]);
const handSeeds = Int32Array.of(0, 5);

describe('computeCascadeMetrics', () => {
  it('computeCascadeMetrics(hand-made forest) gives reach, duration, depth and breadth', () => {
    const m = computeCascadeMetrics(people(8), handForest, handSeeds, null);
    expect(m.reach).toBe(7);
    expect(m.reachFraction).toBe(7 / 8);
    expect(m.duration).toBe(4);
    expect(m.depth).toBe(3);
    expect(m.maxBreadth).toBe(3);
  });

  it('computeCascadeMetrics(hand-made forest) pools structural virality over the trees', () => {
    // Tree of 0 (5 people): distances sum to W = 20 over C(5, 2) = 10 pairs; tree of 5: W = 1 over 1.
    const m = computeCascadeMetrics(people(8), handForest, handSeeds, null);
    expect(m.structuralVirality).toBeCloseTo(21 / 11, 14);
  });

  it('computeCascadeMetrics(hand-made forest) gives reproduction over generations 0..depth−1', () => {
    // Generation sizes 2, 3, 1, 1: (7 − 2) activated by the 7 − 1 people of generations 0..2.
    const m = computeCascadeMetrics(people(8), handForest, handSeeds, null);
    expect(m.reproduction).toBeCloseTo(5 / 6, 14);
    expect(Array.from(generationSizes(handForest))).toEqual([2, 3, 1, 1]);
    expect(Array.from(reproductionByGeneration(handForest))).toEqual([3 / 2, 1 / 3, 1]);
  });

  it('computeCascadeMetrics counts all reached non-seeds as beyond the audience when there is none', () => {
    const m = computeCascadeMetrics(people(8), handForest, handSeeds, null);
    expect(m.beyondAudience).toBe(5);
    expect(m.beyondAudienceFraction).toBe(5 / 7);
  });

  it('computeCascadeMetrics counts reached people outside the audience mask', () => {
    const audience = Uint8Array.of(1, 1, 1, 0, 0, 1, 0, 0);
    const m = computeCascadeMetrics(people(8), handForest, handSeeds, audience);
    expect(m.beyondAudience).toBe(3);
    expect(m.beyondAudienceFraction).toBe(3 / 7);
  });

  it('computeCascadeMetrics(nobody reached) gives zeros, not NaN', () => {
    const forest = forestOf([-1, -1, -1], [NEVER, NEVER, NEVER]);
    expect(computeCascadeMetrics(people(3), forest, new Int32Array(0), null)).toEqual({
      reach: 0,
      reachFraction: 0,
      duration: 0,
      depth: 0,
      maxBreadth: 0,
      structuralVirality: 0,
      reproduction: 0,
      beyondAudience: 0,
      beyondAudienceFraction: 0,
    });
    expect(Array.from(generationSizes(forest))).toEqual([]);
    expect(Array.from(reproductionByGeneration(forest))).toEqual([]);
  });

  it('computeCascadeMetrics(seeds only) gives depth 0, reproduction 0 and virality 0', () => {
    const forest = forestOf([-1, -1, -1, -1], [0, 0, NEVER, 0]);
    const m = computeCascadeMetrics(people(4), forest, Int32Array.of(0, 1, 3), null);
    expect(m).toMatchObject({ reach: 3, depth: 0, maxBreadth: 3, reproduction: 0, structuralVirality: 0 });
    expect(m.beyondAudience).toBe(0);
  });

  it('computeCascadeMetrics gives the same numbers with reused scratch and rejects too small scratch', () => {
    const scratch = createCascadeScratch(10);
    const first = computeCascadeMetrics(people(8), handForest, handSeeds, null, scratch);
    computeCascadeMetrics(people(3), forestOf([-1, 0, 1], [0, 1, 2]), Int32Array.of(0), null, scratch);
    expect(computeCascadeMetrics(people(8), handForest, handSeeds, null, scratch)).toEqual(first);
    expect(() =>
      computeCascadeMetrics(people(8), handForest, handSeeds, null, createCascadeScratch(4)),
    ).toThrow(OptionsError);
  });

  it('computeCascadeMetrics from a list of the reached people equals the full pass exactly', () => {
    // Random forests among many unreached people (so the list is short enough to be used), the list
    // in a random order, with and without an audience mask.
    fc.assert(
      fc.property(attachmentDraws, fc.nat(), fc.boolean(), (draws, seed, hasAudience) => {
        const reachedCount = draws.length + 1;
        const n = 8 * reachedCount + 3;
        const rng = createStream(seed, 'reached-list');
        // The reached people are a random subset of the n; tree i's parent is an earlier member.
        const pool = Array.from({ length: n }, (_, u) => u);
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        }
        const members = pool.slice(0, reachedCount);
        const parent = new Array<number>(n).fill(-1);
        const reachedTime = new Array<number>(n).fill(NEVER);
        members.forEach((u, i) => {
          const draw = i === 0 ? 0 : (draws[i - 1] as number);
          parent[u] = i === 0 || draw < 0.15 ? -1 : (members[Math.floor(draw * i)] as number);
          reachedTime[u] = Math.floor(rng() * 10) / 2;
        });
        const forest = forestOf(parent, reachedTime);
        const seeds = Int32Array.from(members.filter((u) => parent[u] === -1));
        const audience = hasAudience ? Uint8Array.from({ length: n }, () => (rng() < 0.5 ? 1 : 0)) : null;
        const listed = Int32Array.from([...members].sort(() => rng() - 0.5));
        // One scratch for both, the full pass first: the list pass must not read what it left behind.
        const scratch = createCascadeScratch(n);
        const full = computeCascadeMetrics(people(n), forest, seeds, audience, scratch);
        const fromList = computeCascadeMetrics(people(n), forest, seeds, audience, scratch, {
          people: listed,
          count: listed.length,
        });
        expect(fromList).toEqual(full);
      }),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });

  it('computeCascadeMetrics(star and path cascades) gives 2 − 2/n and (n + 1)/3', () => {
    for (const n of [2, 3, 10, 57]) {
      const starParents = Array.from({ length: n }, (_, u) => (u === 0 ? -1 : 0));
      const pathParents = Array.from({ length: n }, (_, u) => u - 1);
      const times = Array.from({ length: n }, (_, u) => u);
      const seed = Int32Array.of(0);
      const star = computeCascadeMetrics(people(n), forestOf(starParents, times), seed, null);
      const path = computeCascadeMetrics(people(n), forestOf(pathParents, times), seed, null);
      expect(star.structuralVirality).toBeCloseTo(2 - 2 / n, 12);
      expect(path.structuralVirality).toBeCloseTo((n + 1) / 3, 12);
      expect(path.depth).toBe(n - 1);
      expect(path.reproduction).toBe(1);
    }
  });
});

describe('structuralViralityOfTree', () => {
  it('structuralViralityOfTree(star of n) is 2 − 2/n and (path of n) is (n + 1)/3', () => {
    for (const n of [2, 5, 100]) {
      const star = Int32Array.from({ length: n }, (_, u) => (u === 0 ? -1 : 0));
      const path = Int32Array.from({ length: n }, (_, u) => u - 1);
      expect(structuralViralityOfTree(star)).toBeCloseTo(2 - 2 / n, 12);
      expect(structuralViralityOfTree(path)).toBeCloseTo((n + 1) / 3, 12);
    }
    expect(structuralViralityOfTree(Int32Array.of(-1))).toBe(0);
  });

  it('structuralViralityOfTree equals the all-pairs mean distance on random recursive trees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 60 }),
        (draws) => {
          const parent = recursiveTree(draws.length + 1, draws);
          expect(structuralViralityOfTree(parent)).toBeCloseTo(allPairsMeanDistance(parent), 10);
        },
      ),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });

  it('structuralViralityOfTree and computeCascadeMetrics agree on random forests, relabelled', () => {
    // Several roots (a draw below 0.15 starts a new tree) and a random relabelling, so parents need
    // not precede their children in index order.
    fc.assert(
      fc.property(attachmentDraws, fc.nat(), (draws, seed) => {
        const n = draws.length + 1;
        const tree = Array.from({ length: n }, (_, i) =>
          i === 0 || (draws[i - 1] as number) < 0.15 ? -1 : Math.floor((draws[i - 1] as number) * i),
        );
        const label = Array.from({ length: n }, (_, i) => i);
        const rng = createStream(seed, 'relabel');
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [label[i], label[j]] = [label[j]!, label[i]!];
        }
        const parent = new Array<number>(n);
        for (let i = 0; i < n; i++) parent[label[i]!] = tree[i]! < 0 ? -1 : label[tree[i]!]!;
        const forest = forestOf(parent, new Array<number>(n).fill(0));
        const roots = Int32Array.from(parent.flatMap((p, u) => (p < 0 ? [u] : [])));
        const expected = allPairsMeanDistance(Int32Array.from(parent));
        expect(structuralViralityOfTree(Int32Array.from(parent))).toBeCloseTo(expected, 10);
        expect(computeCascadeMetrics(people(n), forest, roots, null).structuralVirality).toBeCloseTo(
          expected,
          10,
        );
      }),
      { seed: FAST_CHECK_SEED, numRuns: 200 },
    );
  });

  it('structuralViralityOfTree averages 6.54394 over uniform random recursive trees of 100 nodes', () => {
    // Goel et al. (2016): E[ν] = 6.54394 for n = 100. The per-tree sd is about 0.468 (20,000
    // simulated trees), so 2,000 trees give a standard error of 0.0105; a 4σ band practically never
    // fails by chance and catches an off-by-one in the subtree sizes (which moves ν by far more).
    const REPLICATES = 2_000;
    const EXPECTED_MEAN = 6.54394;
    const PER_TREE_SD = 0.468;
    const TOLERATED_SE = 4;
    const rng = createStream(2016, 'recursive-trees');
    const draws = new Array<number>(99);
    let sum = 0;
    for (let r = 0; r < REPLICATES; r++) {
      for (let i = 0; i < 99; i++) draws[i] = rng();
      sum += structuralViralityOfTree(recursiveTree(100, draws));
    }
    const standardError = PER_TREE_SD / Math.sqrt(REPLICATES);
    expect(Math.abs(sum / REPLICATES - EXPECTED_MEAN)).toBeLessThan(TOLERATED_SE * standardError);
  });
});
