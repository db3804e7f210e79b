import type { Endpoint } from '@playground/protocol';
import type { SocketEntry, SocketKey } from '../../store/state.ts';

type Address = Pick<Endpoint, 'address' | 'port'>;

/** A server on `::` sees an IPv4 client as `::ffff:127.0.0.1`; the client itself says `127.0.0.1`. */
export function sameEndpoint(a: Address | undefined, b: Address | undefined): boolean {
  if (!a || !b || a.port !== b.port) return false;
  return plain(a.address) === plain(b.address);
}

const plain = (address: string) => address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

const isStream = (e: SocketEntry) => e.info.kind === 'tcp-client' || e.info.kind === 'tcp-conn';

/**
 * The other end of a TCP connection when it is a socket of the same session: a client and the
 * connection its server accepted share one 4-tuple, seen from both sides.
 */
export function peerOf(sockets: Record<SocketKey, SocketEntry>, entry: SocketEntry): SocketEntry | undefined {
  if (!isStream(entry) || !entry.info.local || !entry.info.remote) return undefined;
  const wanted = entry.info.kind === 'tcp-client' ? 'tcp-conn' : 'tcp-client';
  for (const other of Object.values(sockets)) {
    if (other.info.kind !== wanted || other.epoch !== entry.epoch) continue;
    if (sameEndpoint(other.info.local, entry.info.remote) && sameEndpoint(other.info.remote, entry.info.local)) {
      return other;
    }
  }
  return undefined;
}

/** One TCP connection as the flow diagram draws it: either end may be outside the playground. */
export interface ConnectionPair {
  /** Stable while both sockets exist: the client's key, or the accepted connection's. */
  id: string;
  client: SocketEntry | null;
  server: SocketEntry | null;
}

/** Every connection of the page, oldest first: playground clients (with their peer), then outside clients. */
export function connectionPairs(
  sockets: Record<SocketKey, SocketEntry>,
  order: readonly SocketKey[],
): ConnectionPair[] {
  const pairs: ConnectionPair[] = [];
  const paired = new Set<SocketKey>();
  for (const key of order) {
    const entry = sockets[key];
    if (entry?.info.kind !== 'tcp-client') continue;
    const conn = peerOf(sockets, entry) ?? null;
    if (conn) paired.add(conn.key);
    pairs.push({ id: entry.key, client: entry, server: conn });
  }
  for (const key of order) {
    const entry = sockets[key];
    if (entry?.info.kind !== 'tcp-conn' || paired.has(key)) continue;
    pairs.push({ id: entry.key, client: null, server: entry });
  }
  return pairs;
}

/** The pair a socket belongs to, if it is one end of a connection. */
export function pairOf(pairs: readonly ConnectionPair[], key: SocketKey | null): ConnectionPair | undefined {
  if (key === null) return undefined;
  return pairs.find((p) => p.client?.key === key || p.server?.key === key);
}
