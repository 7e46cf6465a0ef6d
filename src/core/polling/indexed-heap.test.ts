import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from './indexed-heap';

interface Item {
  key: number;
}

const operation = fc.oneof(
  fc.record({ op: fc.constant('push' as const), key: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ op: fc.constant('pop' as const) }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('rekey' as const), pick: fc.nat(), key: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ op: fc.constant('rekeyAll' as const), shift: fc.integer({ min: -20, max: 20 }) }),
);

describe('IndexedHeap', () => {
  it('always yields the smallest key, whatever mix of push, pop, remove and re-key', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (ops) => {
        const heap = new IndexedHeap<Item>((a, b) => a.key < b.key);
        const model: Item[] = [];
        for (const step of ops) {
          if (step.op === 'push') {
            const item = { key: step.key };
            heap.push(item);
            model.push(item);
          } else if (step.op === 'pop') {
            const smallest = model.length ? Math.min(...model.map((i) => i.key)) : undefined;
            const popped = heap.pop();
            expect(popped?.key).toBe(smallest);
            if (popped) model.splice(model.indexOf(popped), 1);
          } else if (model.length && step.op === 'remove') {
            const [item] = model.splice(step.pick % model.length, 1);
            expect(heap.remove(item as Item)).toBe(true);
            expect(heap.has(item as Item)).toBe(false);
          } else if (model.length && step.op === 'rekey') {
            const item = model[step.pick % model.length] as Item;
            item.key = step.key;
            heap.update(item);
          } else if (step.op === 'rekeyAll') {
            heap.rekeyAll((item) => (item.key += step.shift));
          }
          expect(heap.size).toBe(model.length);
        }
        const drained: number[] = [];
        for (let item = heap.pop(); item; item = heap.pop()) drained.push(item.key);
        expect(drained).toEqual(model.map((i) => i.key).sort((a, b) => a - b));
      }),
    );
  });

  it('refuses to queue the same item twice and ignores removing an absent one', () => {
    const heap = new IndexedHeap<Item>((a, b) => a.key < b.key);
    const item = { key: 1 };
    heap.push(item);
    expect(() => heap.push(item)).toThrow(/already queued/);
    expect(heap.remove({ key: 1 })).toBe(false);
  });
});
