import { WIRE_PREVIEW_BYTES, type WireSegment } from '@playground/protocol';
import { flagNames, type TcpFlowTracker, type TcpSegmentContext } from '@playground/wire';
import type { HubPacket } from './capture-hub.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * Follows a captured TCP packet's connection (relative numbers, retransmissions): every packet of
 * the session goes through it in order, whether it is then shown or only counted.
 */
export function trackPacket(hub: HubPacket, tracker: TcpFlowTracker): TcpSegmentContext | undefined {
  const { packet } = hub;
  if (packet.protocol !== 'tcp') return undefined;
  const { tcp } = packet;
  return tracker.track({ src: packet.src, srcPort: tcp.srcPort, dst: packet.dst, dstPort: tcp.dstPort }, tcp);
}

/** One captured packet as the page sees it: numbered, on the session's clock, linked to the session's sockets. */
export function buildSegment(
  hub: HubPacket,
  owner: { from?: string; to?: string },
  n: number,
  t: number,
  ctx: TcpSegmentContext | undefined,
): WireSegment {
  const { packet } = hub;
  const transportHeader = packet.protocol === 'tcp' ? packet.tcp : packet.udp;
  const segment: WireSegment = {
    n,
    t,
    timeUs: hub.timeUs,
    transport: packet.protocol,
    family: packet.family,
    src: { address: packet.src, port: transportHeader.srcPort },
    dst: { address: packet.dst, port: transportHeader.dstPort },
    ...owner,
    length: transportHeader.payloadLength,
    wireLength: hub.originalLength,
    data: base64(transportHeader.payload.subarray(0, WIRE_PREVIEW_BYTES)),
    frame: base64(hub.frame),
  };
  if (packet.protocol === 'tcp' && ctx) {
    const tcp = packet.tcp;
    const { sack: _rawSack, ...options } = tcp.options;
    segment.tcp = {
      flags: flagNames(tcp.flags),
      seq: ctx.seq,
      ...(ctx.ack === undefined ? {} : { ack: ctx.ack }),
      seqFromSyn: ctx.seqFromSyn,
      ...(ctx.streamOffset === undefined ? {} : { streamOffset: ctx.streamOffset }),
      window: tcp.window,
      ...(ctx.windowBytes === undefined ? {} : { windowBytes: ctx.windowBytes }),
      // SACK blocks relative to the peer's SYN, like the ACK.
      options: { ...options, ...(ctx.sack ? { sack: ctx.sack.slice(0, 4) } : {}) },
      retransmission: ctx.retransmission,
      zeroWindow: ctx.zeroWindow,
      windowUpdate: ctx.windowUpdate,
      probe: ctx.probe,
      connection: ctx.connection,
    };
  }
  return segment;
}
