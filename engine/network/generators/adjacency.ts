/**
 * A growable adjacency for generators that must look at neighbours while the graph changes
 * (Holme–Kim's triad step, Watts–Strogatz rewiring). Every person owns a block of a shared pool;
 * a full block moves to the pool's end at twice its size (the old one is abandoned), so adding is
 * amortised O(1) and the pool stays within about four times the stored arcs. Lists are unsorted;
 * membership and removal scan one list, which is cheap for the small degrees these families have.
 */

/** The adjacency: person u's neighbours are `pool[start[u] .. start[u] + length[u])`. */
export interface GrowableAdjacency {
  pool: Int32Array;
  used: number;
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly capacity: Int32Array;
}

/** An empty adjacency for n people, each with room for `initialCapacity` neighbours. O(n). */
export function createAdjacency(n: number, initialCapacity: number, poolHint: number): GrowableAdjacency {
  const capacity = new Int32Array(n).fill(initialCapacity);
  const start = new Int32Array(n);
  for (let u = 0; u < n; u++) start[u] = u * initialCapacity;
  return {
    pool: new Int32Array(Math.max(n * initialCapacity, poolHint, 16)),
    used: n * initialCapacity,
    start,
    length: new Int32Array(n),
    capacity,
  };
}

function relocate(adjacency: GrowableAdjacency, u: number): void {
  const oldCapacity = adjacency.capacity[u] as number;
  const newCapacity = Math.max(4, oldCapacity * 2);
  if (adjacency.used + newCapacity > adjacency.pool.length) {
    const bigger = new Int32Array(Math.max(adjacency.pool.length * 2, adjacency.used + newCapacity));
    bigger.set(adjacency.pool.subarray(0, adjacency.used));
    adjacency.pool = bigger;
  }
  const from = adjacency.start[u] as number;
  adjacency.pool.copyWithin(adjacency.used, from, from + (adjacency.length[u] as number));
  adjacency.start[u] = adjacency.used;
  adjacency.capacity[u] = newCapacity;
  adjacency.used += newCapacity;
}

/** Appends v to u's list (one direction only). Amortised O(1). */
export function addNeighbour(adjacency: GrowableAdjacency, u: number, v: number): void {
  if (adjacency.length[u] === adjacency.capacity[u]) relocate(adjacency, u);
  adjacency.pool[(adjacency.start[u] as number) + adjacency.length[u]!++] = v;
}

/** Whether v is in u's list. O(degree of u). */
export function hasNeighbour(adjacency: GrowableAdjacency, u: number, v: number): boolean {
  const pool = adjacency.pool;
  const begin = adjacency.start[u] as number;
  const end = begin + (adjacency.length[u] as number);
  for (let e = begin; e < end; e++) if (pool[e] === v) return true;
  return false;
}

/** Removes v from u's list by swapping in the last entry. O(degree of u). */
export function removeNeighbour(adjacency: GrowableAdjacency, u: number, v: number): void {
  const pool = adjacency.pool;
  const begin = adjacency.start[u] as number;
  const last = begin + (adjacency.length[u] as number) - 1;
  for (let e = begin; e <= last; e++) {
    if (pool[e] === v) {
      pool[e] = pool[last] as number;
      adjacency.length[u]!--;
      return;
    }
  }
}
