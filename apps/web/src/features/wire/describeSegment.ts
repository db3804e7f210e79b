import type { WireSegment } from '@playground/protocol';
import { segmentRole } from '@playground/wire';
import type { TFunction } from 'i18next';
import type { LoggedEvent } from '../../store/state.ts';

export { segmentRole };

/** `SYN, ACK`, `PSH, ACK`… as a textbook writes them; a UDP datagram has none. */
export function flagsText(segment: WireSegment): string {
  return segment.tcp ? segment.tcp.flags.join(', ') : 'UDP';
}

/**
 * What stands out about a segment, in words: its handshake options, a retransmission, a zero
 * window… (timestamps ride on nearly every segment: the details say so, the row does not).
 */
export function segmentNotes(t: TFunction, segment: WireSegment): string[] {
  const tcp = segment.tcp;
  if (!tcp) return [t('wire.notes.datagram', { count: segment.length })];
  const notes: string[] = [];
  const { options } = tcp;
  if (options.mss !== undefined) notes.push(t('wire.notes.mss', { mss: options.mss }));
  if (options.wscale !== undefined) notes.push(t('wire.notes.wscale', { factor: 2 ** options.wscale }));
  if (options.sackPermitted) notes.push(t('wire.notes.sackPermitted'));
  if (options.sack) notes.push(t('wire.notes.sack', { blocks: options.sack.map(([l, r]) => `${l}–${r}`).join(', ') }));
  if (tcp.retransmission) notes.push(t('wire.notes.retransmission'));
  if (tcp.zeroWindow) notes.push(t('wire.notes.zeroWindow'));
  if (tcp.windowUpdate) notes.push(t('wire.notes.windowUpdate'));
  if (tcp.probe) notes.push(t('wire.notes.probe'));
  if (!tcp.seqFromSyn) notes.push(t('wire.notes.noSyn'));
  return notes;
}

/** The window as the receiver meant it: scaled bytes when the handshake said the scale, else the raw field. */
export function windowText(segment: WireSegment): string {
  const tcp = segment.tcp;
  if (!tcp) return '';
  return tcp.windowBytes === undefined ? String(tcp.window) : String(tcp.windowBytes);
}

/** A socket call between the segments, in the words of the socket API. */
export function callText(t: TFunction, event: LoggedEvent): string {
  switch (event.type) {
    case 'send':
      return t('wire.call.send', { no: event.writeNo, size: event.size });
    case 'recv':
      return t('wire.call.recv', { no: event.readNo, size: event.size });
    case 'datagram-out':
      return t('wire.call.datagramOut', { no: event.writeNo, size: event.size });
    case 'datagram-in':
      return event.lost > 0
        ? t('wire.call.datagramInLost', { no: event.readNo, size: event.size, lost: event.lost })
        : t('wire.call.datagramIn', { no: event.readNo, size: event.size });
    case 'reading':
      return t(event.paused ? 'wire.call.paused' : 'wire.call.resumed');
    case 'no-delay':
      return t(event.noDelay ? 'wire.call.nagleOff' : 'wire.call.nagleOn');
    case 'error':
      return t('wire.call.error', { code: event.error.code });
    default:
      return t(`wire.call.${CALL_KEYS[event.type] ?? 'other'}`);
  }
}

/** The calls whose words need no numbers. */
const CALL_KEYS: Partial<
  Record<LoggedEvent['type'], 'connected' | 'accept' | 'finSent' | 'finReceived' | 'resetSent'>
> = {
  connected: 'connected',
  accept: 'accept',
  'fin-sent': 'finSent',
  'fin-received': 'finReceived',
  'reset-sent': 'resetSent',
};
