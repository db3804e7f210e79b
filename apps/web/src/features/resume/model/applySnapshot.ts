import type { Counters, SessionState, SocketEvent } from '@playground/protocol';
import { logAt, logSize } from '../../../store/appendLog.ts';
import { applyBatch, applySocketInfo } from '../../../store/applyBatch.ts';
import { type PlaygroundData, type SocketEntry, socketKey } from '../../../store/state.ts';

/** The newest event of the current session the store has seen, by `seq`; -1 when none. */
export function lastSeqOf(state: PlaygroundData): number {
  // Events arrive in seq order, so the newest log entry has the highest seq of its session.
  const entry = logAt(state.log, logSize(state.log) - 1);
  return entry?.key.startsWith(`${state.epoch}:`) ? entry.event.seq : -1;
}

export interface SnapshotResult {
  state: PlaygroundData;
  /** Sockets the page thought open that closed while it was away (ids). */
  closedWhileAway: string[];
}

/**
 * A resumed session's snapshot: the events this page missed (those after the newest it has) are
 * applied as a batch, then every socket is set to where the bridge says it stands (state, exact
 * counters). A reloaded page has seen nothing, so it gets the recent events and the sockets whole.
 */
export function applySnapshot(state: PlaygroundData, snapshot: SessionState): SnapshotResult {
  const lastSeq = lastSeqOf(state);
  const wasOpen = new Set(
    state.order.filter((k) => {
      const e = state.sockets[k];
      return e && e.epoch === state.epoch && e.state !== 'closed';
    }),
  );
  const missed: SocketEvent[] = snapshot.events.filter((e) => e.seq > lastSeq);
  const counters: Record<string, Counters> = {};
  for (const s of snapshot.sockets) counters[s.socket.id] = s.counters;
  let next = applyBatch(state, { type: 'events', events: missed, folded: 0, counters });
  for (const s of snapshot.sockets) {
    const key = socketKey(next.epoch, s.socket.id);
    if (!next.sockets[key]) next = applySocketInfo(next, s.socket);
    const entry = next.sockets[key] as SocketEntry;
    next = {
      ...next,
      sockets: {
        ...next.sockets,
        [key]: {
          ...entry,
          info: { ...entry.info, ...s.socket },
          state: s.state,
          counters: s.counters,
          finSent: s.finSent || entry.finSent,
          finReceived: s.finReceived || entry.finReceived,
          stale: false,
        },
      },
    };
  }
  // Sockets the bridge no longer lists are gone: closed while nobody was attached.
  const listed = new Set(snapshot.sockets.map((s) => socketKey(next.epoch, s.socket.id)));
  const sockets = { ...next.sockets };
  for (const key of next.order) {
    const entry = sockets[key];
    if (!entry || entry.epoch !== next.epoch || listed.has(key) || entry.state === 'closed') continue;
    sockets[key] = { ...entry, state: 'closed' };
  }
  const closedWhileAway = [...wasOpen]
    .filter((key) => sockets[key]?.state === 'closed')
    .map((key) => (sockets[key] as SocketEntry).info.id);
  return { state: { ...next, sockets }, closedWhileAway };
}
