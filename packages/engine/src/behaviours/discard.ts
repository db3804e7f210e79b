import { type DatagramBehaviour, endWhenPeerEnds, type StreamBehaviour } from './types.ts';

/** RFC 863: read everything, answer nothing; close when the client does. */
export const tcpDiscard = (): StreamBehaviour => ({ fin: endWhenPeerEnds });

export const udpDiscard = (): DatagramBehaviour => ({ datagram: () => {} });
