import type { ReactNode } from 'react';

/**
 * The body of a panel that scrolls on its own. It takes keyboard focus (a Tab stop, arrow keys
 * scroll it) so that what is below its fold is reachable without a mouse even when it holds
 * nothing focusable, such as a chart or a table of numbers.
 */
export function ScrollBody(props: { className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <div className={`panel__body${props.className ? ` ${props.className}` : ''}`} tabIndex={0}>
      {props.children}
    </div>
  );
}
