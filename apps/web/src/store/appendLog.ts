/**
 * A bounded, append-only list that behaves like an immutable value but appends in O(1):
 * snapshots share one backing array and each reads only its own [head, tail) window.
 * Appending to a snapshot that is not the newest copies first, so old snapshots never change.
 */
export interface AppendLog<T> {
  readonly items: readonly T[];
  readonly head: number;
  readonly tail: number;
  /** How many items fell off the front so far: item i of this window is item `dropped + i` of all time. */
  readonly dropped: number;
}

export function emptyLog<T>(): AppendLog<T> {
  return { items: [], head: 0, tail: 0, dropped: 0 };
}

export function logSize(log: AppendLog<unknown>): number {
  return log.tail - log.head;
}

export function logAt<T>(log: AppendLog<T>, index: number): T | undefined {
  return index >= 0 && index < log.tail - log.head ? log.items[log.head + index] : undefined;
}

export function appendAll<T>(log: AppendLog<T>, added: readonly T[], capacity: number): AppendLog<T> {
  if (added.length === 0) return log;
  let items = log.items as T[];
  let head = log.head;
  if (items.length !== log.tail) {
    // Another snapshot already appended past our tail: fork instead of overwriting its items.
    items = items.slice(head, log.tail);
    head = 0;
  }
  for (const item of added) items.push(item);
  let tail = items.length;
  let dropped = log.dropped;
  const overflow = tail - head - capacity;
  if (overflow > 0) {
    head += overflow;
    dropped += overflow;
  }
  // Reclaim the dead prefix once it is as large as the live window, so memory stays within 2× capacity.
  if (head >= capacity) {
    items = items.slice(head);
    tail -= head;
    head = 0;
  }
  return { items, head, tail, dropped };
}

/** Drops items from the front while `drop` says so, without touching the backing array. */
export function dropWhile<T>(log: AppendLog<T>, drop: (item: T) => boolean): AppendLog<T> {
  let head = log.head;
  while (head < log.tail && drop(log.items[head] as T)) head++;
  if (head === log.head) return log;
  return { ...log, head, dropped: log.dropped + (head - log.head) };
}
