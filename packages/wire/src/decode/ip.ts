import { ipv4Text, ipv6Text } from './address-text.ts';
import type { NetworkProtocol } from './link.ts';

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

export interface IpPacket {
  family: 'IPv4' | 'IPv6';
  src: string;
  dst: string;
  /** The transport protocol number (6 TCP, 17 UDP) after any IPv6 extension headers. */
  protocol: number;
  /** Where the transport header starts in the frame. */
  transportOffset: number;
  /** The transport header and payload's length on the wire, from the IP header (not the captured length). */
  transportLength: number;
  /** A fragment after the first: no transport header of its own. */
  laterFragment: boolean;
}

/** IPv6 extension headers that are skipped to reach TCP or UDP. */
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const DESTINATION_OPTIONS = 60;

/** Reads the IP header at `offset`; undefined when the captured bytes are too short or not IP. */
export function decodeIp(network: NetworkProtocol, frame: Uint8Array, offset: number): IpPacket | undefined {
  if (network === 'IPv4') return decodeIpv4(frame, offset);
  if (network === 'IPv6') return decodeIpv6(frame, offset);
  return undefined;
}

function decodeIpv4(frame: Uint8Array, offset: number): IpPacket | undefined {
  if (frame.byteLength < offset + 20 || (frame[offset] ?? 0) >> 4 !== 4) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = ((frame[offset] ?? 0) & 0x0f) * 4;
  let total = view.getUint16(offset + 2);
  // Segmentation offload: a packet the kernel has not cut yet may say 0 (Linux on loopback can).
  if (total === 0) total = frame.byteLength - offset;
  const fragmentOffset = view.getUint16(offset + 6) & 0x1fff;
  return {
    family: 'IPv4',
    src: ipv4Text(frame, offset + 12),
    dst: ipv4Text(frame, offset + 16),
    protocol: frame[offset + 9] ?? 0,
    transportOffset: offset + headerLength,
    transportLength: Math.max(0, total - headerLength),
    laterFragment: fragmentOffset !== 0,
  };
}

function decodeIpv6(frame: Uint8Array, offset: number): IpPacket | undefined {
  if (frame.byteLength < offset + 40 || (frame[offset] ?? 0) >> 4 !== 6) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  let remaining = view.getUint16(offset + 4);
  let next = frame[offset + 6] ?? 0;
  let at = offset + 40;
  let laterFragment = false;
  // Bounded: each extension header is at least 8 bytes of the captured frame.
  while (next === HOP_BY_HOP || next === ROUTING || next === DESTINATION_OPTIONS || next === FRAGMENT) {
    if (frame.byteLength < at + 8) return undefined;
    const length = next === FRAGMENT ? 8 : ((frame[at + 1] ?? 0) + 1) * 8;
    if (next === FRAGMENT) laterFragment = (view.getUint16(at + 2) & 0xfff8) !== 0;
    next = frame[at] ?? 0;
    at += length;
    remaining -= length;
  }
  return {
    family: 'IPv6',
    src: ipv6Text(frame, offset + 8),
    dst: ipv6Text(frame, offset + 24),
    protocol: next,
    transportOffset: at,
    transportLength: Math.max(0, remaining),
    laterFragment,
  };
}
