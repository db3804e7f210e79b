import type { SocketKind } from '@playground/protocol';
import type { EngineEvent, EventSink } from './types.ts';

type Stamp = 'seq' | 't' | 'socketId' | 'kind';
type Unstamped<E> = E extends unknown ? Omit<E, Stamp> : never;
/** An event as a socket writes it; the stamper adds the rest. */
export type EventBody = Unstamped<EngineEvent>;

/** Numbers and times every event of one engine, then hands it to the sink. */
export class EventStamper {
  #seq = 0;
  #lastT = 0;
  readonly #origin: number;

  constructor(
    private readonly sink: EventSink,
    private readonly now: () => number,
  ) {
    this.#origin = now();
  }

  /**
   * The body object itself becomes the event (stamped in place), so the hot path allocates one
   * object per event. `t` never goes backwards even if an injected clock does.
   */
  emit(socketId: string, kind: SocketKind, body: EventBody): void {
    const event = body as EngineEvent;
    const t = this.now() - this.#origin;
    if (t > this.#lastT) this.#lastT = t;
    event.seq = ++this.#seq;
    event.t = this.#lastT;
    event.socketId = socketId;
    event.kind = kind;
    this.sink(event);
  }
}

/** The stamper bound to one socket. */
export class Channel {
  constructor(
    private readonly stamper: EventStamper,
    readonly socketId: string,
    readonly kind: SocketKind,
  ) {}

  emit(body: EventBody): void {
    this.stamper.emit(this.socketId, this.kind, body);
  }
}
