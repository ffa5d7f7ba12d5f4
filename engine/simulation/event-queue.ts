/**
 * A priority queue of timed events for event-driven simulation: a binary min-heap over parallel typed
 * arrays, ordered by (time, sequence). The sequence number is the push count, so events with equal
 * times pop in the order they were pushed (FIFO): runs are deterministic whatever the tie pattern.
 *
 * Layout (capacity c, heap order, slot 0 the earliest event):
 * - `time` (Float64Array, c): when the event happens (days);
 * - `sequence` (Float64Array, c): push number, the tie-breaker (a double, exact up to 2⁵³ pushes);
 * - `node` (Int32Array, c): the person the event happens to;
 * - `source` (Int32Array, c): the person who caused it, or -1;
 * - `kind` (Uint8Array, c): a model-defined event code.
 * Invariants: the first `size` slots form a heap; capacity doubles when full (never per push), so
 * push, pop and peek allocate nothing in the steady state. Sift-up and sift-down move a hole rather
 * than swapping, which halves the array writes.
 */

/** A timed-event min-heap. Create with {@link createEventQueue}; read the top with the `peek…` functions. */
export interface EventQueue {
  time: Float64Array;
  sequence: Float64Array;
  node: Int32Array;
  source: Int32Array;
  kind: Uint8Array;
  /** Number of queued events. */
  size: number;
  /** Sequence number the next push receives. */
  nextSequence: number;
}

/** Creates an empty queue with room for `capacity` events before it first grows. Allocates O(capacity). */
export function createEventQueue(capacity = 1024): EventQueue {
  const size = Math.max(16, Math.ceil(capacity));
  return {
    time: new Float64Array(size),
    sequence: new Float64Array(size),
    node: new Int32Array(size),
    source: new Int32Array(size),
    kind: new Uint8Array(size),
    size: 0,
    nextSequence: 0,
  };
}

function grow(queue: EventQueue): void {
  const capacity = queue.time.length * 2;
  const time = new Float64Array(capacity);
  time.set(queue.time);
  const sequence = new Float64Array(capacity);
  sequence.set(queue.sequence);
  const node = new Int32Array(capacity);
  node.set(queue.node);
  const source = new Int32Array(capacity);
  source.set(queue.source);
  const kind = new Uint8Array(capacity);
  kind.set(queue.kind);
  queue.time = time;
  queue.sequence = sequence;
  queue.node = node;
  queue.source = source;
  queue.kind = kind;
}

/**
 * Queues an event: at `time` (days), for person `node`, caused by `source` (-1 for none), with a
 * model-defined `kind` code (0..255). O(log size); allocates only when the capacity doubles.
 */
export function pushEvent(queue: EventQueue, time: number, node: number, kind: number, source = -1): void {
  if (queue.size === queue.time.length) grow(queue);
  const times = queue.time;
  const sequences = queue.sequence;
  const nodes = queue.node;
  const sources = queue.source;
  const kinds = queue.kind;
  const sequence = queue.nextSequence++;
  let hole = queue.size++;
  while (hole > 0) {
    const parent = (hole - 1) >> 1;
    const parentTime = times[parent] as number;
    if (parentTime < time || (parentTime === time && (sequences[parent] as number) < sequence)) break;
    times[hole] = parentTime;
    sequences[hole] = sequences[parent] as number;
    nodes[hole] = nodes[parent] as number;
    sources[hole] = sources[parent] as number;
    kinds[hole] = kinds[parent] as number;
    hole = parent;
  }
  times[hole] = time;
  sequences[hole] = sequence;
  nodes[hole] = node;
  sources[hole] = source;
  kinds[hole] = kind;
}

/** Time of the earliest event; +Infinity when the queue is empty. O(1). */
export function peekTime(queue: EventQueue): number {
  return queue.size === 0 ? Number.POSITIVE_INFINITY : (queue.time[0] as number);
}

/** Person of the earliest event; -1 when the queue is empty. O(1). */
export function peekNode(queue: EventQueue): number {
  return queue.size === 0 ? -1 : (queue.node[0] as number);
}

/** Source person of the earliest event (-1 for none or when empty). O(1). */
export function peekSource(queue: EventQueue): number {
  return queue.size === 0 ? -1 : (queue.source[0] as number);
}

/** Kind code of the earliest event; -1 when the queue is empty. O(1). */
export function peekKind(queue: EventQueue): number {
  return queue.size === 0 ? -1 : (queue.kind[0] as number);
}

/**
 * Removes the earliest event (read it first with the `peek…` functions). Returns false when the queue
 * was empty. O(log size); allocates nothing.
 */
export function popEvent(queue: EventQueue): boolean {
  const size = queue.size;
  if (size === 0) return false;
  const last = size - 1;
  queue.size = last;
  if (last === 0) return true;
  const times = queue.time;
  const sequences = queue.sequence;
  const nodes = queue.node;
  const sources = queue.source;
  const kinds = queue.kind;
  // Sift the last event down from the root.
  const time = times[last] as number;
  const sequence = sequences[last] as number;
  let hole = 0;
  for (;;) {
    let child = 2 * hole + 1;
    if (child >= last) break;
    const right = child + 1;
    if (right < last) {
      const leftTime = times[child] as number;
      const rightTime = times[right] as number;
      if (
        rightTime < leftTime ||
        (rightTime === leftTime && (sequences[right] as number) < (sequences[child] as number))
      ) {
        child = right;
      }
    }
    const childTime = times[child] as number;
    if (time < childTime || (time === childTime && sequence < (sequences[child] as number))) break;
    times[hole] = childTime;
    sequences[hole] = sequences[child] as number;
    nodes[hole] = nodes[child] as number;
    sources[hole] = sources[child] as number;
    kinds[hole] = kinds[child] as number;
    hole = child;
  }
  times[hole] = time;
  sequences[hole] = sequence;
  nodes[hole] = nodes[last] as number;
  sources[hole] = sources[last] as number;
  kinds[hole] = kinds[last] as number;
  return true;
}

/** Number of queued events. O(1). */
export function eventQueueSize(queue: EventQueue): number {
  return queue.size;
}

/** Empties the queue and restarts the sequence numbers; keeps the capacity. O(1). */
export function clearEventQueue(queue: EventQueue): void {
  queue.size = 0;
  queue.nextSequence = 0;
}

/**
 * A leaner event heap for kernels whose events need only a time and one integer: a binary min-heap
 * of (time, key) pairs packed side by side in one Float64Array, ordered by time and then by key.
 * The kernel encodes the person (and the kind, if several, e.g. `kind · n + person`) in the key and
 * keeps everything else in per-person arrays, so an entry moves as two doubles instead of five
 * fields. When (time, key) pairs are distinct the pop order is fully determined by that total order,
 * whatever the heap's internal shape; equal pairs pop in some order fixed by the operation sequence.
 *
 * Layout (capacity c): `entries` (Float64Array, 2c): entry i is (`entries[2i]`, `entries[2i + 1]`),
 * so a parent's two children share one or two cache lines; the earliest event is
 * (`entries[0]`, `entries[1]`) — read it directly. Keys must be integers in 0..2⁵³.
 * Pops sift the hole down to a leaf choosing the earlier child without a branch (half the
 * mispredictions of the textbook sift-down), then sift the displaced entry back up, which is short
 * because a leaf entry is late (Floyd's bottom-up heapsort trick). Capacity doubles when full.
 */
export interface KeyedEventHeap {
  /** Packed (time, key) entries in heap order; only the first `2 · size` values are meaningful. */
  entries: Float64Array;
  /** Number of queued events. */
  size: number;
}

/** Creates an empty keyed heap with room for `capacity` events before it first grows. O(capacity). */
export function createKeyedEventHeap(capacity = 1024): KeyedEventHeap {
  return { entries: new Float64Array(2 * Math.max(16, Math.ceil(capacity))), size: 0 };
}

function growKeyed(heap: KeyedEventHeap): void {
  const entries = new Float64Array(heap.entries.length * 2);
  entries.set(heap.entries);
  heap.entries = entries;
}

/** Moves (time, key) up from slot `hole` to its place. */
function siftUpKeyed(entries: Float64Array, start: number, time: number, key: number): void {
  let hole = start;
  while (hole > 0) {
    const parent = (hole - 1) >> 1;
    const parentTime = entries[2 * parent] as number;
    if (parentTime < time || (parentTime === time && (entries[2 * parent + 1] as number) < key)) break;
    entries[2 * hole] = parentTime;
    entries[2 * hole + 1] = entries[2 * parent + 1] as number;
    hole = parent;
  }
  entries[2 * hole] = time;
  entries[2 * hole + 1] = key;
}

/** Queues (time, key). O(log size); allocates only when the capacity doubles. */
export function pushKeyed(heap: KeyedEventHeap, time: number, key: number): void {
  if (2 * heap.size === heap.entries.length) growKeyed(heap);
  siftUpKeyed(heap.entries, heap.size++, time, key);
}

/**
 * Replaces the earliest event by (time, key) — e.g. a person's infection by their recovery — in one
 * sift instead of a pop and a push. The heap must not be empty. O(log size), no allocation.
 */
export function replaceTopKeyed(heap: KeyedEventHeap, time: number, key: number): void {
  const entries = heap.entries;
  const size = heap.size;
  let hole = 0;
  for (;;) {
    let child = 2 * hole + 1;
    if (child >= size) break;
    if (child + 1 < size) {
      const leftTime = entries[2 * child] as number;
      const rightTime = entries[2 * child + 2] as number;
      // Branch-free choice of the earlier child (ties by key): Number(boolean) compiles to a flag.
      const rightStep =
        Number(rightTime < leftTime) |
        (Number(rightTime === leftTime) &
          Number((entries[2 * child + 3] as number) < (entries[2 * child + 1] as number)));
      child += rightStep;
    }
    entries[2 * hole] = entries[2 * child] as number;
    entries[2 * hole + 1] = entries[2 * child + 1] as number;
    hole = child;
  }
  siftUpKeyed(entries, hole, time, key);
}

/** Removes the earliest event (read it first from `entries[0]`, `entries[1]`). False when empty. O(log size). */
export function popKeyed(heap: KeyedEventHeap): boolean {
  const last = heap.size - 1;
  if (last < 0) return false;
  heap.size = last;
  if (last > 0) replaceTopKeyed(heap, heap.entries[2 * last] as number, heap.entries[2 * last + 1] as number);
  return true;
}
