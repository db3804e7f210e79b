export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  /** The datagram's payload length on the wire (from the UDP length field). */
  payloadLength: number;
  /** The payload bytes the capture kept. */
  payload: Uint8Array;
}

export function decodeUdp(frame: Uint8Array, at: number, length: number): UdpHeader | undefined {
  if (frame.byteLength < at + 8) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  // A zero length field is a jumbogram's (IPv6): then the IP length tells.
  const field = view.getUint16(at + 4);
  const payloadLength = Math.max(0, (field === 0 ? length : field) - 8);
  const start = at + 8;
  return {
    srcPort: view.getUint16(at),
    dstPort: view.getUint16(at + 2),
    payloadLength,
    payload: frame.subarray(start, Math.min(frame.byteLength, start + payloadLength)),
  };
}
