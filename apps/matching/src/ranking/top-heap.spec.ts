import { describe, expect, it } from '@jest/globals';
import { seededRandom } from './ranking.fixtures.js';
import { TopHeap } from './top-heap.js';

describe('TopHeap', () => {
  it('keeps the best entries by score, then by the smaller key, whatever the offer order', () => {
    const random = seededRandom(3);
    const keys = Array.from({ length: 500 }, (_, i) => `k-${String(i).padStart(3, '0')}`);
    const scores = keys.map(() => Math.floor(random() * 40));
    const expected = keys.map((_, slot) => slot).sort((a, b) => scores[b] - scores[a] || (keys[a] < keys[b] ? -1 : 1));
    const heap = new TopHeap();
    for (const capacity of [0, 1, 7, 50, 500, 600]) {
      heap.reset(capacity, keys);
      const order = keys.map((_, slot) => slot).sort(() => random() - 0.5);
      for (const slot of order) heap.offer(slot, scores[slot]);
      expect(heap.full).toBe(capacity <= keys.length);
      const { slots, scores: got } = heap.drain();
      expect(slots).toEqual(expected.slice(0, capacity));
      expect(got).toEqual(expected.slice(0, capacity).map((slot) => scores[slot]));
      expect(heap.size).toBe(0);
    }
  });

  it('reports the score to beat once full', () => {
    const heap = new TopHeap();
    heap.reset(2, ['a', 'b', 'c']);
    expect(heap.threshold).toBe(-1);
    heap.offer(0, 10);
    heap.offer(1, 30);
    expect(heap.threshold).toBe(10);
    heap.offer(2, 20);
    expect(heap.threshold).toBe(20);
  });
});
