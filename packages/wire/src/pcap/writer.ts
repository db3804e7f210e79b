import { FILE_HEADER_BYTES, MAGIC_MICROS, RECORD_HEADER_BYTES } from './format.ts';

export interface PcapWriteRecord {
  /** Whole microseconds since 1970. */
  timeUs: number;
  originalLength: number;
  data: Uint8Array;
}

/**
 * A classic pcap file (little-endian, microsecond timestamps, version 2.4): what Wireshark,
 * tshark and `tcpdump -r` open.
 */
export function writePcap(
  linkType: number,
  snaplen: number,
  records: readonly PcapWriteRecord[],
): Uint8Array<ArrayBuffer> {
  const size = records.reduce((n, r) => n + RECORD_HEADER_BYTES + r.data.byteLength, FILE_HEADER_BYTES);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC_MICROS, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, snaplen, true);
  view.setUint32(20, linkType, true);
  let at = FILE_HEADER_BYTES;
  for (const r of records) {
    const micros = Math.round(r.timeUs);
    const seconds = Math.floor(micros / 1e6);
    view.setUint32(at, seconds, true);
    view.setUint32(at + 4, micros - seconds * 1e6, true);
    view.setUint32(at + 8, r.data.byteLength, true);
    view.setUint32(at + 12, Math.max(r.originalLength, r.data.byteLength), true);
    out.set(r.data, at + RECORD_HEADER_BYTES);
    at += RECORD_HEADER_BYTES + r.data.byteLength;
  }
  return out;
}
