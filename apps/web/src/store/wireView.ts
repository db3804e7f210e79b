import type { WireBatch, WireSegment, WireStatus } from '@playground/protocol';

/** A captured segment as the store keeps it: with the bridge session it belongs to (socket ids restart per session). */
export interface WireEntry {
  epoch: number;
  segment: WireSegment;
}

export interface WireViewData {
  /** The wire view is open and asked the bridge to capture. */
  watching: boolean;
  status: WireStatus | null;
  statusEpoch: number;
  /** In time order (the capture's restarts may deliver a few out of order); the oldest go beyond MAX_SEGMENTS. */
  entries: WireEntry[];
  /** Segments the bridge did not send (rate, memory): its count for the current session. */
  notShown: number;
  /** Segments the page dropped itself to stay within MAX_SEGMENTS. */
  dropped: number;
  /** The segment the learner picked (`epoch:n`): its events are highlighted in the log. */
  selected: string | null;
}

/** Segments the page keeps: enough for a lesson's worth of conversations, bounded whatever the traffic. */
export const MAX_SEGMENTS = 5000;

export function emptyWireView(): WireViewData {
  return { watching: false, status: null, statusEpoch: 0, entries: [], notShown: 0, dropped: 0, selected: null };
}

export const segmentId = (entry: WireEntry): string => `${entry.epoch}:${entry.segment.n}`;

export function applyWireStatus(view: WireViewData, status: WireStatus, epoch: number): WireViewData {
  return { ...view, status, statusEpoch: epoch };
}

/** Appends a batch, keeping time order and at most `max` segments. */
export function applyWireBatch(view: WireViewData, batch: WireBatch, epoch: number, max = MAX_SEGMENTS): WireViewData {
  if (batch.segments.length === 0 && batch.notShown === view.notShown) return view;
  const entries = view.entries.slice();
  for (const segment of batch.segments) {
    const entry = { epoch, segment };
    // Nearly always the newest; a capture restart may hand over one a little older.
    let at = entries.length;
    while (at > 0 && isAfter(entries[at - 1] as WireEntry, entry)) at--;
    entries.splice(at, 0, entry);
  }
  const over = Math.max(0, entries.length - max);
  if (over > 0) entries.splice(0, over);
  return { ...view, entries, notShown: batch.notShown, dropped: view.dropped + over };
}

function isAfter(a: WireEntry, b: WireEntry): boolean {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch;
  return a.segment.t > b.segment.t || (a.segment.t === b.segment.t && a.segment.n > b.segment.n);
}

/** Opening the view again (or a new session) starts a new count of what the bridge did not send. */
export function setWireWatching(view: WireViewData, watching: boolean): WireViewData {
  return watching ? { ...view, watching, notShown: 0 } : { ...view, watching };
}

export function clearWire(view: WireViewData): WireViewData {
  return { ...view, entries: [], dropped: 0, notShown: 0, selected: null };
}
