/**
 * Shared assembly steps for the generators: writing a growth-ordered edge list straight into CSR
 * (skipping the general builder's two counting sorts), and erasing self-loops and repeated edges of
 * an edge list in O(m) with an open-addressing hash, so generators that produce them by design
 * (stub matching, follow-backs) decide themselves what to report.
 *
 * Invariant of a growth-ordered list: every edge is (newer, older) with older < newer, and the edges
 * come grouped by newer in ascending order (each group holds distinct olders, in any order).
 */
import type { EdgeBuffer } from '../edge-buffer.js';
import type { Network, NodeAttributes } from '../network.js';

/** Sorts `values[start..end)` ascending in place; groups are small (m of a newcomer). */
function insertionSort(values: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const x = values[i] as number;
    let j = i - 1;
    while (j >= start && (values[j] as number) > x) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = x;
  }
}

/**
 * Builds an undirected network (or, when `isDirected`, the same edges as two opposite arcs) from a
 * growth-ordered list `newer[i] — older[i]`, i < edgeCount. Sorts each group's olders in place, then
 * fills every row in one pass: a row receives its own group's olders (sorted) and then later
 * newcomers in ascending order, so rows come out sorted with no second sort. O(n + m) time; allocates
 * offsets (n + 1) and targets (2·edgeCount). The caller guarantees no duplicates within a group.
 */
export function networkFromGrowthEdges(
  nodeCount: number,
  newer: Int32Array,
  older: Int32Array,
  edgeCount: number,
  isDirected: boolean,
  attributes: NodeAttributes = { columns: {}, community: null },
): Network {
  const n = nodeCount;
  const m = edgeCount;
  let groupStart = 0;
  for (let i = 1; i <= m; i++) {
    if (i === m || newer[i] !== newer[groupStart]) {
      if (i - groupStart > 1) insertionSort(older, groupStart, i);
      groupStart = i;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    offsets[(newer[i] as number) + 1]!++;
    offsets[(older[i] as number) + 1]!++;
  }
  for (let u = 0; u < n; u++) offsets[u + 1] = (offsets[u + 1] as number) + (offsets[u] as number);
  const targets = new Int32Array(2 * m);
  const cursor = offsets.slice(0, n);
  for (let i = 0; i < m; i++) {
    const v = newer[i] as number;
    const t = older[i] as number;
    targets[cursor[v]!++] = t;
    targets[cursor[t]!++] = v;
  }
  return {
    nodeCount: n,
    edgeCount: isDirected ? 2 * m : m,
    arcCount: 2 * m,
    isDirected,
    outOffsets: offsets,
    outTargets: targets,
    outWeights: null,
    inOffsets: offsets,
    inSources: targets,
    inWeights: null,
    ids: null,
    labels: null,
    attributes,
    selfLoopsDropped: 0,
    duplicatesDropped: 0,
  };
}

/** What {@link eraseLoopsAndRepeats} removed. */
export interface ErasedCounts {
  selfLoops: number;
  duplicates: number;
}

/**
 * Removes self-loops and repeated edges from `edges` in place, keeping first occurrences in order
 * (undirected: (u, v) repeats (v, u)). Open addressing on a power-of-two table of at least twice the
 * edge count, so expected O(m) time; allocates two Int32Arrays of the table size.
 */
export function eraseLoopsAndRepeats(edges: EdgeBuffer, isDirected: boolean): ErasedCounts {
  const m = edges.length;
  const src = edges.sources;
  const dst = edges.targets;
  let size = 16;
  while (size < 2 * m) size *= 2;
  const mask = size - 1;
  // keyA holds u + 1 (0 = empty slot), keyB holds v, for the normalised pair.
  const keyA = new Int32Array(size);
  const keyB = new Int32Array(size);
  let selfLoops = 0;
  let duplicates = 0;
  let write = 0;
  for (let i = 0; i < m; i++) {
    const s = src[i] as number;
    const t = dst[i] as number;
    if (s === t) {
      selfLoops++;
      continue;
    }
    const a = isDirected || s < t ? s : t;
    const b = isDirected || s < t ? t : s;
    // murmur3's finaliser over the pair: the low bits depend on every input bit.
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = (h ^ (h >>> 16)) & mask;
    let isRepeat = false;
    for (;;) {
      const stored = keyA[slot] as number;
      if (stored === 0) break;
      if (stored === a + 1 && keyB[slot] === b) {
        isRepeat = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (isRepeat) {
      duplicates++;
      continue;
    }
    keyA[slot] = a + 1;
    keyB[slot] = b;
    src[write] = s;
    dst[write] = t;
    write++;
  }
  edges.length = write;
  return { selfLoops, duplicates };
}
