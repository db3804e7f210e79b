import { TcpFlag } from '../decode/tcp.ts';

export type TcpFlagName = keyof typeof TcpFlag;
const ORDER: TcpFlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];

/** The flags set in a flags byte, in the order textbooks write them (SYN, FIN, RST, PSH, ACK, …). */
export function flagNames(flags: number): TcpFlagName[] {
  return ORDER.filter((name) => (flags & TcpFlag[name]) !== 0);
}

/**
 * What a segment is, in the words of a sequence diagram: the handshake's SYN and SYN-ACK, RST,
 * FIN, data (with or without ACK), or a bare ACK.
 */
export type SegmentRole = 'syn' | 'syn-ack' | 'rst' | 'fin' | 'data' | 'ack' | 'other';

export function segmentRole(flags: readonly string[], length: number): SegmentRole {
  const has = (f: TcpFlagName) => flags.includes(f);
  if (has('SYN')) return has('ACK') ? 'syn-ack' : 'syn';
  if (has('RST')) return 'rst';
  if (has('FIN')) return 'fin';
  if (length > 0) return 'data';
  if (has('ACK')) return 'ack';
  return 'other';
}
