/**
 * A bounded heap keeping the best `capacity` entries by score (higher first), ties broken by the
 * smaller key, so the result is a total order whatever the insertion order. The worst entry sits on
 * top, which gives the pruning threshold for free.
 */
export class TopHeap {
  private slots = new Int32Array(64);
  private scores = new Int32Array(64);
  private keys: readonly string[] = [];
  size = 0;
  capacity = 0;

  reset(capacity: number, keys: readonly string[]): void {
    if (this.slots.length < capacity) {
      this.slots = new Int32Array(capacity);
      this.scores = new Int32Array(capacity);
    }
    this.capacity = capacity;
    this.keys = keys;
    this.size = 0;
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** The score an entry must reach to get in once the heap is full (ties then go by key). */
  get threshold(): number {
    return this.size >= this.capacity && this.capacity > 0 ? this.scores[0] : -1;
  }

  offer(slot: number, score: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(slot, score, this.slots[parent], this.scores[parent])) break;
        this.slots[i] = this.slots[parent];
        this.scores[i] = this.scores[parent];
        i = parent;
      }
      this.slots[i] = slot;
      this.scores[i] = score;
      return;
    }
    if (!this.worse(this.slots[0], this.scores[0], slot, score)) return;
    this.siftDown(slot, score);
  }

  /** Entries best first; empties the heap. */
  drain(): { slots: number[]; scores: number[] } {
    const n = this.size;
    const slots = new Array<number>(n);
    const scores = new Array<number>(n);
    for (let i = n - 1; i >= 0; i--) {
      slots[i] = this.slots[0];
      scores[i] = this.scores[0];
      const lastSlot = this.slots[--this.size];
      const lastScore = this.scores[this.size];
      if (this.size > 0) this.siftDown(lastSlot, lastScore);
    }
    return { slots, scores };
  }

  private siftDown(slot: number, score: number): void {
    const n = this.size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.worse(this.slots[right], this.scores[right], this.slots[left], this.scores[left])) {
        child = right;
      }
      if (!this.worse(this.slots[child], this.scores[child], slot, score)) break;
      this.slots[i] = this.slots[child];
      this.scores[i] = this.scores[child];
      i = child;
    }
    this.slots[i] = slot;
    this.scores[i] = score;
  }

  /** True when entry a ranks below entry b. */
  private worse(a: number, scoreA: number, b: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && this.keys[a] > this.keys[b]);
  }
}
