import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useByteCursor } from '../../ui/useByteCursor.ts';
import { virtualRows } from '../../ui/virtualRows.ts';
import { RibbonRow } from './RibbonRow.tsx';
import { layoutRibbonRow, type RibbonCell, type RibbonSource } from './ribbonModel.ts';

const ROW_HEIGHT = 34;
const CELL_WIDTH = 26;
const OFFSET_WIDTH = 72;

/**
 * The cells of a row, reused from the last render while the stream, the row width and the frame
 * marks are the same: a row that stays in view while the ribbon scrolls keeps the same cells, so
 * its memoised RibbonRow is not rendered again. Only the rows asked for in a render are kept.
 */
function useRowCells(source: RibbonSource, frameStarts: ReadonlySet<number>, perRow: number) {
  const last = useRef<{ key: readonly unknown[]; rows: Map<number, RibbonCell[]> } | null>(null);
  const key = [source, frameStarts, perRow] as const;
  const previous = last.current?.key.every((k, i) => k === key[i]) ? last.current.rows : undefined;
  const rows = new Map<number, RibbonCell[]>();
  last.current = { key, rows };
  return (rowOffset: number): RibbonCell[] => {
    const cells = previous?.get(rowOffset) ?? layoutRibbonRow(source, rowOffset, rowOffset + perRow, frameStarts);
    rows.set(rowOffset, cells);
    return cells;
  };
}

/**
 * The ribbon itself, virtualized by row so a megabyte stream renders only what is on screen. The
 * row width follows the panel, in multiples of 8 bytes so offsets stay round. One Tab stop: arrow
 * keys move a cursor byte, whose details go to `onPoint` like the pointed byte's.
 */
export function RibbonGrid(props: {
  source: RibbonSource;
  frameStarts: ReadonlySet<number>;
  label: string;
  onPoint(offset: number | null): void;
}) {
  const { source, frameStarts, onPoint } = props;
  const { shown } = source;
  const idPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [perRow, setPerRow] = useState(16);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      const fit = Math.floor((el.clientWidth - OFFSET_WIDTH - 16) / CELL_WIDTH);
      setPerRow(Math.max(8, Math.floor(fit / 8) * 8));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const firstRow = Math.floor(shown.start / perRow) * perRow;
  const rows = shown.end > shown.start ? Math.ceil((shown.end - firstRow) / perRow) : 0;
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const inView = virtualRows(virtualizer);
  const cellsOf = useRowCells(source, frameStarts, perRow);

  // New bytes scroll into view while the learner is looking at the newest ones.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && following.current && rows > 0) virtualizer.scrollToIndex(rows - 1, { align: 'end' });
  }, [rows, virtualizer]);

  const { active, moveTo, onKeyDown, pointAt, onScroll } = useByteCursor({
    start: shown.start,
    end: shown.end,
    perRow,
    home: shown.start,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    following,
    scrollToRow: (row) => virtualizer.scrollToIndex(row),
    onPoint,
  });

  return (
    <div ref={scrollRef} className="ribbon__scroll" onScroll={onScroll} data-testid="ribbon">
      <table
        className="ribbon__rows"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: <table role="grid"> is the ARIA pattern for a data grid with an active cell.
        role="grid"
        aria-readonly="true"
        aria-label={props.label}
        style={{ '--row-height': `${ROW_HEIGHT}px` } as CSSProperties}
        aria-activedescendant={active === null ? undefined : `${idPrefix}-${active}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => active === null && shown.end > shown.start && moveTo(shown.start)}
        onMouseOver={pointAt}
        onMouseLeave={() => onPoint(active)}
      >
        <tbody style={inView.style}>
          {inView.items.map((item) => {
            const rowOffset = firstRow + item.index * perRow;
            return (
              <RibbonRow
                key={item.key}
                rowOffset={rowOffset}
                cells={cellsOf(rowOffset)}
                idPrefix={idPrefix}
                active={active}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
