import { createFrameDecoder, type FramingConfig } from '@playground/codec';
import { reachableHost } from '@playground/protocol';
import { logAt, logSize } from '../../store/appendLog.ts';
import { type SocketEntry, type SocketKey, socketKey } from '../../store/state.ts';

import { peerOf } from '../lifecycle/connections.ts';
import { SERVER_BEHAVIOURS } from '../servers/serverCommand.ts';
import type { Answerer, ServerBehaviour, SnippetSpec } from './snippets.ts';

/** The tutorial's message, for a client that has not sent anything yet. */
export const DEFAULT_MESSAGE = new TextEncoder().encode('hola mundo, this is a message longer than sixteen bytes');
/** Seed 002's example message, for a client of a Framed JSON server. */
const DEFAULT_JSON = new TextEncoder().encode('{"nombre": "Margot"}');

/** The behaviours the Code tab writes servers for: every one the server form offers. */
const WRITTEN = new Set<string>(SERVER_BEHAVIOURS);

/** The bytes of the socket's latest send, when the page has them whole. */
function lastMessage(entry: SocketEntry): Uint8Array | undefined {
  const { sent } = entry;
  const last = logAt(sent.pieces, logSize(sent.pieces) - 1);
  if (!last || last.length !== last.size || last.offset < sent.start || last.size === 0) return undefined;
  const from = last.offset - sent.base;
  return sent.bytes.slice(from, from + last.length);
}

/** A framed-JSON client's message: what it last sent, unframed, when that is JSON; else seed 002's example. */
function jsonMessage(sent: Uint8Array | undefined, framing: FramingConfig): Uint8Array {
  if (!sent) return DEFAULT_JSON;
  const frame = createFrameDecoder(framing).push(sent).frames[0];
  const candidate = frame ? frame.data : sent;
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(candidate));
    return candidate;
  } catch {
    return DEFAULT_JSON;
  }
}

/** The server a client talks to, when it is one of the page's sockets: by its accepted connection, else by port. */
function serverOf(entry: SocketEntry, sockets: Record<SocketKey, SocketEntry>): SocketEntry | undefined {
  const conn = entry.info.kind === 'tcp-client' ? peerOf(sockets, entry) : undefined;
  const parent = conn?.info.parentId ? sockets[socketKey(conn.epoch, conn.info.parentId)] : undefined;
  if (parent) return parent;
  const kind = entry.info.kind === 'udp' ? 'udp' : 'tcp-server';
  const port = entry.info.remote?.port;
  return Object.values(sockets)
    .filter((s) => s.epoch === entry.epoch && s.info.kind === kind && !s.info.remote && s.info.local?.port === port)
    .at(-1);
}

const behaviourOf = (entry: SocketEntry | undefined): ServerBehaviour | undefined => {
  const b = entry?.info.behaviour ?? (entry?.info.kind === 'tcp-server' ? 'echo' : undefined);
  return b && WRITTEN.has(b) ? (b as ServerBehaviour) : undefined;
};

/**
 * What "show me the code" writes for a socket, filled in with its own host, port, buffer size and
 * message, and with what its server does. An accepted connection shows its server's code; a client
 * connects where this one did and waits for the answer its server gives (or for none). Sensor
 * sockets have their own Python in the network lab: null.
 */
export function specFor(entry: SocketEntry, sockets: Record<SocketKey, SocketEntry>): SnippetSpec | null {
  const { info } = entry;
  if (info.sensor) return null;
  switch (info.kind) {
    case 'tcp-server':
      if (!info.local) return null;
      return {
        kind: 'tcp-server',
        host: info.local.address,
        port: info.local.port,
        backlog: info.backlog ?? 128,
        recvSize: info.recvSize,
        concurrency: info.concurrency ?? 'concurrent',
        behaviour: behaviourOf(entry) ?? 'echo',
        ...(info.framing ? { framing: info.framing } : {}),
      };
    case 'tcp-conn': {
      const server = info.parentId ? sockets[socketKey(entry.epoch, info.parentId)] : undefined;
      return server ? specFor(server, sockets) : null;
    }
    case 'tcp-client':
    case 'udp': {
      if (info.kind === 'udp' && !info.remote) {
        if (!info.local) return null;
        const behaviour = info.behaviour && WRITTEN.has(info.behaviour) ? info.behaviour : 'none';
        return {
          kind: 'udp-server',
          host: info.local.address,
          port: info.local.port,
          recvSize: info.recvSize,
          behaviour: behaviour as ServerBehaviour,
          ...(info.framing ? { framing: info.framing } : {}),
        };
      }
      if (!info.remote) return null;
      const server = serverOf(entry, sockets);
      const answerer: Answerer = behaviourOf(server) ?? 'unknown';
      const framing = server?.info.framing;
      const sent = lastMessage(entry);
      return {
        kind: info.kind === 'udp' ? 'udp-client' : 'tcp-client',
        host: reachableHost(info.remote.address),
        port: info.remote.port,
        recvSize: info.recvSize,
        message: answerer === 'framed-json' && framing ? jsonMessage(sent, framing) : (sent ?? DEFAULT_MESSAGE),
        server: answerer,
        ...(framing ? { framing } : {}),
      };
    }
    default:
      return null;
  }
}
