import {
  type EventBatch,
  MAX_LOG_EVENTS,
  MAX_LOG_SEGMENTS,
  PROTOCOL_VERSION,
  SESSION_LOG_FORMAT,
  SESSION_LOG_VERSION,
  type SessionLog,
  type Snapshot,
  type SocketEvent,
  type SocketInfo,
  type Welcome,
  type WireBatch,
  type WireSegment,
  type WireStatus,
} from '@playground/protocol';
import type { PlaygroundData } from '../../../store/state.ts';

/** Base64 characters of event data a recording keeps at most (the oldest events go first). */
const MAX_DATA_CHARS = 64 * 1024 * 1024;

/**
 * Every event of the current session exactly as the bridge sent it, for "Export log". Bounded:
 * past MAX_LOG_EVENTS events or MAX_DATA_CHARS of data the oldest are dropped (and counted).
 */
export class SessionRecorder {
  private sessionId: string | null = null;
  private role: Welcome['role'];
  private name: string | undefined;
  private events: SocketEvent[] = [];
  private head = 0;
  private dataChars = 0;
  private missing = 0;
  private lastSeq = -1;
  private segments: WireSegment[] = [];
  private segmentsNotShown = 0;
  private segmentsDropped = 0;
  private capture: { linkType: number; snaplen: number } | undefined;

  welcome(welcome: Welcome): void {
    const same = welcome.resumed === true && welcome.sessionId === this.sessionId;
    if (!same) {
      this.segments = [];
      this.segmentsNotShown = 0;
      this.segmentsDropped = 0;
      this.capture = undefined;
      this.events = [];
      this.head = 0;
      this.dataChars = 0;
      this.missing = 0;
      this.lastSeq = -1;
    }
    this.sessionId = welcome.sessionId;
    this.role = welcome.role;
    this.name = welcome.name;
  }

  /** A resumed session: the events this page had not recorded yet (all of them after a reload). */
  snapshot(snapshot: Snapshot): void {
    const missed = snapshot.events.filter((e) => e.seq > this.lastSeq);
    if (this.lastSeq < 0) this.missing += snapshot.truncated;
    this.add(missed);
  }

  batch(batch: EventBatch): void {
    this.missing += batch.folded;
    this.add(batch.events);
  }

  /** The wire view's capture: the segments, and the link type a .pcap of them needs. */
  wire(message: WireBatch | WireStatus): void {
    if (message.type === 'wire-status') {
      if (message.capture) this.capture = { linkType: message.capture.linkType, snaplen: message.capture.snaplen };
      return;
    }
    this.segmentsNotShown = message.notShown;
    this.segments.push(...message.segments);
    const over = this.segments.length - MAX_LOG_SEGMENTS;
    if (over > 0) {
      this.segments.splice(0, over);
      this.segmentsDropped += over;
    }
  }

  get count(): number {
    return this.events.length - this.head;
  }

  /** The file: events as they came, and the sockets as the page knows them now. */
  export(state: PlaygroundData, now = new Date()): SessionLog {
    const sockets: SocketInfo[] = state.order
      .map((key) => state.sockets[key])
      .filter((entry) => entry !== undefined && entry.epoch === state.epoch && !entry.stale)
      .map((entry) => entry!.info);
    const session: NonNullable<SessionLog['session']> = { sessionId: this.sessionId };
    if (this.role) session.role = this.role;
    if (this.name) session.name = this.name;
    return {
      format: SESSION_LOG_FORMAT,
      version: SESSION_LOG_VERSION,
      exportedAt: now.toISOString(),
      protocolVersion: PROTOCOL_VERSION,
      session,
      sockets,
      events: this.events.slice(this.head),
      missing: this.missing,
      ...(this.capture && this.segments.length > 0
        ? {
            wire: {
              ...this.capture,
              segments: this.segments.slice(),
              notShown: this.segmentsNotShown + this.segmentsDropped,
            },
          }
        : {}),
    };
  }

  private add(events: readonly SocketEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      if ('data' in event) this.dataChars += event.data.length;
      if (event.seq > this.lastSeq) this.lastSeq = event.seq;
    }
    while (this.count > MAX_LOG_EVENTS || this.dataChars > MAX_DATA_CHARS) {
      const old = this.events[this.head++] as SocketEvent;
      if ('data' in old) this.dataChars -= old.data.length;
      this.missing++;
    }
    if (this.head > 4096 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }
}

/** `socket-playground-2025-05-01T10-20-30.json`: sortable, and valid on every file system. */
export function logFileName(log: SessionLog): string {
  return `socket-playground-${log.exportedAt.slice(0, 19).replace(/:/g, '-')}.json`;
}

/** Saves a file the way a browser can without a server: a temporary link to a Blob. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
