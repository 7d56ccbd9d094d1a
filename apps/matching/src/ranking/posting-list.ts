/**
 * An unordered list of slots (an inverted-index posting). Removal swaps the last entry into the hole,
 * so it is O(1) given the position; the owner records each entry's position and fixes the moved one.
 */
export class PostingList {
  items: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.items = new Int32Array(capacity);
  }

  /** Appends a slot and returns its position. */
  push(slot: number): number {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length] = slot;
    return this.length++;
  }

  /** Removes the entry at `position`; returns the slot moved into it, or -1 when none moved. */
  removeAt(position: number): number {
    const last = --this.length;
    if (position === last) return -1;
    const moved = this.items[last];
    this.items[position] = moved;
    return moved;
  }
}
