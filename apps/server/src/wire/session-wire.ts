import type { EngineEvent } from '@playground/engine';
import type { SocketInfo, WireBatch, WireStatus } from '@playground/protocol';
import { recentClockPair } from './capture-clock.ts';
import type { CaptureService } from './capture-service.ts';
import type { SessionCaptureLimits } from './session-capture.ts';

export interface SessionWireDeps {
  session: string;
  /** The bridge's capture; undefined when it runs without (`--no-capture`, or a class without `--capture`). */
  service: CaptureService | undefined;
  /** Why there is no capture, in words for the page. */
  disabledReason: string;
  localMode: boolean;
  /** The `performance.now()` reading that is the session's `t` 0. */
  origin: number;
  /** The session's sockets as they are now, for a watch that begins. */
  sockets(): SocketInfo[];
  /** Sends a batch; false when the page is too far behind to take one (its segments count as not shown). */
  sendBatch(batch: WireBatch): boolean;
  sendStatus(status: WireStatus): void;
  limits: SessionCaptureLimits;
}

/** Events that open, connect or close a socket: all the capture needs to know of a session. */
const SOCKET_EVENTS = new Set<EngineEvent['type']>(['opened', 'listening', 'connected', 'closed']);

/**
 * A session's wire view, on the bridge's thread: it forwards the few events that change the
 * session's sockets to the capture worker while the page watches, and passes the segments and the
 * capture's state on to the page, counting what the page was too far behind to take.
 */
export class SessionWire {
  #watching = false;
  /** Segments the page could not take this watch (added to the worker's count of those not shown). */
  #droppedHere = 0;
  /** UDP destinations already told to the worker, so a datagram flood forwards one event per port. */
  readonly #udpTargets = new Set<number>();

  constructor(private readonly deps: SessionWireDeps) {}

  observe(event: EngineEvent): void {
    if (!this.#watching) return;
    const forward =
      SOCKET_EVENTS.has(event.type) ||
      (event.type === 'datagram-out' && !this.#udpTargets.has(event.to.port) && this.#udpTargets.add(event.to.port));
    if (forward) this.deps.service?.post({ op: 'observe', session: this.deps.session, event: slim(event) });
  }

  async watch(): Promise<void> {
    const { service, session } = this.deps;
    if (!service) {
      this.#status({ state: 'disabled', reason: this.deps.disabledReason });
      return;
    }
    if (!this.#watching) {
      this.#watching = true;
      this.#droppedHere = 0;
      this.#udpTargets.clear();
      service.listen(session, {
        batch: (batch) => this.#batch(batch),
        status: (status) => this.deps.sendStatus(status),
      });
    }
    const { origin, localMode, limits } = this.deps;
    await service.request({
      op: 'watch',
      session,
      clock: recentClockPair(),
      origin,
      since: performance.now() - origin,
      sockets: this.deps.sockets(),
      localMode,
      limits,
    });
  }

  unwatch(): void {
    if (!this.#watching) return;
    this.#watching = false;
    this.deps.service?.forget(this.deps.session);
    this.#status({ state: 'off' });
  }

  close(): void {
    this.unwatch();
  }

  /** Before a connect or send to `port`: resolves once the capture includes it, so the first packet is seen. */
  async prepare(transport: 'tcp' | 'udp', port: number): Promise<void> {
    if (this.#watching)
      await this.deps.service?.request({ op: 'prepare', session: this.deps.session, transport, port });
  }

  /** Resolves once the capture covers every port the session's sockets use so far. */
  async settle(): Promise<void> {
    if (this.#watching) await this.deps.service?.request({ op: 'settle', session: this.deps.session });
  }

  #batch(batch: WireBatch): void {
    const notShown = batch.notShown + this.#droppedHere;
    if (!this.deps.sendBatch({ ...batch, notShown })) this.#droppedHere += batch.segments.length;
  }

  #status(status: Omit<WireStatus, 'type' | 'platform' | 'segmentsPerSecond'>): void {
    this.deps.sendStatus({
      type: 'wire-status',
      ...status,
      platform: process.platform,
      segmentsPerSecond: this.deps.limits.segmentsPerSecond,
    });
  }
}

/** An event as the worker needs it: structured-cloned, so without the bytes of data events. */
function slim(event: EngineEvent): EngineEvent {
  return 'data' in event ? ({ ...event, data: new Uint8Array(0) } as EngineEvent) : event;
}
