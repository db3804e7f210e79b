import type { Endpoint } from '@playground/protocol';
import { logAt, logSize } from '../../store/appendLog.ts';
import { type ByteLog, byteAt, type Piece, pieceIndexAt } from '../../store/byteLog.ts';
import type { Direction, SocketEntry, SocketKey } from '../../store/state.ts';

/** What a cell's colour means: whose write, or (when the writer cannot be seen) which read or datagram. */
export type Colouring = 'write' | 'ownWrite' | 'read' | 'datagram';

/**
 * The stream a ribbon shows: the bytes (from the log that holds them), the writes that made them
 * and the reads that took them. For a socket's received bytes the writes are its peer's sends;
 * for its sent bytes the reads are its peer's receives. Pieces line up by stream offset.
 */
export interface RibbonSource {
  shown: ByteLog;
  writes: ByteLog | null;
  reads: ByteLog | null;
  colouring: Colouring;
  /** The other end of the connection, when it is a socket of this page. */
  peer: SocketEntry | null;
}

const same = (a: Endpoint | undefined, b: Endpoint | undefined) =>
  a !== undefined && b !== undefined && a.port === b.port && a.address === b.address;

/** The playground socket at the other end of a TCP connection: its local is our remote and the other way round. */
export function findPeer(sockets: Record<SocketKey, SocketEntry>, entry: SocketEntry): SocketEntry | null {
  const { kind, local, remote } = entry.info;
  if (kind !== 'tcp-client' && kind !== 'tcp-conn') return null;
  for (const other of Object.values(sockets)) {
    if (other === entry || other.epoch !== entry.epoch) continue;
    if (other.info.kind !== 'tcp-client' && other.info.kind !== 'tcp-conn') continue;
    if (same(other.info.local, remote) && same(other.info.remote, local)) return other;
  }
  return null;
}

export function ribbonSource(entry: SocketEntry, direction: Direction, peer: SocketEntry | null): RibbonSource {
  if (entry.info.kind === 'udp') {
    const shown = direction === 'received' ? entry.received : entry.sent;
    return { shown, writes: shown, reads: direction === 'received' ? shown : null, colouring: 'datagram', peer: null };
  }
  if (direction === 'received') {
    const writes = peer?.sent ?? null;
    return { shown: entry.received, writes, reads: entry.received, colouring: writes ? 'write' : 'read', peer };
  }
  return { shown: entry.sent, writes: entry.sent, reads: peer?.received ?? null, colouring: 'ownWrite', peer };
}

/** The piece of `log` whose bytes cover stream offset `at`, by binary search. */
export function pieceAtStream(log: ByteLog, at: number): Piece | undefined {
  const { pieces } = log;
  let lo = 0;
  let hi = logSize(pieces) - 1;
  let found: Piece | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = logAt(pieces, mid) as Piece;
    if (piece.stream <= at) {
      found = piece;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && at < found.stream + found.size ? found : undefined;
}

export interface RibbonCell {
  offset: number;
  value: number;
  /** The write (writeNo) the byte came from, when known. */
  write: number | undefined;
  /** The read (readNo) that returned it, when known. */
  read: number | undefined;
  readStart: boolean;
  frameStart: boolean;
  /** The last byte of a datagram cut by recvfrom(N): how many bytes after it were lost. */
  cut: number;
  /** Palette slot, 0..PALETTE-1. */
  colour: number;
}

export const PALETTE = 6;

/** The cells of one ribbon row: bytes [from, to) of the shown log, each placed in its write and read. */
export function layoutRibbonRow(
  source: RibbonSource,
  from: number,
  to: number,
  frameStarts: ReadonlySet<number>,
): RibbonCell[] {
  const { shown, writes, reads, colouring } = source;
  const start = Math.max(from, shown.start);
  const end = Math.min(to, shown.end);
  const cells: RibbonCell[] = [];
  let index = pieceIndexAt(shown, start);
  for (let offset = start; offset < end; offset++) {
    let piece = logAt(shown.pieces, index);
    while (piece && offset >= piece.offset + piece.length) piece = logAt(shown.pieces, ++index);
    if (!piece) break;
    const at = piece.stream + (offset - piece.offset);
    const write = writes ? pieceAtStream(writes, at) : undefined;
    const read = reads ? pieceAtStream(reads, at) : undefined;
    const slot =
      colouring === 'datagram' ? piece.no : colouring === 'read' ? (read?.callNo ?? 0) : (write?.callNo ?? 0);
    cells.push({
      offset,
      value: byteAt(shown, offset),
      write: write?.callNo,
      read: read?.callNo,
      readStart: read !== undefined && read.stream === at,
      frameStart: frameStarts.has(offset),
      cut: piece.lost && offset === piece.offset + piece.length - 1 ? piece.lost : 0,
      colour: (((slot - 1) % PALETTE) + PALETTE) % PALETTE,
    });
  }
  return cells;
}

/** Whether some piece of these logs is missing bytes (folded, or only a preview reached the page). */
export function hasHoles(...logs: (ByteLog | null)[]): boolean {
  return logs.some((log) => log?.gaps === true);
}
