import type { FramingConfig } from '@playground/protocol';
import type { SocketEntry, SocketKey } from '../../store/state.ts';
import { peerOf } from '../lifecycle/connections.ts';

/**
 * The framing of the framed-JSON server a client talks to, when that server is one of this page's
 * sockets: its accepted connection says so, or (before that is known, and for UDP) the newest
 * framed server on the port the client sends to.
 */
export function serverFramingOf(
  sockets: Record<SocketKey, SocketEntry>,
  order: readonly SocketKey[],
  entry: SocketEntry,
): FramingConfig | undefined {
  const { kind, remote } = entry.info;
  if (!remote || (kind !== 'tcp-client' && kind !== 'udp')) return undefined;
  const conn = kind === 'tcp-client' ? peerOf(sockets, entry) : undefined;
  if (conn) return conn.info.framing;
  const serverKind = kind === 'udp' ? 'udp' : 'tcp-server';
  for (let i = order.length - 1; i >= 0; i--) {
    const other = sockets[order[i] as SocketKey];
    if (other?.epoch !== entry.epoch || other.info.kind !== serverKind || other.info.remote) continue;
    if (other.info.local?.port === remote.port) return other.info.framing;
  }
  return undefined;
}
