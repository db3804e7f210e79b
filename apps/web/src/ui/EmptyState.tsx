import type { ReactNode } from 'react';

/** What an empty area says: what this place is for and what to do to fill it. */
export function EmptyState(props: { title?: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      {props.title && <p className="empty-state__title">{props.title}</p>}
      <p className="empty-state__body">{props.children}</p>
    </div>
  );
}
