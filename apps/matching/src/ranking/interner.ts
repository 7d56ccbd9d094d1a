/** Strings as dense small integers, so the index stores ints in typed arrays instead of strings. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of a known value, or -1. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  valueOf(id: number): string {
    return this.values[id];
  }
}
