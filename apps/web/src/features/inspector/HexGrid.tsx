import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { logAt } from '../../store/appendLog.ts';
import { type ByteLog, pieceIndexBySeq } from '../../store/byteLog.ts';
import { useByteCursor } from '../../ui/useByteCursor.ts';
import { useRemPx } from '../../ui/useRemPx.ts';
import { virtualRows } from '../../ui/virtualRows.ts';
import { HexRow } from './HexRow.tsx';
import { firstRowOffset, layoutRow, rowCount, rowOfOffset } from './hexLayout.ts';
import { useRowWidth } from './useRowWidth.ts';

/**
 * The hex + ASCII dump, virtualized by row. One Tab stop: arrow keys move a cursor byte, whose
 * details (like the pointed byte's) go to `onPoint`; the visible offsets go to `onView` for the legend.
 */
export function HexGrid(props: {
  log: ByteLog;
  label: string;
  focusSeq: number | null;
  onPoint(offset: number | null): void;
  onView(from: number, to: number): void;
}) {
  const { t } = useTranslation();
  // Rows are a fixed height for the virtualizer, in rem so that they grow with presentation type.
  const rowHeight = useRemPx(1.75);
  const { log, focusSeq, onPoint, onView } = props;
  const idPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const offsetDigits = Math.max(6, String(log.end).length);
  const perRow = useRowWidth(scrollRef, offsetDigits);
  const virtualizer = useVirtualizer({
    count: rowCount(log, perRow),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // The sticky column header (one row tall) sits above the first row inside the scroller.
    scrollMargin: rowHeight,
  });
  const inView = virtualRows(virtualizer, rowHeight);

  const focusPiece = focusSeq === null ? undefined : logAt(log.pieces, pieceIndexBySeq(log, focusSeq));
  const focusOffset = focusPiece?.offset;
  useEffect(() => {
    if (focusOffset === undefined) return;
    following.current = false;
    virtualizer.scrollToIndex(rowOfOffset(log, focusOffset, perRow), { align: 'center' });
  }, [focusOffset, log, virtualizer, perRow]);

  // New bytes scroll into view while the learner is looking at the newest ones.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && following.current && focusOffset === undefined && log.end > 0) el.scrollTop = el.scrollHeight;
  }, [log.end, focusOffset]);

  const range = virtualizer.range;
  const firstVisible = range ? firstRowOffset(log, perRow) + range.startIndex * perRow : log.start;
  const lastVisible = range ? firstRowOffset(log, perRow) + (range.endIndex + 1) * perRow : log.end;
  useEffect(() => onView(firstVisible, lastVisible), [firstVisible, lastVisible, onView]);

  const { active, moveTo, onKeyDown, pointAt, onScroll } = useByteCursor({
    start: log.start,
    end: log.end,
    perRow,
    home: focusOffset ?? log.start,
    rowHeight,
    scrollRef,
    following,
    scrollToRow: (row) => virtualizer.scrollToIndex(row),
    onPoint,
  });

  return (
    // Offsets get as many digits as the largest one needs, so rows never wrap or jitter.
    <div
      className={`hex hex--${perRow}`}
      data-per-row={perRow}
      style={
        {
          '--offset-width': `${offsetDigits}ch`,
          '--per-row': perRow,
          '--row-height': `${rowHeight}px`,
        } as CSSProperties
      }
    >
      <div ref={scrollRef} className="hex__scroll" onScroll={onScroll}>
        <table
          className="hex__table"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: <table role="grid"> is the ARIA pattern for a data grid with an active cell.
          role="grid"
          aria-readonly="true"
          aria-label={props.label}
          aria-activedescendant={active === null ? undefined : `${idPrefix}-${active}`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => active === null && moveTo(focusOffset ?? log.start)}
          onMouseOver={pointAt}
          onMouseLeave={() => onPoint(active)}
        >
          <thead className="hex__head">
            <tr className="hex-row hex-row--head">
              <th scope="col" className="hex-row__offset">
                {t('inspector.columns.offset')}
              </th>
              <th scope="col" className="hex-row__hex-title">
                {t('inspector.columns.hex')}
              </th>
              <th scope="col" className="hex-row__ascii">
                {t('inspector.columns.ascii')}
              </th>
            </tr>
          </thead>
          <tbody className="hex__rows" style={inView.style}>
            {inView.items.map((item) => (
              <HexRow
                key={item.key}
                rowOffset={firstRowOffset(log, perRow) + item.index * perRow}
                perRow={perRow}
                cells={layoutRow(log, item.index, perRow)}
                idPrefix={idPrefix}
                focusSeq={focusSeq}
                active={active}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
