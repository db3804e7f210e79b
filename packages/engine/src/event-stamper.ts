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

  /** `origin`: the clock reading that is `t` 0 (by default, now). */
  constructor(
    private readonly sink: EventSink,
    private readonly now: () => number,
    origin = now(),
  ) {
    this.#origin = origin;
  }

  /**
   * The body object itself becomes the event (stamped in place), so the hot path allocates one
   * object per event. `t` never goes backwards even if an injected clock does.
   */
  emit(socketId: string, kind: SocketKind, body: EventBody): void {
    const event = body as EngineEvent;
    event.seq = ++this.#seq;
    event.t = this.#time();
    event.socketId = socketId;
    event.kind = kind;
    this.sink(event);
  }

  /**
   * The hot path, once per recv(N) piece and once per write: the event is built whole in one object
   * literal, so it is one allocation of one shape instead of a body that grows four properties.
   */
  /**
   * An event that happened at `t` on this clock, reported by someone else (a traced program's
   * tracer), which learns of it a little later than it happened: it keeps its own time (never
   * after now), so it may be earlier than events numbered before it. Whoever shows events in time
   * order sorts by `t`; the engine's own events still never go backwards.
   */
  emitAt(socketId: string, kind: SocketKind, body: EventBody, t: number): void {
    const event = body as EngineEvent;
    event.seq = ++this.#seq;
    event.t = this.#at(t);
    event.socketId = socketId;
    event.kind = kind;
    this.sink(event);
  }

  /** Milliseconds since this clock started, read now. */
  clock(): number {
    return Math.max(this.#lastT, this.now() - this.#origin);
  }

  recv(socketId: string, kind: SocketKind, data: Uint8Array, readNo: number): void {
    this.sink({ seq: ++this.#seq, t: this.#time(), socketId, kind, type: 'recv', data, readNo });
  }

  send(socketId: string, kind: SocketKind, data: Uint8Array, writeNo: number): void {
    this.sink({ seq: ++this.#seq, t: this.#time(), socketId, kind, type: 'send', data, writeNo });
  }

  /**
   * The clock is read once per synchronous run of the engine and reused until the next microtask:
   * every event of that run happened at the same instant (the recv(16) pieces of one 64 KiB chunk
   * were all waiting at once), and reading the clock for each of them was a tenth of the echo's time.
   */
  #time(): number {
    if (this.#fresh) return this.#lastT;
    this.#fresh = true;
    queueMicrotask(this.#expire);
    const t = this.now() - this.#origin;
    if (t > this.#lastT) this.#lastT = t;
    return this.#lastT;
  }

  #at(t: number): number {
    const at = Math.max(0, Math.min(t, this.clock()));
    if (at > this.#lastT) this.#lastT = at;
    return at;
  }

  #fresh = false;
  readonly #expire = (): void => {
    this.#fresh = false;
  };
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

  emitAt(body: EventBody, t: number): void {
    this.stamper.emitAt(this.socketId, this.kind, body, t);
  }

  clock(): number {
    return this.stamper.clock();
  }

  /** Same as emit({ type: 'recv', data, readNo }), faster. */
  recv(data: Uint8Array, readNo: number): void {
    this.stamper.recv(this.socketId, this.kind, data, readNo);
  }

  /** Same as emit({ type: 'send', data, writeNo }), faster. */
  send(data: Uint8Array, writeNo: number): void {
    this.stamper.send(this.socketId, this.kind, data, writeNo);
  }
}
