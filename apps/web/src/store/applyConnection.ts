import type { Welcome } from '@playground/protocol';
import type { PlaygroundData, SocketEntry } from './state.ts';

/** What the bridge client reports about its WebSocket, besides welcomes. */
export type StatusChange =
  | { status: 'connecting' }
  | { status: 'reconnecting'; retryAt: number }
  | { status: 'incompatible'; serverVersion: number }
  | { status: 'replaced' };

export function applyWelcome(state: PlaygroundData, welcome: Welcome): PlaygroundData {
  // The same session again (a drop the bridge waited out): same socket keys, nothing closed.
  const resumed = welcome.resumed === true && welcome.sessionId === state.connection.sessionId;
  // Otherwise a session kept through the drop was not resumed after all: its sockets are gone.
  const base = resumed ? state : closeSession(state);
  return {
    ...base,
    epoch: resumed ? state.epoch : state.epoch + 1,
    // Notices (e.g. "shutting down") were about the previous bridge run.
    notices: resumed ? base.notices : [],
    connection: {
      resumeGraceMs: welcome.resumeGraceMs ?? 0,
      status: 'connected',
      retryAt: null,
      serverVersion: null,
      sessionId: welcome.sessionId,
      limits: welcome.limits,
      targetPolicy: welcome.targetPolicy,
    },
  };
}

export function applyStatus(state: PlaygroundData, change: StatusChange): PlaygroundData {
  const connection = {
    ...state.connection,
    status: change.status,
    retryAt: change.status === 'reconnecting' ? change.retryAt : null,
    serverVersion: change.status === 'incompatible' ? change.serverVersion : null,
  };
  const dropped = state.connection.status === 'connected' && change.status !== 'connecting';
  // A kept session outlives the drop for a while: its sockets stay open until a welcome says otherwise.
  const kept = (state.connection.resumeGraceMs ?? 0) > 0 && change.status === 'reconnecting';
  if (change.status === 'replaced') return closeSession({ ...state, connection: { ...connection, resumeGraceMs: 0 } });
  return dropped && !kept ? closeSession({ ...state, connection }) : { ...state, connection };
}

/**
 * The bridge closes a session's sockets when its WebSocket drops (some may have closed already, on a
 * shutdown): mirror that, keeping them on screen, and tell the learner how many went with it.
 */
function closeSession(state: PlaygroundData): PlaygroundData {
  let closed = 0;
  const sockets: Record<string, SocketEntry> = {};
  for (const [key, entry] of Object.entries(state.sockets)) {
    if (entry.epoch !== state.epoch || entry.stale) {
      sockets[key] = entry;
      continue;
    }
    closed++;
    sockets[key] = { ...entry, state: 'closed', stale: true };
  }
  // Traced programs of that session are no longer traced: the bridge let them go with it.
  const programs = { ...state.programs };
  for (const [key, program] of Object.entries(programs)) {
    if (program.epoch === state.epoch && program.status === 'running') {
      programs[key] = { ...program, status: 'detached', reasonCode: 'session-closed' };
    }
  }
  return { ...state, sockets, programs, sessionLost: closed > 0 ? { closed } : state.sessionLost };
}
