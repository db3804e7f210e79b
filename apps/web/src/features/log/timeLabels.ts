import type { AppendLog } from '../../store/appendLog.ts';
import type { TimeOrigin } from '../../store/labSettings.ts';
import type { LogEntry, SocketKey } from '../../store/state.ts';
import { formatTime } from '../../ui/format.ts';

export const TIME_ORIGINS: TimeOrigin[] = ['session', 'connection', 'previous'];

/** `+0.694` or `−12.000`: a difference, signed so it never reads as a time since the start. */
export function formatSigned(ms: number): string {
  return `${ms < 0 ? '−' : '+'}${formatTime(Math.abs(ms))}`;
}

/**
 * A row's time as the chosen origin counts it. `reference` is the connection's first event (for
 * `connection`) or the row above (for `previous`); without one the time since the session's start
 * is shown. Always every digit the clock has: the log's and the diagram's columns fit the widest.
 */
export function timeLabel(origin: TimeOrigin, t: number, reference: number | null): string {
  if (origin === 'session' || reference === null) return formatTime(t);
  return formatSigned(t - reference);
}

/** Time of the first row, in the log's kept window, of any of `keys` (a connection's two ends). */
export function firstTimeOf(log: AppendLog<LogEntry>, keys: ReadonlySet<SocketKey>): number | null {
  for (let i = log.head; i < log.tail; i++) {
    const entry = log.items[i] as LogEntry;
    if (keys.has(entry.key)) return entry.event.t;
  }
  return null;
}
