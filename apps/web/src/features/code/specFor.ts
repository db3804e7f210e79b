import { logAt, logSize } from '../../bridge/appendLog.ts';
import { type SocketEntry, type SocketKey, socketKey } from '../../bridge/state.ts';
import { reachableHost } from '../../ui/format.ts';
import type { SnippetSpec } from './snippets.ts';

/** The tutorial's message, for a client that has not sent anything yet. */
export const DEFAULT_MESSAGE = new TextEncoder().encode('hola mundo, this is a message longer than sixteen bytes');

/** The bytes of the socket's latest send, when the page has them whole. */
function lastMessage(entry: SocketEntry): Uint8Array {
  const { sent } = entry;
  const last = logAt(sent.pieces, logSize(sent.pieces) - 1);
  if (!last || last.length !== last.size || last.offset < sent.start || last.size === 0) return DEFAULT_MESSAGE;
  const from = last.offset - sent.base;
  return sent.bytes.slice(from, from + last.length);
}

/**
 * What "show me the code" writes for a socket, filled in with its own host, port, buffer size and
 * message. An accepted connection shows its server's code; a client connects where this one did.
 */
export function specFor(entry: SocketEntry, sockets: Record<SocketKey, SocketEntry>): SnippetSpec | null {
  const { info } = entry;
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
      };
    case 'tcp-conn': {
      const server = info.parentId ? sockets[socketKey(entry.epoch, info.parentId)] : undefined;
      return server ? specFor(server, sockets) : null;
    }
    case 'tcp-client':
      if (!info.remote) return null;
      return {
        kind: 'tcp-client',
        host: reachableHost(info.remote.address),
        port: info.remote.port,
        recvSize: info.recvSize,
        message: lastMessage(entry),
      };
    case 'udp':
      if (info.remote) {
        return {
          kind: 'udp-client',
          host: reachableHost(info.remote.address),
          port: info.remote.port,
          recvSize: info.recvSize,
          message: lastMessage(entry),
        };
      }
      if (!info.local) return null;
      return { kind: 'udp-server', host: info.local.address, port: info.local.port, recvSize: info.recvSize };
    default:
      return null;
  }
}
