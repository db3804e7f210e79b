import { toAsciiCell } from '@playground/codec';
import { useTranslation } from 'react-i18next';
import { BYTES_PER_ROW, type ByteCell } from './hexLayout.ts';

/** Grid column of a byte after the offset column, with a narrow gutter after the eighth byte as in hexdump -C. */
function hexColumn(offset: number): number {
  const i = offset % BYTES_PER_ROW;
  return i < 8 ? i + 2 : i + 3;
}

function pieceClass(cell: ByteCell, focusSeq: number | null, active: number | null): string {
  const parity = cell.piece.no % 2 === 1 ? 'piece-odd' : 'piece-even';
  return `${parity}${cell.piece.seq === focusSeq ? ' is-focus-piece' : ''}${cell.offset === active ? ' is-active' : ''}`;
}

/** One line of the dump: offset, 16 hex cells, 16 ASCII cells; each piece start gets a boundary bar. */
export function HexRow(props: {
  rowOffset: number;
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
          style={{ gridColumn: hexColumn(cell.offset) }}
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
            style={{ gridColumn: (cell.offset % BYTES_PER_ROW) + 1 }}
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
