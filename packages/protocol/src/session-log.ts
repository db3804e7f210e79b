import { z } from 'zod';
import { SocketEvent } from './events.ts';
import { Role } from './http.ts';
import { SocketInfo } from './vocabulary.ts';
import { WireSegment } from './wire.ts';

/**
 * An exported session: a file the page writes ("Export log") and opens again in the read-only
 * viewer, with no bridge needed. Events are exactly as they came on the wire (base64 data, which
 * may be a preview of `previewBytes`), in order. Versioned: a viewer refuses a newer version.
 */
export const SESSION_LOG_FORMAT = 'socket-playground-log';
export const SESSION_LOG_VERSION = 1;
/** Events one file may hold; the page exports at most this many (the most recent). */
export const MAX_LOG_EVENTS = 200_000;
/** Captured segments one file may hold (the most recent). */
export const MAX_LOG_SEGMENTS = 20_000;

export const SessionLog = z.object({
  format: z.literal(SESSION_LOG_FORMAT),
  version: z.literal(SESSION_LOG_VERSION),
  /** ISO 8601. */
  exportedAt: z.string(),
  protocolVersion: z.number().int(),
  session: z
    .object({
      sessionId: z.string().nullable(),
      role: Role.optional(),
      name: z.string().optional(),
    })
    .optional(),
  /** The sockets the session had, as last known (the events also announce them with `opened`). */
  sockets: z.array(SocketInfo),
  events: z.array(SocketEvent).max(MAX_LOG_EVENTS),
  /** Events of the session that are not in the file (folded by the bridge, or beyond the page's memory). */
  missing: z.number().int().nonnegative().optional(),
  /**
   * The wire view's capture, when it ran: the segments as the bridge sent them (each with its
   * captured frame, so the viewer exports the same .pcap), and what a .pcap file needs besides.
   */
  wire: z
    .object({
      linkType: z.number().int().nonnegative(),
      snaplen: z.number().int().positive(),
      segments: z.array(WireSegment).max(MAX_LOG_SEGMENTS),
      /** Segments of the session not in the file: not shown by the bridge, or beyond MAX_LOG_SEGMENTS. */
      notShown: z.number().int().nonnegative(),
    })
    .optional(),
});
export type SessionLog = z.infer<typeof SessionLog>;
