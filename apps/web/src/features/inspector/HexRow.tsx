import { toAsciiCell } from '@playground/codec';
import { useTranslation } from 'react-i18next';
import type { ByteCell, RowWidth } from './hexLayout.ts';

/** Grid column of a byte after the offset column, with a gutter after the eighth byte as in xxd and Wireshark. */
function hexColumn(offset: number, perRow: RowWidth): number {
  const i = offset % perRow;
  return i < 8 ? i + 2 : i + 3;
}

function pieceClass(cell: ByteCell, focusSeq: number | null, active: number | null): string {
  const parity = cell.piece.no % 2 === 1 ? 'piece-odd' : 'piece-even';
  return `${parity}${cell.piece.seq === focusSeq ? ' is-focus-piece' : ''}${cell.offset === active ? ' is-active' : ''}`;
}

/** One line of the dump: offset, 16 (or 8) hex cells, as many ASCII cells; each piece start gets a boundary bar. */
export function HexRow(props: {
  rowOffset: number;
  perRow: RowWidth;
  cells: ByteCell[];
  idPrefix: string;
  focusSeq: number | null;
  active: number | null;
}) {
  const { t } = useTranslation();
  const { cells, focusSeq, active } = props;
  return (
    <tr className="hex-row">
      <th scope="row" className="hex-row__offset">
        {props.rowOffset}
      </th>
      {cells.map((cell) => (
        <td
          key={cell.offset}
          id={`${props.idPrefix}-${cell.offset}`}
          className={`hex-byte ${pieceClass(cell, focusSeq, active)}`}
          style={{ gridColumn: hexColumn(cell.offset, props.perRow) }}
          data-testid="hex-byte"
          data-piece={cell.piece.no}
          data-offset={cell.offset}
        >
          {cell.startsPiece && (
            <span
              className={`piece-boundary${cell.piece.skipped ? ' piece-boundary--gap' : ''}`}
              data-testid="piece-boundary"
              title={t('inspector.boundary', { no: cell.piece.no })}
            />
          )}
          {cell.value.toString(16).padStart(2, '0')}
        </td>
      ))}
      {/* The same bytes as characters; screen readers get them from the details line instead. */}
      <td className="hex-row__ascii" aria-hidden="true">
        {cells.map((cell) => (
          <span
            key={cell.offset}
            className={`ascii-byte ${pieceClass(cell, focusSeq, active)}`}
            style={{ gridColumn: (cell.offset % props.perRow) + 1 }}
            data-offset={cell.offset}
          >
            {cell.startsPiece && (
              <span className={`piece-boundary${cell.piece.skipped ? ' piece-boundary--gap' : ''}`} />
            )}
            {toAsciiCell(cell.value)}
          </span>
        ))}
      </td>
    </tr>
  );
}
