/**
 * An unordered list of slots (an inverted-index posting), each with a small code the owner chooses
 * (the graduate's static bound code, see GraduatePool) stored inline, so a query can prune entries
 * while reading the list in order, before touching anything else about the slot.
 * Removal swaps the last entry into the hole, so it is O(1) given the position; the owner records
 * each entry's position and fixes the moved one.
 */
export class PostingList {
  items: Int32Array;
  codes: Uint32Array;
  length = 0;

  constructor(capacity = 4) {
    this.items = new Int32Array(capacity);
    this.codes = new Uint32Array(capacity);
  }

  /** Appends a slot and returns its position. */
  push(slot: number, code = 0): number {
    if (this.length === this.items.length) {
      const items = new Int32Array(this.items.length * 2);
      items.set(this.items);
      this.items = items;
      const codes = new Uint32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.items[this.length] = slot;
    this.codes[this.length] = code;
    return this.length++;
  }

  /** Removes the entry at `position`; returns the slot moved into it, or -1 when none moved. */
  removeAt(position: number): number {
    const last = --this.length;
    if (position === last) return -1;
    const moved = this.items[last];
    this.items[position] = moved;
    this.codes[position] = this.codes[last];
    return moved;
  }
}

/**
 * Posting lists by term (an array index) and, within a term, by a small integer key (year and
 * major): lookups stay on small-integer hashing, which matters when a broad query reads thousands.
 */
export class PostingIndex {
  private readonly byTerm: (Map<number, PostingList> | undefined)[] = [];

  get(term: number, key: number): PostingList | undefined {
    return this.byTerm[term]?.get(key);
  }

  getOrCreate(term: number, key: number): PostingList {
    let lists = this.byTerm[term];
    if (!lists) this.byTerm[term] = lists = new Map();
    let list = lists.get(key);
    if (!list) lists.set(key, (list = new PostingList()));
    return list;
  }
}
