import { type CSSProperties, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { useEventsOfPickedSegment } from '../../bridge/useWireLinks.ts';
import { logAt, logSize } from '../../store/appendLog.ts';
import type { LogEntry } from '../../store/state.ts';
import { eventRef } from '../../store/wireLinks.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFollowingRows } from '../../ui/useFollowingRows.ts';
import { useRemPx } from '../../ui/useRemPx.ts';
import { EventRow, type RowContext } from './EventRow.tsx';
import { filteredAt, filteredCount, filterLog, type LogFilter } from './filterLog.ts';
import { TimeOriginPicker, useTimeReference } from './TimeOriginPicker.tsx';
import { timeLabel } from './timeLabels.ts';
import './log.css';

/** `titleHidden`: inside the views, whose tab already says "Event log", the title is for screen readers only. */
export function EventLog(props: { titleHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  // Rows are a fixed height for the virtualizer, in rem so that they grow with presentation type.
  const rowHeight = useRemPx(2);
  const id = useId();
  const log = usePlayground((s) => s.log);
  const folded = usePlayground((s) => s.folded);
  const selection = usePlayground((s) => s.selection);
  const selectedKey = selection.key;
  const epoch = usePlayground((s) => s.epoch);
  const select = usePlayground((s) => s.select);
  const context = useMemo<RowContext>(() => ({ t, i18n, rowHint: t('log.rowHint'), select }), [t, i18n, select]);
  // The reads and writes whose bytes the segment picked in the wire view carried.
  const linked = useEventsOfPickedSegment();
  const [onlySelected, setOnlySelected] = useState(false);
  const filterCache = useRef<LogFilter | null>(null);
  const { origin, connectionStart } = useTimeReference();

  const filtering = onlySelected && selectedKey !== null;
  const rows = useMemo(() => {
    if (!filtering) return { count: logSize(log), at: (i: number) => logAt(log, i) };
    const filter = filterLog(filterCache.current, log, selectedKey);
    filterCache.current = filter;
    return { count: filteredCount(filter), at: (i: number) => filteredAt(filter, i) };
  }, [log, filtering, selectedKey]);
  const timeOf = (index: number, entry: LogEntry) =>
    timeLabel(origin, entry.event.t, origin === 'previous' ? (rows.at(index - 1)?.event.t ?? null) : connectionStart);

  const { scrollRef, shown, following, setFollowing, onScroll } = useFollowingRows(rows.count, rowHeight, rows);

  return (
    <section className="panel log" aria-labelledby={`${id}-title`} data-testid="event-log">
      <div className="panel__header log__bar">
        <h2 id={`${id}-title`} className={props.titleHidden ? 'visually-hidden' : undefined}>
          {t('log.title')}
        </h2>
        <span className="log__count">{t('log.count', { count: rows.count })}</span>
        {folded > 0 && (
          <span className="tag tag--warn" title={t('log.foldedHint')} data-testid="folded">
            {t('log.folded', { count: folded })}
          </span>
        )}
        <TimeOriginPicker />
        <label className="toggle">
          <input
            type="checkbox"
            checked={onlySelected}
            disabled={selectedKey === null}
            onChange={(e) => setOnlySelected(e.target.checked)}
          />
          {t('log.onlySelected')}
        </label>
      </div>
      <div className="log__frame">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls both ways; the keyboard must reach it even before it has rows to focus. */}
        <div ref={scrollRef} className="log__scroll" onScroll={onScroll} tabIndex={0}>
          <table
            className="log__table"
            aria-labelledby={`${id}-title`}
            aria-rowcount={rows.count + 1}
            style={{ '--row-height': `${rowHeight}px` } as CSSProperties}
          >
            <thead>
              <tr className="log-row log-row--head" aria-rowindex={1}>
                {(['time', 'socket', 'event', 'length', 'preview'] as const).map((c) => (
                  <th key={c} scope="col" className={`log-row__${c}`}>
                    {c === 'time' ? t(`log.timeHeads.${origin}`) : t(`log.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="log__rows" style={shown.style}>
              {shown.items.map((item) => {
                const entry = rows.at(item.index) as LogEntry;
                const { event } = entry;
                return (
                  <EventRow
                    key={item.key}
                    index={item.index}
                    entry={entry}
                    time={timeOf(item.index, entry)}
                    selected={selectedKey === entry.key && 'size' in event && selection.pieceSeq === event.seq}
                    linked={linked.size > 0 && linked.has(eventRef(entry.key, event.seq))}
                    earlierSession={!entry.key.startsWith(`${epoch}:`)}
                    context={context}
                  />
                );
              })}
            </tbody>
          </table>
          {rows.count === 0 && <EmptyState>{filtering ? t('log.noMatch') : t('log.empty')}</EmptyState>}
        </div>
        {!following && rows.count > 0 && (
          <button type="button" className="button button--small log__jump" onClick={() => setFollowing(true)}>
            {t('log.jumpToLatest')}
          </button>
        )}
      </div>
    </section>
  );
}
