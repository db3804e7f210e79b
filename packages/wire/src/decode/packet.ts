import { decodeIp, IPPROTO_TCP, IPPROTO_UDP } from './ip.ts';
import { linkPayload } from './link.ts';
import { decodeTcp, type TcpHeader } from './tcp.ts';
import { decodeUdp, type UdpHeader } from './udp.ts';

interface PacketBase {
  family: 'IPv4' | 'IPv6';
  src: string;
  dst: string;
}

export type DecodedPacket =
  | (PacketBase & { protocol: 'tcp'; tcp: TcpHeader })
  | (PacketBase & { protocol: 'udp'; udp: UdpHeader });

/**
 * One captured frame as TCP or UDP over IPv4 or IPv6; undefined for anything else (ARP, ICMP,
 * later fragments, frames cut before the transport header).
 */
export function decodePacket(linkType: number, frame: Uint8Array, bigEndianFile = false): DecodedPacket | undefined {
  const link = linkPayload(linkType, frame, bigEndianFile);
  if (!link) return undefined;
  const ip = decodeIp(link.network, frame, link.offset);
  if (!ip || ip.laterFragment) return undefined;
  // Object literals, not spreads: a flood decodes every packet.
  const { family, src, dst } = ip;
  if (ip.protocol === IPPROTO_TCP) {
    const tcp = decodeTcp(frame, ip.transportOffset, ip.transportLength);
    return tcp && { family, src, dst, protocol: 'tcp', tcp };
  }
  if (ip.protocol === IPPROTO_UDP) {
    const udp = decodeUdp(frame, ip.transportOffset, ip.transportLength);
    return udp && { family, src, dst, protocol: 'udp', udp };
  }
  return undefined;
}
