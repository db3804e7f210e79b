/**
 * The domain rules the bridge and the page must agree on, in one place: the page's forms take their
 * bounds from here, and the bridge's checks and the page's previews compute with the same functions.
 */

/** A split send's piece: at least a byte, at most what one read could ever return. */
export const MIN_CHUNK_SIZE = 1;
export const MAX_CHUNK_SIZE = 65_536;

/** The writes a (split) send of `bytes` makes: pieces of `chunkSize` (all at once without one), `repeat` times. */
export function splitWriteCount(bytes: number, split?: { chunkSize?: number | undefined; repeat?: number }): number {
  const chunk = split?.chunkSize ?? Math.max(1, bytes);
  return Math.max(1, Math.ceil(bytes / chunk)) * (split?.repeat ?? 1);
}

/**
 * Whether a socket is a server a client can be pointed at: a TCP server, or a UDP endpoint with no
 * default peer (one with a peer is a client).
 */
export function isServerSocket(info: { kind: string; remote?: unknown }): boolean {
  return info.kind === 'tcp-server' || (info.kind === 'udp' && !info.remote);
}

/**
 * Where a client connects to reach a server bound to `host`: "all interfaces" is not a destination,
 * so the loopback address of the same family stands in (`::` is reachable at ::1 even when the
 * socket is IPv6-only, where 127.0.0.1 would not be).
 */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}
