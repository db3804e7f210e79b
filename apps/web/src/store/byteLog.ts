import type { Endpoint } from '@playground/protocol';
import { type AppendLog, appendAll, dropWhile, emptyLog, logSize } from './appendLog.ts';

/** One recv()/send() call (or one UDP datagram) and where its bytes sit in the direction's byte stream. */
export interface Piece {
  /** Ordinal within this direction since the socket opened, from 1: "piece #k". */
  no: number;
  /** The engine's readNo / writeNo for the call. */
  callNo: number;
  seq: number;
  t: number;
  /** Offset of the piece's first byte among all bytes kept for this direction. */
  offset: number;
  /**
   * Offset of the piece's first byte in the connection's byte stream, counting every byte each call
   * moved (`size`, not just the bytes the page got), so both ends of a connection agree on it.
   */
  stream: number;
  /** Bytes we have; fewer than `size` when the bridge capped the preview. */
  length: number;
  /** Bytes the call really moved. */
  size: number;
  from?: Endpoint;
  to?: Endpoint;
  /** UDP: bytes that did not fit the receive buffer and were discarded. */
  lost?: number;
  /** Calls just before this one whose events the bridge folded: their bytes are not in the buffer. */
  skipped: number;
}

/** The last `capacity` bytes of one direction plus the boundaries of the pieces they came in. */
export interface ByteLog {
  readonly bytes: Uint8Array;
  /** Absolute offset of bytes[0]. */
  readonly base: number;
  /** Absolute offsets of the kept window [start, end). */
  readonly start: number;
  readonly end: number;
  readonly pieces: AppendLog<Piece>;
  /** readNo / writeNo of the newest piece, to notice calls that never reached the page. */
  readonly lastCallNo: number;
  /** Stream offset after the newest piece (see Piece.stream). */
  readonly streamEnd?: number;
  /** Some piece lacks bytes (folded calls, or only a preview reached the page). */
  readonly gaps?: boolean;
}

export const EMPTY_BYTES: ByteLog = {
  bytes: new Uint8Array(0),
  base: 0,
  start: 0,
  end: 0,
  pieces: emptyLog(),
  lastCallNo: 0,
};

/** How far each backing array has been written, so an older snapshot knows it must copy before appending. */
const filled = new WeakMap<Uint8Array, number>();

export type PieceMeta = Omit<Piece, 'no' | 'offset' | 'length' | 'skipped' | 'stream'>;

export function appendPiece(log: ByteLog, data: Uint8Array, meta: PieceMeta, capacity: number): ByteLog {
  const end = log.end + data.length;
  const start = Math.max(log.start, end - capacity);
  const kept = data.length > capacity ? data.subarray(data.length - capacity) : data;
  let { bytes, base } = log;
  const ownsTail = (filled.get(bytes) ?? 0) === log.end - base;
  if (!ownsTail || end - base > bytes.length) {
    const next = new Uint8Array(Math.min(2 * capacity, Math.max(256, 2 * (end - start))));
    if (start < log.end) next.set(bytes.subarray(start - base, log.end - base), 0);
    bytes = next;
    base = start;
  }
  bytes.set(kept, end - kept.length - base);
  filled.set(bytes, end - base);

  const piece: Piece = {
    ...meta,
    no: log.pieces.dropped + logSize(log.pieces) + 1,
    offset: log.end,
    stream: log.streamEnd ?? 0,
    length: data.length,
    skipped: Math.max(0, meta.callNo - log.lastCallNo - 1),
  };
  const pieces = dropWhile(
    appendAll(log.pieces, [piece], capacity),
    (p) => p.offset < start && p.offset + p.length <= start,
  );
  const gaps = log.gaps || piece.skipped > 0 || data.length < meta.size;
  return {
    bytes,
    base,
    start,
    end,
    pieces,
    lastCallNo: meta.callNo,
    streamEnd: (log.streamEnd ?? 0) + meta.size,
    gaps,
  };
}

export function byteAt(log: ByteLog, offset: number): number {
  return log.bytes[offset - log.base] ?? 0;
}

/** Index (within the pieces window) of the piece holding `offset`, or -1. */
export function pieceIndexAt(log: ByteLog, offset: number): number {
  const { items, head, tail } = log.pieces;
  let lo = head;
  let hi = tail - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Piece).offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const piece = items[found] as Piece;
  return offset < piece.offset + piece.length ? found - head : -1;
}

/** Index (within the pieces window) of the piece recorded by event `seq`, or -1. */
export function pieceIndexBySeq(log: ByteLog, seq: number): number {
  const { items, head, tail } = log.pieces;
  let lo = head;
  let hi = tail - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = (items[mid] as Piece).seq;
    if (s === seq) return mid - head;
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
