import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import { useState } from 'react';
import { keyTarget, offsetUnderPointer } from './byteGridKeys.ts';

/**
 * The cursor of a virtualized byte grid (the hex dump, the ribbon), rows of `perRow` bytes starting
 * at a multiple of `perRow`: keys move it within [start, end) and scroll its row into view, the byte
 * under the pointer or the cursor goes to `onPoint`, and scrolling up from the bottom stops
 * following new bytes (`following`).
 */
export function useByteCursor(grid: {
  start: number;
  end: number;
  perRow: number;
  /** Where the keys start from while there is no cursor yet. */
  home: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  following: { current: boolean };
  scrollToRow(row: number): void;
  onPoint(offset: number | null): void;
}) {
  const [active, setActive] = useState<number | null>(null);
  const { start, end, perRow, onPoint } = grid;

  const moveTo = (offset: number) => {
    const next = Math.min(Math.max(offset, start), end - 1);
    setActive(next);
    onPoint(next);
    grid.scrollToRow(Math.floor((next - Math.floor(start / perRow) * perRow) / perRow));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = keyTarget(event.key, active ?? grid.home, start, end, perRow);
    if (target === undefined) return;
    moveTo(target);
    event.preventDefault();
  };

  const pointAt = (event: MouseEvent) => {
    const offset = offsetUnderPointer(event);
    if (offset !== undefined) onPoint(offset);
  };

  const onScroll = () => {
    const el = grid.scrollRef.current;
    if (el) grid.following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - grid.rowHeight;
  };

  return { active, moveTo, onKeyDown, pointAt, onScroll };
}
