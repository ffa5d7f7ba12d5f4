/**
 * Cascade metrics of one run, from its cascade forest (who reached whom, at which generation, when).
 *
 * Definitions (n people; "reached" = finite `reachedTime`, seeds included):
 * - `reach`, `reachFraction` = reach / n.
 * - `duration`: last reach time minus first (0 when no one was reached).
 * - `depth`: the largest generation; `maxBreadth`: the most people in one generation (both 0 when no
 *   one was reached).
 * - `structuralVirality` (Goel, Anderson, Hofman & Watts, "The structural virality of online
 *   diffusion", Management Science 2016): for one tree, the mean shortest-path distance over all pairs
 *   of its nodes, W / C(n_t, 2), where the Wiener index W = Σ over tree edges of s·(n_t − s) with s the
 *   size of the subtree below the edge. A run with several seeds has a forest; we pool the pairs:
 *   Σ_t W_t / Σ_t C(n_t, 2), the mean distance over all pairs of people in the same tree (pairs in
 *   different trees have no distance). Trees of one person add nothing; 0 when no tree has two people.
 *   Pooling weights big trees by their pair count, so one viral tree among many lone seeds still
 *   scores as viral.
 * - `reproduction`: people activated per person who had the chance to activate someone, i.e. per
 *   reached person of generations 0..depth−1: (reach − generation 0) / (reach − generation depth).
 *   The last generation is left out because it ends the cascade by definition; including it would
 *   make the value (reach − roots) / reach < 1 for every finite cascade. 0 when depth is 0.
 *   {@link reproductionByGeneration} gives the per-generation values.
 * - `beyondAudience`: reached people outside the seeding audience (earned reach); without an audience,
 *   all reached people who are not seeds. `beyondAudienceFraction` = beyondAudience / reach (0 when no
 *   one was reached).
 *
 * Everything is O(n) per call: one pass to count, a counting sort by generation, and one pass each
 * way along it for the subtree sizes. Scratch buffers can be reused across runs. Given the list of
 * the reached people (a generation model's activation order), a small cascade costs O(reach log reach)
 * instead: the passes run over the list, and each generation is sorted by index so that every sum
 * runs in the same order as the full pass (the numbers are bit-identical).
 */
import { OptionsError } from '../errors.js';
import type { Network } from '../network/network.js';
import type { CascadeForest } from '../simulation/types.js';

/** The per-run cascade metrics, a plain object of numbers that merges into `RunResult.metrics`. */
export type CascadeMetrics = {
  reach: number;
  reachFraction: number;
  duration: number;
  depth: number;
  maxBreadth: number;
  structuralVirality: number;
  reproduction: number;
  beyondAudience: number;
  beyondAudienceFraction: number;
};

/** Reusable working memory of {@link computeCascadeMetrics} for networks of up to `capacity` people. */
export interface CascadeScratch {
  readonly capacity: number;
  /** Reached people sorted by generation (Int32Array, capacity). */
  readonly order: Int32Array;
  /** Subtree size of each reached person (Int32Array, capacity). */
  readonly subtreeSize: Int32Array;
  /** Root of each reached person's tree (Int32Array, capacity). */
  readonly root: Int32Array;
  /** People per generation, then start offsets (Int32Array, capacity + 1). */
  readonly generationStart: Int32Array;
}

/** Allocates scratch for networks of up to `capacity` people: 16·capacity bytes. */
export function createCascadeScratch(capacity: number): CascadeScratch {
  return {
    capacity,
    order: new Int32Array(capacity),
    subtreeSize: new Int32Array(capacity),
    root: new Int32Array(capacity),
    generationStart: new Int32Array(capacity + 1),
  };
}

/** The reached people of a run, in any order, each once: `people[0 .. count)`. */
export interface ReachedPeople {
  readonly people: Int32Array;
  readonly count: number;
}

/** Above this share of n reached, the full pass is cheaper than sorting the reached list. */
const LIST_SHARE = 1 / 8;

/**
 * The cascade metrics of one run (see the module comment). `seeds` are the run's seeds; `audience`
 * is the seeding audience mask (null: no audience); `reached`, when given, lists exactly the people
 * with a finite `reachedTime`. O(n) time, or O(reach log reach) from a short `reached` list;
 * allocates `16·n` bytes of scratch unless `scratch` (from {@link createCascadeScratch}, capacity ≥ n)
 * is given.
 */
export function computeCascadeMetrics(
  network: Network,
  forest: CascadeForest,
  seeds: Int32Array,
  audience: Uint8Array | null,
  scratch: CascadeScratch = createCascadeScratch(network.nodeCount),
  reached?: ReachedPeople,
): CascadeMetrics {
  const n = network.nodeCount;
  if (scratch.capacity < n) {
    throw new OptionsError(
      `computeCascadeMetrics: scratch: expected capacity >= ${n} (the network's people), got ${scratch.capacity}`,
    );
  }
  const { parent, generation, reachedTime } = forest;
  const { order, subtreeSize, root, generationStart } = scratch;

  // The people to visit: everyone (u = 0 … n − 1), or the reached list when it is short.
  const list = reached !== undefined && reached.count <= n * LIST_SHARE ? reached.people : null;
  const visits = list === null ? n : (reached as ReachedPeople).count;

  // Phase 1: reach, times, depth, people per generation, beyond-audience count. (Both ways share
  // every operation they can, so a batch that switches way costs the JIT no deoptimisation.)
  let deepest = n - 1;
  if (list !== null) {
    deepest = 0;
    for (let i = 0; i < visits; i++) deepest = Math.max(deepest, generation[list[i] as number] as number);
  }
  generationStart.fill(0, 0, deepest + 2);
  let reach = 0;
  let firstTime = Number.POSITIVE_INFINITY;
  let lastTime = Number.NEGATIVE_INFINITY;
  let depth = 0;
  let outsideAudience = 0;
  for (let i = 0; i < visits; i++) {
    const u = list === null ? i : (list[i] as number);
    const time = reachedTime[u] as number;
    if (time === Number.POSITIVE_INFINITY) continue;
    reach++;
    if (time < firstTime) firstTime = time;
    if (time > lastTime) lastTime = time;
    const g = generation[u] as number;
    if (g > depth) depth = g;
    generationStart[g + 1]!++;
    if (audience !== null && audience[u] === 0) outsideAudience++;
  }
  if (audience === null) {
    outsideAudience = reach;
    for (let i = 0; i < seeds.length; i++) {
      if ((reachedTime[seeds[i] as number] as number) !== Number.POSITIVE_INFINITY) outsideAudience--;
    }
  }
  let maxBreadth = 0;
  for (let g = 1; g <= depth + 1; g++) {
    const count = generationStart[g] as number;
    if (count > maxBreadth) maxBreadth = count;
  }
  const rootCount = generationStart[1] as number;
  const lastGenerationCount = generationStart[depth + 1] as number;

  // Phase 2: counting sort of the reached people by generation (prefix sums turn counts into starts).
  for (let g = 0; g <= depth; g++) {
    generationStart[g + 1] = (generationStart[g + 1] as number) + (generationStart[g] as number);
  }
  for (let i = 0; i < visits; i++) {
    const u = list === null ? i : (list[i] as number);
    if ((reachedTime[u] as number) === Number.POSITIVE_INFINITY) continue;
    order[generationStart[generation[u] as number]!++] = u;
  }
  // From a list, each generation is in list order: sort it by index, as the full pass leaves it.
  if (list !== null) {
    let start = 0;
    for (let g = 0; g <= depth; g++) {
      const end = generationStart[g] as number;
      if (end - start > 1) order.subarray(start, end).sort();
      start = end;
    }
  }

  // Phase 3: roots top-down, subtree sizes bottom-up, then the pooled Wiener index.
  for (let i = 0; i < reach; i++) {
    const u = order[i] as number;
    const p = parent[u] as number;
    root[u] = p < 0 ? u : (root[p] as number);
    subtreeSize[u] = 1;
  }
  for (let i = reach - 1; i >= 0; i--) {
    const u = order[i] as number;
    const p = parent[u] as number;
    if (p >= 0) subtreeSize[p] = (subtreeSize[p] as number) + (subtreeSize[u] as number);
  }
  let wiener = 0;
  let pairs = 0;
  for (let i = 0; i < reach; i++) {
    const u = order[i] as number;
    const s = subtreeSize[u] as number;
    if ((parent[u] as number) < 0) pairs += (s * (s - 1)) / 2;
    else wiener += s * ((subtreeSize[root[u] as number] as number) - s);
  }

  return {
    reach,
    reachFraction: n === 0 ? 0 : reach / n,
    duration: reach === 0 ? 0 : lastTime - firstTime,
    depth,
    maxBreadth,
    structuralVirality: pairs === 0 ? 0 : wiener / pairs,
    reproduction: depth === 0 ? 0 : (reach - rootCount) / (reach - lastGenerationCount),
    beyondAudience: outsideAudience,
    beyondAudienceFraction: reach === 0 ? 0 : outsideAudience / reach,
  };
}

/**
 * Reached people per generation (Int32Array, depth + 1; empty when no one was reached). O(n);
 * allocates O(n) once.
 */
export function generationSizes(forest: CascadeForest): Int32Array {
  const { generation, reachedTime } = forest;
  const n = generation.length;
  const counts = new Int32Array(n + 1);
  let depth = -1;
  for (let u = 0; u < n; u++) {
    if ((reachedTime[u] as number) === Number.POSITIVE_INFINITY) continue;
    const g = generation[u] as number;
    counts[g]!++;
    if (g > depth) depth = g;
  }
  return counts.slice(0, depth + 1);
}

/**
 * The reproduction number of each generation: entry g is the mean number of people activated by a
 * reached person of generation g, = size of generation g + 1 / size of generation g, for g in
 * 0..depth−1 (Float64Array, depth). O(n).
 */
export function reproductionByGeneration(forest: CascadeForest): Float64Array {
  const sizes = generationSizes(forest);
  const depth = Math.max(0, sizes.length - 1);
  const out = new Float64Array(depth);
  for (let g = 0; g < depth; g++) out[g] = (sizes[g + 1] as number) / (sizes[g] as number);
  return out;
}

/**
 * Structural virality of a tree given only its parent array (`parent[u]` = −1 for the root, every
 * index a node): W / C(n, 2), the mean distance over all pairs. For several roots the pairs are pooled
 * as in {@link computeCascadeMetrics}; 0 when no tree has two nodes. Independent of the generation
 * array: builds child lists and walks them breadth-first. O(n); allocates O(n).
 */
export function structuralViralityOfTree(parent: Int32Array): number {
  const n = parent.length;
  // Child lists in CSR form: children of u are childList[childStart[u] .. childStart[u + 1]).
  const childStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    const p = parent[u] as number;
    if (p >= 0) childStart[p + 1]!++;
  }
  for (let u = 0; u < n; u++) childStart[u + 1] = (childStart[u + 1] as number) + (childStart[u] as number);
  const cursor = childStart.slice(0, n);
  const childList = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const p = parent[u] as number;
    if (p >= 0) childList[cursor[p]!++] = u;
  }
  // Breadth-first order from every root, then subtree sizes in reverse order.
  const order = new Int32Array(n);
  const root = new Int32Array(n);
  let tail = 0;
  for (let u = 0; u < n; u++) {
    if ((parent[u] as number) >= 0) continue;
    root[u] = u;
    order[tail++] = u;
  }
  for (let head = 0; head < tail; head++) {
    const u = order[head] as number;
    const end = childStart[u + 1] as number;
    for (let e = childStart[u] as number; e < end; e++) {
      const v = childList[e] as number;
      root[v] = root[u] as number;
      order[tail++] = v;
    }
  }
  const size = new Float64Array(n).fill(1);
  for (let i = tail - 1; i >= 0; i--) {
    const u = order[i] as number;
    const p = parent[u] as number;
    if (p >= 0) size[p] = (size[p] as number) + (size[u] as number);
  }
  let wiener = 0;
  let pairs = 0;
  for (let u = 0; u < n; u++) {
    const s = size[u] as number;
    if ((parent[u] as number) < 0) pairs += (s * (s - 1)) / 2;
    else wiener += s * ((size[root[u] as number] as number) - s);
  }
  return pairs === 0 ? 0 : wiener / pairs;
}
