import type { TFunction } from 'i18next';
import type { LoggedEvent } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { describeCall, hintText } from '../trace/describeCall.ts';

/** Characters of a call's arguments the log's event column shows. */
const LOG_ARGS = 20;

/** How a row looks: receive and send have their own colours, as do FIN, RST, errors, hints and lifecycle. */
export type Tone = 'recv' | 'send' | 'fin' | 'rst' | 'error' | 'hint' | 'life';

export function toneOf(event: LoggedEvent): Tone {
  switch (event.type) {
    case 'hint':
      return 'hint';
    case 'call':
      return event.call.raised ? 'error' : 'life';
    case 'recv':
    case 'datagram-in':
      return 'recv';
    case 'send':
    case 'datagram-out':
      return 'send';
    case 'fin-sent':
    case 'fin-received':
      return 'fin';
    case 'reset-sent':
      return 'rst';
    case 'error':
      return 'error';
    case 'closed':
      return event.hadError ? 'error' : 'life';
    default:
      return 'life';
  }
}

/**
 * The "event" column: what happened, with ← for bytes in and → for bytes out. A datagram's peer
 * comes apart (`peer`), for the data column: the event column must never be cut, the data may be.
 */
export function describeEvent(t: TFunction, event: LoggedEvent): { main: string; peer?: string } {
  if (event.type === 'hint') {
    const hint = hintText(t, event.hint);
    return { main: `${t('trace.hints.title')}${hint.at ? ` (${hint.at})` : ''}: ${hint.short}` };
  }
  // A traced program's event reads as the call it was: "line 14: recv(1024) → 16 bytes". Its bytes
  // are in the data column already, so long arguments are cut here rather than widen every row.
  if (event.call) return { main: describeCall(t, { ...event, call: event.call }, LOG_ARGS) };
  if (event.type === 'datagram-in') {
    return {
      main: t('events.datagram-in', { no: event.readNo }),
      peer: t('events.from', { address: formatEndpoint(event.from) }),
    };
  }
  if (event.type === 'datagram-out') {
    return {
      main: t('events.datagram-out', { no: event.writeNo }),
      peer: t('events.to', { address: formatEndpoint(event.to) }),
    };
  }
  return { main: describeOther(t, event) };
}

function describeOther(t: TFunction, event: LoggedEvent): string {
  switch (event.type) {
    case 'state':
      return t('events.state', { state: t(`states.${event.state}.label`) });
    case 'listening':
      // A UDP socket never listen()s: bind() gave it its address.
      return t(event.kind === 'udp' ? 'events.bound' : 'events.listening', { local: formatEndpoint(event.local) });
    case 'accept':
      return t('events.accept', { conn: event.connId, remote: formatEndpoint(event.remote) });
    case 'queued':
      return t('events.queued', { conn: event.connId, remote: formatEndpoint(event.remote), position: event.position });
    case 'connected':
      return t('events.connected', { local: formatEndpoint(event.local), remote: formatEndpoint(event.remote) });
    case 'recv':
      return t('events.recv', { no: event.readNo });
    case 'send':
      return t('events.send', { no: event.writeNo });
    case 'recv-size':
      return t('events.recv-size', { size: event.recvSize });
    case 'no-delay':
      return t(event.noDelay ? 'events.no-delay.on' : 'events.no-delay.off');
    case 'reading':
      return t(event.paused ? 'events.reading.paused' : 'events.reading.resumed');
    case 'error':
      return t('events.error', { code: event.error.code });
    case 'closed':
      return event.hadError ? t('events.closedAfterError') : t('events.closed');
    default:
      return t(`events.${event.type}`);
  }
}
