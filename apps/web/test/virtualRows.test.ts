import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, it } from 'vitest';
import { virtualRows } from '../src/ui/virtualRows.ts';

const ROW = 32;

/** Just what virtualRows reads of a virtualizer: rows `first`.. of `count`, below a header `margin` tall. */
function inView(first: number, shown: number, count: number, margin: number) {
  const items: VirtualItem[] = Array.from({ length: shown }, (_, i) => {
    const index = first + i;
    const start = margin + index * ROW;
    return { key: index, index, start, end: start + ROW, size: ROW, lane: 0 };
  });
  return { getVirtualItems: () => items, getTotalSize: () => count * ROW } as unknown as Virtualizer<
    HTMLDivElement,
    Element
  >;
}

describe('virtual rows in normal flow', () => {
  it('pads the body by the rows above the window, not counting the header above the body', () => {
    const { items, style } = virtualRows(inView(10, 5, 100, ROW), ROW);
    expect(items.map((item) => item.index)).toEqual([10, 11, 12, 13, 14]);
    expect(style).toEqual({ height: 100 * ROW, paddingTop: 10 * ROW });
  });

  it('has no padding at the top of the list or when it is empty', () => {
    expect(virtualRows(inView(0, 5, 100, 0)).style).toEqual({ height: 100 * ROW, paddingTop: 0 });
    expect(virtualRows(inView(0, 0, 0, 0)).style).toEqual({ height: 0, paddingTop: 0 });
  });
});
