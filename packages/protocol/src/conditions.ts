import { z } from 'zod';

/**
 * The network conditions stage: a relay inside the engine that a client reaches instead of its
 * server. Only zod here (vocabulary.ts builds SocketInfo from these), so there is no import cycle.
 */

export const Transport = z.enum(['tcp', 'udp']);
export type Transport = z.infer<typeof Transport>;

/** Longest delay, jitter or hold the stage applies to one datagram or piece. */
export const MAX_CONDITIONS_DELAY_MS = 10_000;
/** Fastest bandwidth limit: one gigabit per second (0 means no limit). */
export const MAX_BANDWIDTH_KBPS = 1_000_000;
/** Largest piece the TCP stage re-segments the stream into. */
export const MAX_SEGMENT_BYTES = 65_536;
/** Datagrams a held-back datagram waits for, at most. */
export const MAX_REORDER_DISTANCE = 16;

const percent = z.number().min(0).max(100);
const millis = z.number().int().min(0).max(MAX_CONDITIONS_DELAY_MS);

const settingsShape = {
  lossPct: percent,
  duplicatePct: percent,
  reorderPct: percent,
  reorderDistance: z.number().int().min(1).max(MAX_REORDER_DISTANCE),
  delayMs: millis,
  jitterMs: millis,
  /** Kilobits per second; 0: no limit. */
  bandwidthKbps: z.number().int().min(0).max(MAX_BANDWIDTH_KBPS),
  /** TCP re-segmentation: piece sizes, in bytes; 0 and 0: pieces as they were read. */
  segmentMin: z.number().int().min(0).max(MAX_SEGMENT_BYTES),
  segmentMax: z.number().int().min(0).max(MAX_SEGMENT_BYTES),
};

/**
 * What the stage does to traffic. One set of settings serves both transports, so TCP and UDP can go
 * through "the same network":
 * - UDP, per datagram: `lossPct` drops it, `duplicatePct` delivers it twice, `reorderPct` holds it
 *   back until `reorderDistance` later datagrams have overtaken it, `delayMs` ± `jitterMs` delays it,
 *   and `bandwidthKbps` queues it behind the datagrams before it.
 * - TCP, on the byte stream: `delayMs` ± `jitterMs` and `bandwidthKbps` as above, and the stream is cut
 *   into pieces of `segmentMin`..`segmentMax` bytes. Bytes are never dropped, duplicated, reordered
 *   or corrupted (TCP would not let a network do that): `lossPct` becomes a retransmission — the piece
 *   and everything after it wait a retransmission timeout — and duplication and reordering, which TCP
 *   repairs below the application, have no visible effect.
 */
export const ConditionsSettings = z
  .object({
    lossPct: settingsShape.lossPct.default(0),
    duplicatePct: settingsShape.duplicatePct.default(0),
    reorderPct: settingsShape.reorderPct.default(0),
    reorderDistance: settingsShape.reorderDistance.default(2),
    delayMs: settingsShape.delayMs.default(0),
    jitterMs: settingsShape.jitterMs.default(0),
    bandwidthKbps: settingsShape.bandwidthKbps.default(0),
    segmentMin: settingsShape.segmentMin.default(0),
    segmentMax: settingsShape.segmentMax.default(0),
  })
  .strict();
export type ConditionsSettings = z.infer<typeof ConditionsSettings>;
/** A perfect network: the schema's defaults, which the engine starts from and the page offers as a preset. */
export const NO_CONDITIONS: ConditionsSettings = ConditionsSettings.parse({});
export type ConditionsSettingsInput = z.input<typeof ConditionsSettings>;

/** `conditions.update`: only the settings named change. */
export const ConditionsPatch = z.object(settingsShape).partial().strict();
export type ConditionsPatch = z.infer<typeof ConditionsPatch>;

const count = z.number().int().nonnegative();

/**
 * What the stage did so far, both directions together; every counter is exact. A "unit" is a
 * datagram (UDP) or a piece of the byte stream (TCP).
 */
export const ConditionsStats = z.object({
  /** Datagrams received / reads from the stream. */
  in: count,
  /** Datagrams / pieces delivered onward. */
  out: count,
  bytesIn: count,
  bytesOut: count,
  /** UDP: datagrams lost on purpose (`lossPct`). */
  dropped: count,
  /** UDP: datagrams delivered twice. */
  duplicated: count,
  /** UDP: datagrams held back and overtaken by later ones. */
  reordered: count,
  /** Units that waited (delay, jitter, bandwidth or a hold) before going on. */
  delayed: count,
  /** TCP: pieces "lost" and resent after a retransmission timeout, holding back the bytes behind them. */
  retransmitted: count,
  /** UDP: datagrams dropped because the bandwidth-limited queue was full, as a router drops them. */
  overflow: count,
  /** Units waiting in the stage right now. */
  queued: count,
  /** TCP: connections relayed now; UDP: clients (source addresses) seen now. */
  flows: count,
});
export type ConditionsStats = z.infer<typeof ConditionsStats>;
