import { type RefObject, useLayoutEffect, useState } from 'react';
import { type RowWidth, rowWidthFor } from './hexLayout.ts';

/**
 * 16 bytes a row when the dump's box has room for them in its font, else 8: measured from the box
 * and the width of one digit, again whenever the box is resized (a pane dragged, presentation type).
 */
export function useRowWidth(box: RefObject<HTMLElement | null>, offsetDigits: number): RowWidth {
  const [perRow, setPerRow] = useState<RowWidth>(16);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const probe = document.createElement('span');
    probe.textContent = '0000000000';
    probe.style.cssText = 'position:absolute;top:0;left:0;visibility:hidden;white-space:pre';
    el.append(probe);
    const measure = () => {
      const ch = probe.getBoundingClientRect().width / 10;
      // The gap between bytes, in ch (the dump's styles narrow it in a narrow pane).
      const gap = Number.parseFloat(getComputedStyle(el).getPropertyValue('--cell-gap')) || 1;
      // Nothing laid out (a hidden tab, a test without layout): keep the full row.
      if (ch > 0 && el.clientWidth > 0) setPerRow(rowWidthFor(el.clientWidth, ch, offsetDigits, gap));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      probe.remove();
    };
  }, [box, offsetDigits]);
  return perRow;
}
