import { useSyncExternalStore } from 'react';
import { presentation } from './shell/presentation.ts';

/** Pixels in one rem right now: 16 usually, 22 to 28 when presenting (it follows the window's width). */
function remPx(): number {
  if (typeof document === 'undefined') return 16;
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
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

/**
 * A length in rem as whole pixels, for the virtualized lists whose row height must be a number:
 * their rows grow with the type in presentation mode instead of squeezing it.
 */
export function useRemPx(rem: number): number {
  return Math.round(rem * useSyncExternalStore(subscribe, remPx, () => 16));
}
