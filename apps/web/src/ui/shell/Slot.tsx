import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

/**
 * Content that keeps its state (typed text, open tabs, scroll-following) while the layout around
 * it changes shape: each piece renders once into a node of its own, and whichever layout is on
 * screen puts that node in a `Slot`. Crossing a breakpoint (a zoom, a resized window) then moves
 * the pieces instead of mounting them anew.
 */
export function useMovable<K extends string>(
  content: Record<K, ReactNode>,
  className: string,
): { nodes: Record<K, HTMLElement>; portals: ReactNode[] } {
  const [nodes] = useState(() => {
    const made = {} as Record<K, HTMLElement>;
    for (const key of Object.keys(content) as K[]) {
      const node = document.createElement('div');
      node.className = `${className} ${className}--${key}`;
      made[key] = node;
    }
    return made;
  });
  const portals = (Object.keys(content) as K[]).map((key) => createPortal(content[key], nodes[key], key));
  return { nodes, portals };
}

/** The element that had focus inside a piece when its slot went away, to give it back in the next. */
const focusedWhenMoved = new WeakMap<HTMLElement, HTMLElement>();

/** Where a layout shows one movable piece. Render the portals after the layout, so the slot is there first. */
export function Slot({ node, className }: { node: HTMLElement; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    host.append(node);
    focusedWhenMoved.get(node)?.focus({ preventScroll: true });
    focusedWhenMoved.delete(node);
    return () => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && node.contains(active)) focusedWhenMoved.set(node, active);
      if (node.parentNode === host) node.remove();
    };
  }, [node]);
  return <div ref={ref} className={className ?? 'slot'} />;
}
