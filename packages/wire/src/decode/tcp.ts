/** TCP header flags, bit values as in the header's flags byte. */
export const TcpFlag = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
} as const;

export interface TcpOptions {
  /** Maximum segment size the sender will accept (SYN only). */
  mss?: number;
  /** Window scale shift count (SYN only): the sender's windows are to be multiplied by 2^wscale. */
  wscale?: number;
  /** The sender can take selective acknowledgements (SYN only). */
  sackPermitted?: boolean;
  /** Selective acknowledgement blocks: raw sequence numbers [left, right) received beyond the ACK. */
  sack?: [number, number][];
  /** Timestamps (RFC 7323): the sender's clock and the echo of the peer's. */
  timestamp?: { value: number; echo: number };
}

export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /** The flags byte: see TcpFlag. */
  flags: number;
  /** The window field as sent, before any window scaling. */
  window: number;
  options: TcpOptions;
  /** Payload bytes on the wire (from the IP length), whatever the snap length kept. */
  payloadLength: number;
  /** The payload bytes the capture kept: at most payloadLength. */
  payload: Uint8Array;
}

const OPT_END = 0;
const OPT_NOP = 1;
const OPT_MSS = 2;
const OPT_WSCALE = 3;
const OPT_SACK_PERMITTED = 4;
const OPT_SACK = 5;
const OPT_TIMESTAMP = 8;

/** Reads a TCP header at `at`; `length` is the segment's length on the wire (header + payload). */
export function decodeTcp(frame: Uint8Array, at: number, length: number): TcpHeader | undefined {
  if (frame.byteLength < at + 20) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = ((frame[at + 12] ?? 0) >> 4) * 4;
  if (headerLength < 20) return undefined;
  const optionsEnd = Math.min(at + headerLength, frame.byteLength);
  const payloadStart = Math.min(at + headerLength, frame.byteLength);
  const payloadLength = Math.max(0, length - headerLength);
  return {
    srcPort: view.getUint16(at),
    dstPort: view.getUint16(at + 2),
    seq: view.getUint32(at + 4),
    ack: view.getUint32(at + 8),
    flags: frame[at + 13] ?? 0,
    window: view.getUint16(at + 14),
    options: decodeOptions(view, at + 20, optionsEnd),
    payloadLength,
    payload: frame.subarray(payloadStart, Math.min(frame.byteLength, payloadStart + payloadLength)),
  };
}

/** Options the capture cut short are left out rather than guessed. */
export function decodeOptions(view: DataView, start: number, end: number): TcpOptions {
  const options: TcpOptions = {};
  let at = start;
  while (at < end) {
    const kind = view.getUint8(at);
    if (kind === OPT_END) break;
    if (kind === OPT_NOP) {
      at++;
      continue;
    }
    if (at + 1 >= end) break;
    const size = view.getUint8(at + 1);
    if (size < 2 || at + size > end) break;
    if (kind === OPT_MSS && size === 4) options.mss = view.getUint16(at + 2);
    else if (kind === OPT_WSCALE && size === 3) options.wscale = Math.min(14, view.getUint8(at + 2));
    else if (kind === OPT_SACK_PERMITTED && size === 2) options.sackPermitted = true;
    else if (kind === OPT_SACK && (size - 2) % 8 === 0) {
      options.sack = [];
      for (let b = at + 2; b < at + size; b += 8) options.sack.push([view.getUint32(b), view.getUint32(b + 4)]);
    } else if (kind === OPT_TIMESTAMP && size === 10) {
      options.timestamp = { value: view.getUint32(at + 2), echo: view.getUint32(at + 6) };
    }
    at += size;
  }
  return options;
}
