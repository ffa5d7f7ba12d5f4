import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clearEventQueue,
  createEventQueue,
  eventQueueSize,
  peekKind,
  peekNode,
  peekSource,
  peekTime,
  popEvent,
  pushEvent,
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
