import { MAX_SNAPSHOT_EVENTS, type SocketEvent } from '@playground/protocol';

/** Base64 characters of event data one history keeps at most. */
const MAX_HISTORY_DATA_CHARS = 2 * 1024 * 1024;

/**
 * The most recent wire events of one session, as they were sent (or would have been, while no page
 * was attached): a resumed page or a teacher's spotlight gets them with the snapshot. Bounded in
 * events and in data.
 */
export class EventHistory {
  /** Dropped entries are cleared at once: a flood's previews must not wait for a compaction to be freed. */
  private events: Array<SocketEvent | undefined> = [];
  private head = 0;
  private dataChars = 0;
  private dropped = 0;

  constructor(
    private readonly maxEvents = MAX_SNAPSHOT_EVENTS,
    private readonly maxDataChars = MAX_HISTORY_DATA_CHARS,
  ) {}

  record(events: readonly SocketEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      if ('data' in event) this.dataChars += event.data.length;
    }
    while (this.events.length - this.head > this.maxEvents || this.dataChars > this.maxDataChars) {
      const old = this.events[this.head] as SocketEvent;
      this.events[this.head++] = undefined;
      if ('data' in old) this.dataChars -= old.data.length;
      this.dropped++;
    }
    if (this.head > this.maxEvents) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** The kept events, oldest first, and how many earlier ones are not kept. */
  recent(): { events: SocketEvent[]; truncated: number } {
    return { events: this.events.slice(this.head) as SocketEvent[], truncated: this.dropped };
  }
}
