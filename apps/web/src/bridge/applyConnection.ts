import type { Welcome } from '@playground/protocol';
import type { PlaygroundData, SocketEntry } from './state.ts';

/** What the bridge client reports about its WebSocket, besides welcomes. */
export type StatusChange =
  | { status: 'connecting' }
  | { status: 'reconnecting'; retryAt: number }
  | { status: 'incompatible'; serverVersion: number };

export function applyWelcome(state: PlaygroundData, welcome: Welcome): PlaygroundData {
  return {
    ...state,
    epoch: state.epoch + 1,
    // Notices (e.g. "shutting down") were about the previous bridge run.
    notices: [],
    connection: {
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
  return dropped ? closeSession({ ...state, connection }) : { ...state, connection };
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
  return { ...state, sockets, sessionLost: closed > 0 ? { closed } : state.sessionLost };
}
