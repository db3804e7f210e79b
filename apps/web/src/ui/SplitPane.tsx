import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import './splitPane.css';

/**
 * Panes the learner resizes by dragging the bar between them or, focused, with the arrow keys
 * (react-resizable-panels). The sizes are remembered per browser under `id`.
 */
export interface Pane {
  id: string;
  /** Percent of the group. */
  defaultSize: number;
  /** CSS length the pane never shrinks below (`"16rem"`), so its content stays usable. */
  minSize: string;
  children: ReactNode;
}

/** A missing storage (private mode, tests) just means nothing is remembered. */
function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function SplitPane(props: {
  id: string;
  orientation: 'horizontal' | 'vertical';
  panes: readonly Pane[];
  /** Accessible name of each bar, e.g. "Resize the log and the byte inspector". */
  separatorLabel(before: Pane, after: Pane): string;
  className?: string;
}) {
  const storage = browserStorage();
  // The library also uses these as the elements' ids and test ids: prefixed, they stay unique on the page.
  const paneId = (pane: Pane) => `${props.id}-${pane.id}`;
  const saved = useDefaultLayout({
    id: `split:${props.id}`,
    panelIds: props.panes.map(paneId),
    onlySaveAfterUserInteractions: true,
    ...(storage ? { storage } : {}),
  });
  return (
    <Group
      id={props.id}
      orientation={props.orientation}
      className={`split split--${props.orientation}${props.className ? ` ${props.className}` : ''}`}
      defaultLayout={saved.defaultLayout}
      onLayoutChanged={saved.onLayoutChanged}
    >
      {props.panes.flatMap((pane, i) => {
        const panel = (
          <Panel
            key={pane.id}
            id={paneId(pane)}
            defaultSize={`${pane.defaultSize}%`}
            minSize={pane.minSize}
            className="split__pane"
          >
            {pane.children}
          </Panel>
        );
        const before = props.panes[i - 1];
        if (!before) return [panel];
        return [
          <Separator key={`${pane.id}-bar`} className="split__bar" aria-label={props.separatorLabel(before, pane)} />,
          panel,
        ];
      })}
    </Group>
  );
}
