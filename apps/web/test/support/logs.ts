import type { AppendLog } from '../../src/store/appendLog.ts';

/** The items a log snapshot holds, oldest first. */
export function toArray<T>(log: AppendLog<T>): T[] {
  return log.items.slice(log.head, log.tail);
}
