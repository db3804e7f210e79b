import { useSyncExternalStore } from 'react';
import { presentation } from './presentation.ts';

/**
 * How the workspace is laid out for the window it has, in CSS pixels (so browser zoom counts):
 * - `wide`: forms | sockets | log over inspector, from 1280 px;
 * - `split`: forms over sockets | log over inspector, from 900 px (and always when presenting);
 * - `column`: one column that scrolls as a page, below 900 px (phones, 200 % zoom).
 */
export type LayoutMode = 'wide' | 'split' | 'column';

export const SPLIT_MIN_PX = 900;
export const WIDE_MIN_PX = 1280;

export function layoutFor(width: number, presenting: boolean): LayoutMode {
  if (width < SPLIT_MIN_PX) return 'column';
  return width >= WIDE_MIN_PX && !presenting ? 'wide' : 'split';
}

function subscribe(listener: () => void): () => void {
  const stop = presentation.subscribe(listener);
  if (typeof window === 'undefined') return stop;
  window.addEventListener('resize', listener);
  return () => {
    stop();
    window.removeEventListener('resize', listener);
  };
}

// Component tests have no layout: they get the wide page.
const width = () => (typeof window === 'undefined' || !window.innerWidth ? WIDE_MIN_PX : window.innerWidth);
const mode = () => layoutFor(width(), presentation.get());

/** Re-renders only when the mode changes, not on every pixel of a resize. */
export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(subscribe, mode, mode);
}
