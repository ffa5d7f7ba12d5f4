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
