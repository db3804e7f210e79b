import { z } from 'zod';
import { Family, Port, SocketId } from './vocabulary.ts';

/**
 * The wire witness: TCP segments and UDP datagrams of the session's own connections, captured on
 * the bridge's loopback with a capture tool (tcpdump) while the page watches (`wire.watch`).
 */

/** Segments one `wire` message carries at most. */
export const MAX_WIRE_SEGMENTS_PER_MESSAGE = 500;
/** Payload bytes a segment's `data` preview carries at most. */
export const WIRE_PREVIEW_BYTES = 64;

const count = z.number().int().nonnegative();

export const TcpFlagName = z.enum(['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR']);
export type TcpFlagName = z.infer<typeof TcpFlagName>;

export const WireAddress = z.object({ address: z.string().max(64), port: Port });
export type WireAddress = z.infer<typeof WireAddress>;

/** What the TCP header said, numbered as Wireshark does (relative to each side's SYN). */
export const WireTcp = z.object({
  flags: z.array(TcpFlagName).max(8),
  /** Relative sequence number: the SYN is 0, the first byte of data 1 (when the SYN was captured). */
  seq: count,
  /** Relative acknowledgement number (the next byte the sender expects); absent without ACK. */
  ack: count.optional(),
  /** False when the capture began after this side's SYN: `seq` then counts from the first segment seen. */
  seqFromSyn: z.boolean(),
  /** Where the payload sits in the sender's byte stream (0 = the first byte it ever wrote); needs the SYN. */
  streamOffset: count.optional(),
  /** The window field as sent, and in bytes once the window scale is known. */
  window: count,
  windowBytes: count.optional(),
  options: z
    .object({
      mss: count.optional(),
      wscale: count.optional(),
      sackPermitted: z.boolean().optional(),
      /** Relative, like `ack`. */
      sack: z
        .array(z.tuple([count, count]))
        .max(4)
        .optional(),
      timestamp: z.object({ value: count, echo: count }).optional(),
    })
    .strict(),
  retransmission: z.boolean(),
  zeroWindow: z.boolean(),
  windowUpdate: z.boolean(),
  /** An empty segment one byte behind: a zero-window probe or a keep-alive. Optional: added later. */
  probe: z.boolean().optional(),
  /** Numbers this session's captured connections, from 1 (a reused port pair after a new SYN is a new one). */
  connection: z.number().int().positive(),
});
export type WireTcp = z.infer<typeof WireTcp>;

export const WireSegment = z.object({
  /** Numbers the session's captured segments from 1; a gap means segments not shown. */
  n: z.number().int().positive(),
  /** Milliseconds on the session's clock, the same as the events' `t` (the capture's wall clock mapped onto it). */
  t: z.number(),
  /** When the kernel saw it, in microseconds since 1970: what an exported .pcap carries. */
  timeUs: count,
  transport: z.enum(['tcp', 'udp']),
  family: Family,
  src: WireAddress,
  dst: WireAddress,
  /** The session's socket that sent it, and the one it was sent to (on loopback often both are ours). */
  from: SocketId.optional(),
  to: SocketId.optional(),
  /** Payload bytes on the wire (a UDP datagram's whole length, even if recvfrom(N) read fewer). */
  length: count,
  /** The packet's length on the wire, link-layer header included. */
  wireLength: count,
  tcp: WireTcp.optional(),
  /** The first payload bytes the capture kept (base64, at most WIRE_PREVIEW_BYTES). */
  data: z.string().max(4 * Math.ceil(WIRE_PREVIEW_BYTES / 3)),
  /** The captured frame (base64, at most the snap length): what an exported .pcap carries. */
  frame: z.string().max(8192),
});
export type WireSegment = z.infer<typeof WireSegment>;

/** Captured segments of the session's connections, in batches while the page watches. */
export const WireBatch = z.object({
  type: z.literal('wire'),
  segments: z.array(WireSegment).max(MAX_WIRE_SEGMENTS_PER_MESSAGE),
  /**
   * Segments of the session's connections captured since the watch began but not sent: past the
   * per-session rate or while the page was behind. The page says "N segments not shown".
   */
  notShown: count,
});
export type WireBatch = z.infer<typeof WireBatch>;

/**
 * `disabled`: the bridge was started without capture (`--capture`); `unavailable`: no capture tool
 * (or not on this system); `not-permitted`: the tool may not capture (no root, no cap_net_raw…);
 * `starting`, `capturing`; `failed`: the tool stopped unexpectedly; `off`: nobody watches.
 */
export const WireState = z.enum(['disabled', 'unavailable', 'not-permitted', 'starting', 'capturing', 'failed', 'off']);
export type WireState = z.infer<typeof WireState>;

export const WireStatus = z.object({
  type: z.literal('wire-status'),
  state: WireState,
  /** In the tool's or the bridge's own words, e.g. tcpdump's error. */
  reason: z.string().max(2000).optional(),
  /** The bridge's operating system (`linux`, `darwin`, `win32`…): the page shows how to allow capture there first. */
  platform: z.string().max(32),
  /** The capture as it runs: tool, interface, filter, snap length and link type (for the .pcap export). */
  capture: z
    .object({
      tool: z.string().max(256),
      interface: z.string().max(64),
      filter: z.string().max(8192),
      snaplen: z.number().int().positive(),
      linkType: count,
      /** During a flood packets are handed over in blocks: all captured, shown up to a second late. */
      blocks: z.boolean().optional(),
    })
    .optional(),
  /** Per-session bounds: segments sent per second at most. */
  segmentsPerSecond: z.number().int().positive(),
  /** Capture began, on the session's clock: connections older than this show without their handshake. */
  since: z.number().optional(),
});
export type WireStatus = z.infer<typeof WireStatus>;
