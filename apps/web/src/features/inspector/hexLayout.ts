import { logAt } from '../../bridge/appendLog.ts';
import { type ByteLog, byteAt, type Piece, pieceIndexAt } from '../../bridge/byteLog.ts';

export const BYTES_PER_ROW = 16;

export interface ByteCell {
  offset: number;
  value: number;
  piece: Piece;
  /** First byte of its piece: a boundary marker goes in front of it. */
  startsPiece: boolean;
}

/** Rows are aligned to absolute offsets (0, 16, 32, …) so offsets read the same as the buffer fills. */
export function firstRowOffset(log: ByteLog): number {
  return Math.floor(log.start / BYTES_PER_ROW) * BYTES_PER_ROW;
}

export function rowCount(log: ByteLog): number {
  if (log.end === log.start) return 0;
  return Math.ceil((log.end - firstRowOffset(log)) / BYTES_PER_ROW);
}

export function rowOfOffset(log: ByteLog, offset: number): number {
  return Math.floor((offset - firstRowOffset(log)) / BYTES_PER_ROW);
}

/** The bytes of one row with their pieces; offsets before the kept window or past the end are left out. */
export function layoutRow(log: ByteLog, row: number): ByteCell[] {
  const rowStart = firstRowOffset(log) + row * BYTES_PER_ROW;
  const from = Math.max(rowStart, log.start);
  const to = Math.min(rowStart + BYTES_PER_ROW, log.end);
  const cells: ByteCell[] = [];
  let index = pieceIndexAt(log, from);
  for (let offset = from; offset < to; offset++) {
    let piece = logAt(log.pieces, index);
    while (piece && offset >= piece.offset + piece.length) piece = logAt(log.pieces, ++index);
    if (!piece) break;
    cells.push({ offset, value: byteAt(log, offset), piece, startsPiece: piece.offset === offset });
  }
  return cells;
}

/** Pieces that have bytes in [from, to), plus empty datagrams in between, in order. */
export function piecesBetween(log: ByteLog, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let index = Math.max(0, pieceIndexAt(log, Math.max(from, log.start)));
  for (let piece = logAt(log.pieces, index); piece && piece.offset < to; piece = logAt(log.pieces, ++index)) {
    if (piece.offset + piece.length > from || piece.length === 0) pieces.push(piece);
  }
  return pieces;
}
