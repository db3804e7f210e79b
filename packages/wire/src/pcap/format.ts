/**
 * The classic libpcap file format (what `tcpdump -w` writes): a 24-byte file header, then per
 * packet a 16-byte record header and the captured bytes. See the pcap(5) format description.
 */

/** Microsecond timestamps; the bytes read 0xd4c3b2a1 when the file was written on a host of the other byte order. */
export const MAGIC_MICROS = 0xa1b2c3d4;
/** Nanosecond timestamps (`tcpdump --time-stamp-precision=nano`). */
export const MAGIC_NANOS = 0xa1b23c4d;
export const FILE_HEADER_BYTES = 24;
export const RECORD_HEADER_BYTES = 16;

/** Link-layer header types (LINKTYPE_* in the tcpdump.org registry) this package decodes. */
export const LinkType = {
  /** BSD loopback: a 4-byte address family in the writer's byte order (macOS `lo0`). */
  NULL: 0,
  ETHERNET: 1,
  /** IP with no link-layer header. */
  RAW: 101,
  /** OpenBSD loopback: like NULL, with the family in network byte order. */
  LOOP: 108,
  /** Linux "cooked" capture (`tcpdump -i any -y LINUX_SLL`). */
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  /** Linux cooked capture v2, tcpdump's default for `-i any`. */
  LINUX_SLL2: 276,
} as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

export interface PcapHeader {
  /** True when the file's integers are big-endian. */
  bigEndian: boolean;
  /** Fractions of a second in a record's timestamp: 1e6 (µs) or 1e9 (ns). */
  fractionsPerSecond: number;
  versionMajor: number;
  versionMinor: number;
  /** Bytes of each packet the capture kept at most. */
  snaplen: number;
  linkType: number;
}

export interface PcapRecord {
  /** Seconds since 1970 (wall clock, as the capturing kernel stamped the packet). */
  seconds: number;
  /** Fractions of that second, in `PcapHeader.fractionsPerSecond`. */
  fraction: number;
  /** The packet's length on the wire; `data` may be shorter (the snap length). */
  originalLength: number;
  data: Uint8Array;
}

/**
 * A record's time in whole microseconds since 1970: an exact integer (below 2^53 until the year
 * 2255), where milliseconds with a fraction would round away the microseconds that order the
 * segments of one loopback round trip.
 */
export function recordTimeUs(record: PcapRecord, header: PcapHeader): number {
  return record.seconds * 1e6 + Math.floor(record.fraction / (header.fractionsPerSecond / 1e6));
}
