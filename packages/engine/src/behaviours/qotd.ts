import { formatQuote, pickQuote } from './quotes.ts';
import { type BehaviourOptions, type DatagramBehaviour, encodeText, type StreamBehaviour } from './types.ts';

/**
 * RFC 865, Quote of the Day: as soon as a client connects the server sends one quote and closes
 * its side, ignoring anything the client sends. Over UDP every datagram is answered with a quote.
 * The quotes are UTF-8 (Spanish needs more than the RFC's ASCII).
 */
export const tcpQotd = (options: BehaviourOptions): StreamBehaviour => {
  const random = options.random ?? Math.random;
  return {
    open: (conn) => {
      if (!conn.writable) return;
      conn.writeBack(encodeText(formatQuote(pickQuote(random))));
      conn.end();
    },
  };
};

export const udpQotd = (options: BehaviourOptions): DatagramBehaviour => {
  const random = options.random ?? Math.random;
  return { datagram: (socket, _data, from) => socket.sendBack(encodeText(formatQuote(pickQuote(random))), from) };
};
