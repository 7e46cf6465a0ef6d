/**
 * A binary min-heap that knows where each item sits, so an item can be removed or re-keyed in O(log n).
 * The scheduler needs that to cancel or reschedule one job among thousands without scanning them.
 */
export class IndexedHeap<T> {
  private readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  has(item: T): boolean {
    return this.positions.has(item);
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    if (this.positions.has(item)) throw new Error('IndexedHeap: item is already queued');
    this.items.push(item);
    this.positions.set(item, this.items.length - 1);
    this.siftUp(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  remove(item: T): boolean {
    const index = this.positions.get(item);
    if (index === undefined) return false;
    this.removeAt(index);
    return true;
  }

  /** Restores order after the caller changed the key of `item`; pushes it if it was not queued. */
  update(item: T): void {
    const index = this.positions.get(item);
    if (index === undefined) return this.push(item);
    this.siftDown(this.siftUp(index));
  }

  /** Lets the caller re-key every item in one pass, then rebuilds the order in O(n). */
  rekeyAll(rekey: (item: T) => void): void {
    for (const item of this.items) rekey(item);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  clear(): void {
    this.items.length = 0;
    this.positions.clear();
  }

  private removeAt(index: number): void {
    const removed = this.items[index] as T;
    const last = this.items.pop() as T;
    this.positions.delete(removed);
    if (index === this.items.length) return;
    this.place(last, index);
    this.siftDown(this.siftUp(index));
  }

  private siftUp(index: number): number {
    const item = this.items[index] as T;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex] as T;
      if (!this.less(item, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(item, index);
    return index;
  }

  private siftDown(index: number): number {
    const item = this.items[index] as T;
    const count = this.items.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= count) break;
      const right = left + 1;
      const child =
        right < count && this.less(this.items[right] as T, this.items[left] as T) ? right : left;
      const childItem = this.items[child] as T;
      if (!this.less(childItem, item)) break;
      this.place(childItem, index);
      index = child;
    }
    this.place(item, index);
    return index;
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    this.positions.set(item, index);
  }
}
