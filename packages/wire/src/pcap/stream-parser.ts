import {
  FILE_HEADER_BYTES,
  MAGIC_MICROS,
  MAGIC_NANOS,
  type PcapHeader,
  type PcapRecord,
  RECORD_HEADER_BYTES,
} from './format.ts';

/** Thrown for bytes that are not a pcap stream; the stream cannot be read any further. */
export class PcapFormatError extends Error {
  override name = 'PcapFormatError';
}

/** A record larger than this is not a real packet but a corrupt stream (libpcap's own bound is 256 KiB). */
const MAX_RECORD_BYTES = 262_144 + 65_536;

/**
 * Reads a pcap byte stream as it arrives (e.g. `tcpdump -U -w -` on a pipe), in chunks of any size:
 * `push` returns the records completed by that chunk. The file header comes first (`header`).
 * A record is copied out of the chunks only when it spans two of them.
 */
export class PcapStreamParser {
  #header: PcapHeader | undefined;
  #pending: Uint8Array = new Uint8Array(0);

  get header(): PcapHeader | undefined {
    return this.#header;
  }

  /** Bytes received that do not yet make a whole record. */
  get buffered(): number {
    return this.#pending.byteLength;
  }

  push(chunk: Uint8Array): PcapRecord[] {
    const bytes = this.#pending.byteLength === 0 ? chunk : concat(this.#pending, chunk);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    if (this.#header === undefined) {
      if (bytes.byteLength < FILE_HEADER_BYTES) {
        this.#pending = bytes.slice();
        return [];
      }
      this.#header = readFileHeader(view);
      at = FILE_HEADER_BYTES;
    }
    const header = this.#header;
    const little = !header.bigEndian;
    const records: PcapRecord[] = [];
    while (bytes.byteLength - at >= RECORD_HEADER_BYTES) {
      const captured = view.getUint32(at + 8, little);
      if (captured > MAX_RECORD_BYTES) {
        throw new PcapFormatError(`A record says it holds ${captured} bytes: this is not a pcap stream any more.`);
      }
      if (bytes.byteLength - at - RECORD_HEADER_BYTES < captured) break;
      const start = at + RECORD_HEADER_BYTES;
      records.push({
        seconds: view.getUint32(at, little),
        fraction: view.getUint32(at + 4, little),
        originalLength: view.getUint32(at + 12, little),
        data: bytes.subarray(start, start + captured),
      });
      at = start + captured;
    }
    // What is left is copied, since the caller may reuse the chunk's memory.
    this.#pending = at === bytes.byteLength ? new Uint8Array(0) : bytes.slice(at);
    return records;
  }
}

function readFileHeader(view: DataView): PcapHeader {
  const asLittle = view.getUint32(0, true);
  const asBig = view.getUint32(0, false);
  const bigEndian = asBig === MAGIC_MICROS || asBig === MAGIC_NANOS;
  const magic = bigEndian ? asBig : asLittle;
  if (magic !== MAGIC_MICROS && magic !== MAGIC_NANOS) {
    const hint = asBig === 0x0a0d0d0a ? ' It is pcapng; write classic pcap (tcpdump -w, dumpcap -F pcap).' : '';
    throw new PcapFormatError(`Not a pcap stream (magic number 0x${asBig.toString(16)}).${hint}`);
  }
  const little = !bigEndian;
  return {
    bigEndian,
    fractionsPerSecond: magic === MAGIC_NANOS ? 1e9 : 1e6,
    versionMajor: view.getUint16(4, little),
    versionMinor: view.getUint16(6, little),
    snaplen: view.getUint32(16, little),
    // The upper bits may carry an FCS length; the link type is the low 16 (pcap-linktype(7)).
    linkType: view.getUint32(20, little) & 0xffff,
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
