import type { AppendLog } from '../../store/appendLog.ts';
import type { LogEntry, SocketKey } from '../../store/state.ts';

/** Positions (into `items`) of one socket's entries, extended as the log grows instead of rescanned. */
export interface LogFilter {
  items: readonly LogEntry[];
  key: SocketKey;
  scannedTo: number;
  positions: number[];
  first: number;
}

export function filterLog(previous: LogFilter | null, log: AppendLog<LogEntry>, key: SocketKey): LogFilter {
  const reusable =
    previous && previous.items === log.items && previous.key === key && previous.scannedTo <= log.tail
      ? previous
      : { items: log.items, key, scannedTo: log.head, positions: [], first: 0 };
  for (let i = Math.max(reusable.scannedTo, log.head); i < log.tail; i++) {
    if ((log.items[i] as LogEntry).key === key) reusable.positions.push(i);
  }
  let first = reusable.first;
  while (first < reusable.positions.length && (reusable.positions[first] as number) < log.head) first++;
  return { ...reusable, scannedTo: log.tail, first };
}

export function filteredCount(filter: LogFilter): number {
  return filter.positions.length - filter.first;
}

export function filteredAt(filter: LogFilter, index: number): LogEntry | undefined {
  const position = filter.positions[filter.first + index];
  return position === undefined ? undefined : filter.items[position];
}
