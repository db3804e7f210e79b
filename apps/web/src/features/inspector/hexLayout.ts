import { logAt } from '../../store/appendLog.ts';
import { type ByteLog, byteAt, type Piece, pieceIndexAt } from '../../store/byteLog.ts';

/** 16 bytes a row as xxd and Wireshark print them; 8 where 16 would not fit (a phone, presentation type). */
export type RowWidth = 16 | 8;
export const BYTES_PER_ROW: RowWidth = 16;

export interface ByteCell {
  offset: number;
  value: number;
  piece: Piece;
  /** First byte of its piece: a boundary marker goes in front of it. */
  startsPiece: boolean;
}

/** Rows are aligned to absolute offsets (0, 16, 32, …) so offsets read the same as the buffer fills. */
export function firstRowOffset(log: ByteLog, perRow: RowWidth = BYTES_PER_ROW): number {
  return Math.floor(log.start / perRow) * perRow;
}

export function rowCount(log: ByteLog, perRow: RowWidth = BYTES_PER_ROW): number {
  if (log.end === log.start) return 0;
  return Math.ceil((log.end - firstRowOffset(log, perRow)) / perRow);
}

export function rowOfOffset(log: ByteLog, offset: number, perRow: RowWidth = BYTES_PER_ROW): number {
  return Math.floor((offset - firstRowOffset(log, perRow)) / perRow);
}

/** The bytes of one row with their pieces; offsets before the kept window or past the end are left out. */
export function layoutRow(log: ByteLog, row: number, perRow: RowWidth = BYTES_PER_ROW): ByteCell[] {
  const rowStart = firstRowOffset(log, perRow) + row * perRow;
  const from = Math.max(rowStart, log.start);
  const to = Math.min(rowStart + perRow, log.end);
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

/**
 * How many bytes a row of the dump shows in `width` pixels, in characters of its monospace font
 * (`ch` pixels each): the offset, every byte's two digits with `gap` between grid columns (the
 * offset, 16 bytes, the gutter after the eighth and the ASCII make 19 columns, 18 gaps), and the
 * ASCII column with its rule, plus a scrollbar's width.
 */
export function rowWidthFor(width: number, ch: number, offsetDigits: number, gap: number): RowWidth {
  const SCROLLBAR_AND_MARGINS = 4.5;
  const needed16 = offsetDigits + 16 * 2 + 18 * gap + 16 + SCROLLBAR_AND_MARGINS;
  return width >= needed16 * ch ? 16 : 8;
}
