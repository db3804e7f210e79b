import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { virtualRows } from './virtualRows.ts';

/**
 * A virtualized table body under a sticky one-row header that keeps the newest row in view as
 * rows arrive, unless the learner scrolled up to read older ones (`following` false until they
 * scroll back down or press "jump to latest"). `rows` changes identity whenever rows change.
 */
export function useFollowingRows(count: number, rowHeight: number, rows: unknown) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The sticky column header (one row tall) sits above the first row inside the scroller.
    scrollMargin: rowHeight,
  });
  const shown = virtualRows(virtualizer, rowHeight);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `rows` is the trigger: new rows, new scroll.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el && count > 0) el.scrollTop = el.scrollHeight;
  }, [rows, following, count]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) setFollowing(el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight);
  };
  return { scrollRef, shown, following, setFollowing, onScroll };
}
