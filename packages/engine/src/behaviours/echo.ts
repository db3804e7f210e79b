import { type DatagramBehaviour, endWhenPeerEnds, type StreamBehaviour } from './types.ts';

/** `data = conn.recv(N); conn.sendall(data)`: one write per piece, so recv(16) echoes as 16,16,16,7. */
export const tcpEcho = (): StreamBehaviour => ({
  recv: (conn, piece) => {
    if (conn.writable) conn.writeBack(piece);
  },
  fin: endWhenPeerEnds,
});

export const udpEcho = (): DatagramBehaviour => ({
  datagram: (socket, data, from) => socket.sendBack(data, from),
});
