import { LinkType } from '../pcap/format.ts';

export type NetworkProtocol = 'IPv4' | 'IPv6' | 'other';

/** Where the IP packet starts in a captured frame, and which IP it is. */
export interface LinkPayload {
  network: NetworkProtocol;
  offset: number;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8];
/** AF_INET6 differs per system: Linux 10, FreeBSD 28, macOS 30, OpenBSD and NetBSD 24. */
const AF_INET = 2;
const AF_INET6 = new Set([10, 24, 28, 30]);

const byEthertype = (type: number): NetworkProtocol =>
  type === ETHERTYPE_IPV4 ? 'IPv4' : type === ETHERTYPE_IPV6 ? 'IPv6' : 'other';

const byFamily = (family: number): NetworkProtocol =>
  family === AF_INET ? 'IPv4' : AF_INET6.has(family) ? 'IPv6' : 'other';

const byVersion = (frame: Uint8Array, offset: number): NetworkProtocol => {
  const version = (frame[offset] ?? 0) >> 4;
  return version === 4 ? 'IPv4' : version === 6 ? 'IPv6' : 'other';
};

/**
 * Skips the link-layer header of one frame. `bigEndianFile` matters for BSD null only, whose
 * family is in the byte order of the host that wrote the file. Returns undefined when the frame is
 * too short for its header or the link type is not one this package reads.
 */
export function linkPayload(linkType: number, frame: Uint8Array, bigEndianFile: boolean): LinkPayload | undefined {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const length = frame.byteLength;
  switch (linkType) {
    case LinkType.NULL:
      return length >= 4 ? { network: byFamily(view.getUint32(0, !bigEndianFile)), offset: 4 } : undefined;
    case LinkType.LOOP:
      return length >= 4 ? { network: byFamily(view.getUint32(0, false)), offset: 4 } : undefined;
    case LinkType.ETHERNET: {
      if (length < 14) return undefined;
      let offset = 12;
      let type = view.getUint16(offset);
      // 802.1Q / 802.1ad tags, possibly stacked.
      while (ETHERTYPE_VLAN.includes(type) && length >= offset + 6) {
        offset += 4;
        type = view.getUint16(offset);
      }
      return { network: byEthertype(type), offset: offset + 2 };
    }
    case LinkType.LINUX_SLL:
      return length >= 16 ? { network: byEthertype(view.getUint16(14)), offset: 16 } : undefined;
    case LinkType.LINUX_SLL2:
      return length >= 20 ? { network: byEthertype(view.getUint16(0)), offset: 20 } : undefined;
    case LinkType.RAW:
      return length >= 1 ? { network: byVersion(frame, 0), offset: 0 } : undefined;
    case LinkType.IPV4:
      return { network: 'IPv4', offset: 0 };
    case LinkType.IPV6:
      return { network: 'IPv6', offset: 0 };
    default:
      return undefined;
  }
}

/** Whether `linkType` is one `linkPayload` reads. */
export function isSupportedLinkType(linkType: number): boolean {
  return (Object.values(LinkType) as number[]).includes(linkType);
}
