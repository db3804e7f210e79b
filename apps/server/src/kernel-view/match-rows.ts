import type { KernelTcpSocket } from '@playground/engine';
import { type KernelRow, type KernelWatchScope, MAX_KERNEL_ROWS } from '@playground/protocol';

interface Address {
  address: string;
  port: number;
}

/** What the kernel view needs to know of one of the session's TCP sockets. */
export interface KnownSocket {
  id: string;
  /**
   * listen() succeeded and the socket has not closed since: only then does it own a LISTEN row. A
   * server whose listen() failed (EADDRINUSE) never does, though it asked for the same address.
   */
  listening: boolean;
  local?: Address;
  remote?: Address;
}

/**
 * Node and /proc/net/tcp6 both print `::ffff:127.0.0.1` and compressed IPv6; macOS's and Windows's
 * netstat may print the IPv4 connection of a dual-stack server as plain `127.0.0.1`, so the
 * IPv4-mapped prefix is dropped on both sides, and case ignored.
 */
const norm = (a: Address): string => `${a.address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '')}|${a.port}`;
const tupleKey = (local: Address, remote: Address): string => `${norm(local)}>${norm(remote)}`;
const isUnspecified = (a: Address): boolean => a.port === 0;

/**
 * Picks the rows the view shows and names the session's socket each row is, matched by endpoints:
 * a connection by its local and remote address, a server by its listening address while it listens.
 * `playground`: the session's sockets and the other end of their connections (even outside the
 * playground, e.g. a Python server). `ports`: every row on the host that uses one of their ports.
 * Later sockets win a tie (a port reused after an earlier socket closed).
 */
export function matchRows(
  table: readonly KernelTcpSocket[],
  known: Iterable<KnownSocket>,
  scope: KernelWatchScope,
  maxRows = MAX_KERNEL_ROWS,
): { rows: KernelRow[]; truncated: number } {
  const byTuple = new Map<string, string>();
  const byListen = new Map<string, string>();
  const ports = new Set<number>();
  /** Where clients still connecting go: their SYN_SENT rows cannot be told apart by port yet. */
  const connecting = new Set<string>();
  for (const s of known) {
    if (s.local && s.local.port !== 0) ports.add(s.local.port);
    if (s.remote && s.remote.port !== 0) ports.add(s.remote.port);
    if (!s.local) {
      if (s.remote) connecting.add(norm(s.remote));
      continue;
    }
    if (s.listening) byListen.set(norm(s.local), s.id);
    else if (s.remote) byTuple.set(tupleKey(s.local, s.remote), s.id);
  }
  const ours: KernelRow[] = [];
  const others: KernelRow[] = [];
  for (const row of table) {
    const listen = row.state === 'LISTEN' && isUnspecified(row.remote);
    const id = listen ? byListen.get(norm(row.local)) : byTuple.get(tupleKey(row.local, row.remote));
    const out: KernelRow = {
      family: row.family,
      local: row.local,
      remote: row.remote,
      state: row.state,
      sendQueue: row.sendQueue,
      recvQueue: row.recvQueue,
      inode: row.inode,
    };
    if (id !== undefined) {
      out.socketId = id;
      ours.push(out);
      continue;
    }
    const peerOfOurs =
      (!listen && byTuple.has(tupleKey(row.remote, row.local))) ||
      (row.state === 'SYN_SENT' && connecting.has(norm(row.remote)));
    const samePorts = ports.has(row.local.port) || ports.has(row.remote.port);
    if (peerOfOurs || (scope === 'ports' && samePorts)) others.push(out);
  }
  const all = [...ours, ...others];
  return { rows: all.slice(0, maxRows), truncated: Math.max(0, all.length - maxRows) };
}
