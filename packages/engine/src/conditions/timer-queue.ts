/**
 * Items waiting for their time, earliest first (ties in the order they were added), with a single
 * timer for the earliest. Everything is dropped by clear(), so a closed relay leaves no timer behind.
 */
export class TimerQueue<T> {
  #heap: { due: number; order: number; item: T }[] = [];
  #order = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerDue = Number.POSITIVE_INFINITY;

  constructor(
    private readonly deliver: (item: T) => void,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.#heap.length;
  }

  push(due: number, item: T): void {
    const heap = this.#heap;
    heap.push({ due, order: this.#order++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
    this.#arm();
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
    this.#heap = [];
  }

  #arm(): void {
    const head = this.#heap[0];
    if (head === undefined) return;
    if (this.#timer !== undefined && this.#timerDue <= head.due) return;
    clearTimeout(this.#timer);
    this.#timerDue = head.due;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, head.due - this.now()));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
    // setTimeout may fire a little early by the clock we compare with; a millisecond is close enough.
    const now = this.now() + 1;
    while (this.#heap.length > 0 && (this.#heap[0] as { due: number }).due <= now) {
      const { item } = this.#pop();
      this.deliver(item);
    }
    this.#arm();
  }

  #pop(): { due: number; order: number; item: T } {
    const heap = this.#heap;
    const top = heap[0] as { due: number; order: number; item: T };
    const last = heap.pop() as { due: number; order: number; item: T };
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.#before(l, m)) m = l;
        if (r < heap.length && this.#before(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top;
  }

  #before(a: number, b: number): boolean {
    const x = this.#heap[a] as { due: number; order: number };
    const y = this.#heap[b] as { due: number; order: number };
    return x.due < y.due || (x.due === y.due && x.order < y.order);
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap;
    const t = heap[a] as { due: number; order: number; item: T };
    heap[a] = heap[b] as { due: number; order: number; item: T };
    heap[b] = t;
  }
}
