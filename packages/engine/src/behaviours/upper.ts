import { type DatagramBehaviour, endWhenPeerEnds, type StreamBehaviour } from './types.ts';

/**
 * Seed 000's exercise: the echo, answering in upper case. Like Python's `bytes.upper()` only ASCII
 * a–z change, so every piece keeps its length and UTF-8 text is never cut into invalid bytes.
 */
export function upperAscii(piece: Uint8Array): Uint8Array {
  const out = new Uint8Array(piece.length);
  for (let i = 0; i < piece.length; i++) {
    const b = piece[i] as number;
    out[i] = b >= 0x61 && b <= 0x7a ? b - 0x20 : b;
  }
  return out;
}

export const tcpUpper = (): StreamBehaviour => ({
  recv: (conn, piece) => {
    if (conn.writable) conn.writeBack(upperAscii(piece));
  },
  fin: endWhenPeerEnds,
});

export const udpUpper = (): DatagramBehaviour => ({
  datagram: (socket, data, from) => socket.sendBack(upperAscii(data), from),
});
