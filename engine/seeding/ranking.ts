/**
 * Picks the k best people by score, for the ranking strategies (top-degree, pagerank, k-core).
 *
 * Order: higher `primary` first, then higher `secondary` (when given), then lower index, so every
 * ranking is total and deterministic. A binary heap of size k holds the best seen so far with the
 * worst at its root: O(n log k) time, O(k) extra memory, which beats a full sort when k ≪ n.
 */

/** Scores indexed by person: any numeric typed array. */
export type ScoreArray = Float64Array | Int32Array;

/** True when person a ranks before person b. */
function isBetter(primary: ScoreArray, secondary: ScoreArray | null, a: number, b: number): boolean {
  const pa = primary[a] as number;
  const pb = primary[b] as number;
  if (pa !== pb) return pa > pb;
  if (secondary !== null) {
    const sa = secondary[a] as number;
    const sb = secondary[b] as number;
    if (sa !== sb) return sa > sb;
  }
  return a < b;
}

function siftDown(heap: Int32Array, size: number, primary: ScoreArray, secondary: ScoreArray | null): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) return;
    const right = left + 1;
    // The worse child moves up: the root must stay the worst of the heap.
    let child = left;
    if (right < size && isBetter(primary, secondary, heap[left] as number, heap[right] as number))
      child = right;
    if (!isBetter(primary, secondary, heap[i] as number, heap[child] as number)) return;
    const t = heap[i] as number;
    heap[i] = heap[child] as number;
    heap[child] = t;
    i = child;
  }
}

function siftUp(heap: Int32Array, index: number, primary: ScoreArray, secondary: ScoreArray | null): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!isBetter(primary, secondary, heap[parent] as number, heap[i] as number)) return;
    const t = heap[i] as number;
    heap[i] = heap[parent] as number;
    heap[parent] = t;
    i = parent;
  }
}

/**
 * The k best people of the audience (everyone when `audience` is null), best first. The caller has
 * checked that the audience holds at least k people. O(n log k) time; allocates O(k).
 */
export function topByScore(
  primary: ScoreArray,
  secondary: ScoreArray | null,
  audience: Uint8Array | null,
  k: number,
): Int32Array {
  const heap = new Int32Array(k);
  if (k === 0) return heap;
  const n = primary.length;
  let size = 0;
  for (let u = 0; u < n; u++) {
    if (audience !== null && audience[u] === 0) continue;
    if (size < k) {
      heap[size] = u;
      siftUp(heap, size, primary, secondary);
      size++;
    } else if (isBetter(primary, secondary, u, heap[0] as number)) {
      heap[0] = u;
      siftDown(heap, size, primary, secondary);
    }
  }
  const best = Array.from(heap.subarray(0, size));
  best.sort((a, b) => (isBetter(primary, secondary, a, b) ? -1 : 1));
  return Int32Array.from(best);
}

/** Out-degree of every person (Int32Array, n): the number of people each one's posts reach directly. O(n). */
export function outDegrees(offsets: Int32Array): Int32Array {
  const n = offsets.length - 1;
  const degrees = new Int32Array(n);
  for (let u = 0; u < n; u++) degrees[u] = (offsets[u + 1] as number) - (offsets[u] as number);
  return degrees;
}
