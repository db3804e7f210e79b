import type { WireSegment } from '@playground/protocol';
import type { TFunction } from 'i18next';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { Direction, PlaygroundData } from '../../store/state.ts';
import { useFollowingRows } from '../../ui/useFollowingRows.ts';
import { useRemPx } from '../../ui/useRemPx.ts';
import { useTimeReference } from '../log/TimeOriginPicker.tsx';
import { timeLabel } from '../log/timeLabels.ts';
import '../../ui/rowButton.css';
import type { EventRef } from '../../store/wireLinks.ts';
import { callText, flagsText, segmentNotes, segmentRole, windowText } from './describeSegment.ts';
import type { WireRow } from './timeline.ts';

const COLUMNS = ['n', 'time', 'who', 'flags', 'seq', 'ack', 'len', 'win', 'notes'] as const;
const HINTED = new Set(['seq', 'ack', 'len', 'win']);
const DIRECTION: Record<string, Direction> = {
  send: 'sent',
  'datagram-out': 'sent',
  recv: 'received',
  'datagram-in': 'received',
};

/** "client s2", or the port of an end outside the session. */
export function endName(
  t: TFunction,
  sockets: PlaygroundData['sockets'],
  epoch: number,
  id: string | undefined,
  port: number,
): string {
  const entry = id === undefined ? undefined : sockets[`${epoch}:${id}`];
  return entry ? t('sockets.label', { kind: t(`sockets.short.${entry.info.kind}`), id }) : t('wire.port', { port });
}

/** The segments and the calls between them, virtualized, newest in view unless the learner scrolled up. */
export function WireTable(props: {
  rows: WireRow[];
  /** Segments linked to the read or write selected in the log. */
  linkedSegments: ReadonlySet<string>;
  /** Calls linked to the picked segment. */
  linkedCalls: ReadonlySet<EventRef>;
}) {
  const { t } = useTranslation();
  const sockets = usePlayground((s) => s.sockets);
  const picked = usePlayground((s) => s.wire.selected);
  const selectSegment = usePlayground((s) => s.selectSegment);
  const select = usePlayground((s) => s.select);
  const selection = usePlayground((s) => s.selection);
  const { rows } = props;
  // Rows are a fixed height for the virtualizer, in rem so that they grow with presentation type.
  const rowHeight = useRemPx(2);
  const { scrollRef, shown, following, setFollowing, onScroll } = useFollowingRows(rows.length, rowHeight, rows);
  // The same origin of times as the event log (the session's start, the connection's, the row above).
  const { origin, connectionStart } = useTimeReference();
  const timeOf = (index: number, t: number) => {
    const above = rows[index - 1];
    const previous = above === undefined ? null : above.kind === 'segment' ? above.entry.segment.t : above.log.event.t;
    return timeLabel(origin, t, origin === 'previous' ? previous : connectionStart);
  };

  const segmentRow = (row: Extract<WireRow, { kind: 'segment' }>, index: number) => {
    const { segment: s, epoch } = row.entry;
    const tcp = s.tcp;
    const role = tcp ? segmentRole(tcp.flags, s.length) : 'udp';
    const isPicked = picked === row.id;
    const linked = props.linkedSegments.has(row.id);
    const notes = segmentNotes(t, s).join(' · ');
    return (
      <tr
        key={row.id}
        aria-rowindex={index + 2}
        aria-selected={isPicked}
        className={`wire-row wire-row--${role}${linked ? ' is-linked' : ''}${isPicked ? ' is-picked' : ''}${tcp?.zeroWindow ? ' is-zero-window' : ''}`}
        data-testid="wire-segment"
        data-n={s.n}
        data-role={role}
        data-flags={tcp?.flags.join(',') ?? 'UDP'}
        data-len={s.length}
        data-from={s.from}
        data-to={s.to}
        data-linked={linked || undefined}
      >
        <td className="wire-row__n num">{s.n}</td>
        <td className="wire-row__time num">{timeOf(index, s.t)}</td>
        <td className="wire-row__who" title={`${s.src.address}:${s.src.port} → ${s.dst.address}:${s.dst.port}`}>
          {whoText(t, sockets, epoch, s)}
        </td>
        <td className="wire-row__flags">
          <button
            type="button"
            className="row-button"
            aria-pressed={isPicked}
            onClick={() => selectSegment(isPicked ? null : row.id)}
          >
            {flagsText(s)}
          </button>
        </td>
        <td className="num mono">{tcp ? tcp.seq : ''}</td>
        <td className="num mono">{tcp?.ack ?? ''}</td>
        <td className="num mono">{s.length}</td>
        <td className={`num mono${tcp?.zeroWindow ? ' wire-row__zero' : ''}`}>{windowText(s)}</td>
        <td className="wire-row__notes" title={notes}>
          {notes}
        </td>
      </tr>
    );
  };

  const callRow = (row: Extract<WireRow, { kind: 'call' }>, index: number) => {
    const { event, key } = row.log;
    const entry = sockets[key];
    const who = entry
      ? t('sockets.label', { kind: t(`sockets.short.${entry.info.kind}`), id: event.socketId })
      : event.socketId;
    const direction = DIRECTION[event.type];
    const linked = props.linkedCalls.has(row.id as EventRef);
    const selected = selection.key === key && selection.pieceSeq === event.seq;
    const text = callText(t, event);
    return (
      <tr
        key={row.id}
        aria-rowindex={index + 2}
        className={`wire-row wire-row--call${linked ? ' is-linked' : ''}${selected ? ' is-picked' : ''}`}
        data-testid="wire-call"
        data-type={event.type}
        data-socket-id={event.socketId}
        data-linked={linked || undefined}
      >
        <td />
        <td className="wire-row__time num">{timeOf(index, event.t)}</td>
        <td className="wire-row__who">{who}</td>
        <td colSpan={6} className="wire-row__call">
          {direction ? (
            <button
              type="button"
              className="row-button"
              aria-pressed={selected}
              onClick={() => {
                selectSegment(null);
                select(key, { direction, seq: event.seq });
              }}
            >
              {text}
            </button>
          ) : (
            text
          )}
        </td>
      </tr>
    );
  };

  return (
    <div className="wire__frame">
      <div ref={scrollRef} className="wire__scroll" onScroll={onScroll}>
        <table
          className="wire__table"
          aria-label={t('wire.tableLabel')}
          aria-rowcount={rows.length + 1}
          data-testid="wire-table"
          style={{ '--row-height': `${rowHeight}px` } as CSSProperties}
        >
          <thead>
            <tr className="wire-row wire-row--head" aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={`wire-row__${c}`}
                  title={HINTED.has(c) ? t(`wire.columnHints.${c as 'seq' | 'ack' | 'len' | 'win'}`) : undefined}
                >
                  {t(`wire.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody style={shown.style}>
            {shown.items.map((item) => {
              const row = rows[item.index] as WireRow;
              return row.kind === 'segment' ? segmentRow(row, item.index) : callRow(row, item.index);
            })}
          </tbody>
        </table>
      </div>
      {!following && rows.length > 0 && (
        <button type="button" className="button button--small wire__jump" onClick={() => setFollowing(true)}>
          {t('log.jumpToLatest')}
        </button>
      )}
    </div>
  );
}

function whoText(t: TFunction, sockets: PlaygroundData['sockets'], epoch: number, s: WireSegment): string {
  return `${endName(t, sockets, epoch, s.from, s.src.port)} → ${endName(t, sockets, epoch, s.to, s.dst.port)}`;
}
