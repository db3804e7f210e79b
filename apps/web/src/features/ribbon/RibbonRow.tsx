import { toAsciiCell } from '@playground/codec';
import { memo } from 'react';
import type { RibbonCell } from './ribbonModel.ts';

function cellClass(cell: RibbonCell, active: number | null): string {
  let cls = `ribbon-cell rc${cell.colour}`;
  if (cell.readStart) cls += ' is-read-start';
  if (cell.frameStart) cls += ' is-frame-start';
  if (cell.cut > 0) cls += ' is-cut';
  if (cell.value < 0x20 || cell.value >= 0x7f) cls += ' is-ctrl';
  if (cell.offset === active) cls += ' is-active';
  return cls;
}

/** One row of the ribbon: the offset of its first byte, then a cell per byte. */
export const RibbonRow = memo(function RibbonRow(props: {
  rowOffset: number;
  cells: RibbonCell[];
  idPrefix: string;
  active: number | null;
}) {
  return (
    <tr className="ribbon-row">
      <th scope="row" className="ribbon-row__offset">
        {props.rowOffset}
      </th>
      {props.cells.map((cell) => (
        <td
          key={cell.offset}
          id={`${props.idPrefix}-${cell.offset}`}
          className={cellClass(cell, props.active)}
          data-testid="ribbon-byte"
          data-offset={cell.offset}
          data-write={cell.write}
          data-read={cell.read}
          data-read-start={cell.readStart || undefined}
          data-frame-start={cell.frameStart || undefined}
          data-cut={cell.cut || undefined}
        >
          {toAsciiCell(cell.value)}
        </td>
      ))}
    </tr>
  );
});
