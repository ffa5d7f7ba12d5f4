import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clearEventQueue,
  createEventQueue,
  createKeyedEventHeap,
  eventQueueSize,
  peekKind,
  peekNode,
  peekSource,
  peekTime,
  popEvent,
  popKeyed,
  pushEvent,
  pushKeyed,
  replaceTopKeyed,
} from '../../engine/simulation/event-queue.js';

describe('event queue', () => {
  it('popEvent(queue) returns events in time order and ties in push order', () => {
    const queue = createEventQueue(2);
    pushEvent(queue, 2, 20, 1, 7);
    pushEvent(queue, 1, 10, 0);
    pushEvent(queue, 2, 21, 2);
    pushEvent(queue, 0.5, 5, 3);
    pushEvent(queue, 2, 22, 4);
    const order: number[][] = [];
    while (eventQueueSize(queue) > 0) {
      order.push([peekTime(queue), peekNode(queue), peekKind(queue), peekSource(queue)]);
      popEvent(queue);
    }
    expect(order).toEqual([
      [0.5, 5, 3, -1],
      [1, 10, 0, -1],
      [2, 20, 1, 7],
      [2, 21, 2, -1],
      [2, 22, 4, -1],
    ]);
    expect(popEvent(queue)).toBe(false);
    expect(peekTime(queue)).toBe(Number.POSITIVE_INFINITY);
  });

  it('pushEvent(queue) grows by doubling past the initial capacity and keeps every event', () => {
    const queue = createEventQueue(16);
    for (let i = 0; i < 100; i++) pushEvent(queue, (i * 37) % 11, i, i % 3);
    expect(queue.time.length).toBe(128);
    expect(eventQueueSize(queue)).toBe(100);
    clearEventQueue(queue);
    expect(eventQueueSize(queue)).toBe(0);
    expect(queue.nextSequence).toBe(0);
  });

  it('popEvent(queue) agrees with a stable sort by time under random pushes and pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(-1)), { maxLength: 200 }),
        (script) => {
          const queue = createEventQueue(16);
          const reference: { time: number; node: number }[] = [];
          let id = 0;
          for (const step of script) {
            if (step < 0) {
              reference.sort((a, b) => a.time - b.time || a.node - b.node);
              const expected = reference.shift();
              if (expected === undefined) {
                expect(popEvent(queue)).toBe(false);
              } else {
                expect([peekTime(queue), peekNode(queue)]).toEqual([expected.time, expected.node]);
                popEvent(queue);
              }
            } else {
              pushEvent(queue, step, id, 0);
              reference.push({ time: step, node: id });
              id++;
            }
          }
          expect(eventQueueSize(queue)).toBe(reference.length);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('keyed event heap', () => {
  it('popKeyed(heap) returns (time, key) pairs in time order, ties by key, and grows past its capacity', () => {
    const heap = createKeyedEventHeap(16);
    const times = [3, 1, 2, 1, 0.5, 2, 3, 1];
    const keys = [7, 9, 4, 2, 11, 3, 1, 5];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < times.length; i++)
        pushKeyed(heap, times[i] as number, (keys[i] as number) + 100 * round);
    }
    expect(heap.size).toBe(40);
    expect(heap.entries.length).toBe(128);
    const popped: number[][] = [];
    while (heap.size > 0) {
      popped.push([heap.entries[0] as number, heap.entries[1] as number]);
      popKeyed(heap);
    }
    const expected = popped
      .slice()
      .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
    expect(popped).toEqual(expected);
    expect(popped.slice(0, 6)).toEqual([
      [0.5, 11],
      [0.5, 111],
      [0.5, 211],
      [0.5, 311],
      [0.5, 411],
      [1, 2],
    ]);
    expect(popKeyed(heap)).toBe(false);
  });

  it('pushKeyed, popKeyed and replaceTopKeyed agree with sorting by (time, key) under random scripts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(-1), fc.constant(-2)), {
          maxLength: 300,
        }),
        (script) => {
          const heap = createKeyedEventHeap(16);
          const reference: [number, number][] = [];
          const byTimeThenKey = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
          let key = 0;
          for (const step of script) {
            reference.sort(byTimeThenKey);
            if (step < 0 && reference.length === 0) {
              expect(popKeyed(heap)).toBe(false);
              continue;
            }
            if (step < 0) {
              // Keys repeat across times (key % 5) so that ties in time are decided by key.
              expect([heap.entries[0], heap.entries[1]]).toEqual(reference[0]);
              reference.shift();
              if (step === -1) {
                popKeyed(heap);
              } else {
                const time = (reference[0]?.[0] ?? 0) + 0.5;
                replaceTopKeyed(heap, time, key % 5);
                reference.push([time, key % 5]);
                key++;
              }
            } else {
              pushKeyed(heap, step, key % 5);
              reference.push([step, key % 5]);
              key++;
            }
          }
          expect(heap.size).toBe(reference.length);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
