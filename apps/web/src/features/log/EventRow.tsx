import type { i18n, TFunction } from 'i18next';
import { memo } from 'react';
import { usePlayground } from '../../bridge/context.tsx';
import { formatError } from '../../i18n/formatError.ts';
import type { LogEntry, LoggedEvent } from '../../store/state.ts';
import type { PlaygroundState } from '../../store/store.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import { callDetails, hintText } from '../trace/describeCall.ts';
import { describeEvent, toneOf } from './describeEvent.ts';
import '../../ui/rowButton.css';

const DIRECTION = { recv: 'received', 'datagram-in': 'received', send: 'sent', 'datagram-out': 'sent' } as const;

/** A datagram cut by recvfrom(N): how many bytes were lost, shown beside the event so it is never cut off. */
function lostNote(t: TFunction, event: LoggedEvent): string | null {
  return event.type === 'datagram-in' && event.lost > 0 ? t('events.lost', { count: event.lost }) : null;
}

/**
 * What every row shares, made once per render of the log: a row that is mounted for a frame of
 * scrolling then costs no translation hook or store subscription of its own beyond its socket's info.
 */
export interface RowContext {
  t: TFunction;
  i18n: i18n;
  rowHint: string;
  select: PlaygroundState['select'];
}

/** One event. Rows that carry bytes have a button (stretched over the row) that opens them in the inspector. */
export const EventRow = memo(function EventRow(props: {
  entry: LogEntry;
  index: number;
  /** As the chosen origin counts it (see timeLabels.ts). */
  time: string;
  selected: boolean;
  /** Its bytes travelled in the segment picked in the wire view. */
  linked: boolean;
  earlierSession: boolean;
  context: RowContext;
}) {
  const { t, i18n, select } = props.context;
  const { entry, selected, earlierSession } = props;
  const { event } = entry;
  const info = usePlayground((s) => s.sockets[entry.key]?.info);

  const direction = event.type in DIRECTION ? DIRECTION[event.type as keyof typeof DIRECTION] : null;
  const shown = info ?? { id: event.socketId, kind: event.kind, recvSize: 0 };
  // A traced program's rows say "client s3" in the program's colour; the tooltip names the program.
  const label = socketLabel(t, { info: shown });
  const short = shown.program ? socketLabel(t, { info: { ...shown, program: undefined } }) : label;
  const { main, peer } = describeEvent(t, event);
  const description = peer ? `${main} ${peer}` : main;
  const lost = lostNote(t, event);
  // A datagram's peer goes with its bytes: the event column keeps only what must never be cut.
  const detail =
    event.type === 'hint'
      ? hintText(t, event.hint).long
      : event.type === 'error'
        ? formatError(i18n, event.error)
        : [
            peer,
            entry.preview && `${entry.preview}${entry.previewCut ? '…' : ''}`,
            event.call && callDetails(t, event.call),
          ]
            .filter(Boolean)
            .join(' · ');

  // Lifecycle events have no bytes: their description may use the length and data columns too.
  const wide = !('size' in event) && !detail;
  return (
    <tr
      aria-rowindex={props.index + 2}
      aria-current={selected || undefined}
      className={`log-row log-row--${toneOf(event)}${earlierSession ? ' log-row--earlier' : ''}${props.linked ? ' is-linked' : ''}`}
      data-testid="event-row"
      data-type={event.type}
      data-socket-id={event.socketId}
      data-line={event.call?.line ?? (event.type === 'hint' ? event.hint.line : undefined)}
      data-size={'size' in event ? event.size : undefined}
      data-linked={props.linked || undefined}
    >
      <td className="log-row__time">{props.time}</td>
      <td className={`log-row__socket${shown.program ? ' log-row__socket--program' : ''}`} title={label}>
        {short}
      </td>
      <td
        className={`log-row__event${wide ? ' log-row__event--wide' : ''}`}
        colSpan={wide ? 3 : undefined}
        title={lost ? `${description} · ${lost}` : description}
      >
        {direction ? (
          <button
            type="button"
            className="row-button"
            title={props.context.rowHint}
            onClick={() => select(entry.key, { direction, seq: event.seq })}
          >
            {main}
          </button>
        ) : (
          <span>{main}</span>
        )}
        {lost && (
          <span className="log-row__lost" data-testid="lost">
            {lost}
          </span>
        )}
      </td>
      {!wide && <td className="log-row__length">{'size' in event ? event.size : ''}</td>}
      {!wide && (
        <td className="log-row__preview" title={detail}>
          {detail}
        </td>
      )}
    </tr>
  );
});
