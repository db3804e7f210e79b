import type { EngineEvent } from '@playground/engine';
import {
  MAX_WIRE_SEGMENTS_PER_MESSAGE,
  type SocketInfo,
  type WireBatch,
  type WireSegment,
  type WireStatus,
} from '@playground/protocol';
import { TcpFlowTracker } from '@playground/wire';
import { TokenBucket } from '../quota/token-bucket.ts';
import type { CapturePorts } from './bpf-filter.ts';
import { type CaptureHub, type CaptureSubscriber, type HubPacket, type HubState, holdable } from './capture-hub.ts';
import { buildSegment, trackPacket } from './segment-builder.ts';
import { SessionSockets } from './session-sockets.ts';

const endText = (a: { address: string; port: number }) => `${a.address}|${a.port}`;
/** The same for both directions of one connection. */
const connectionKey = (a: { address: string; port: number }, b: { address: string; port: number }) => {
  const x = endText(a);
  const y = endText(b);
  return x < y ? `${x}>${y}` : `${y}>${x}`;
};

export interface SessionCaptureLimits {
  /** Segments a session is sent per second at most (a burst of twice that); the rest are counted as not shown. */
  segmentsPerSecond: number;
}

export interface SessionCaptureDeps {
  hub: CaptureHub;
  /** One learner on this computer: a failed connect's SYNs are theirs even without a local address. */
  localMode: boolean;
  /** The session thread's clock (its `performance.now()`), and the reading that is the session's `t` 0. */
  now(): number;
  origin: number;
  sendBatch(batch: WireBatch): void;
  sendStatus(status: WireStatus): void;
  limits: SessionCaptureLimits;
}

/** Captured packets no connection claims yet (a handshake before `accept`) wait this long, this many at most. */
const PENDING_MS = 2000;
const MAX_PENDING = 512;
/** Segments queued for the page at most; past it they count as not shown. */
const MAX_QUEUED = 4 * MAX_WIRE_SEGMENTS_PER_MESSAGE;
const FLUSH_MS = 50;

/**
 * The wire witness of one session, in the capture worker: while its page watches, it subscribes to
 * the bridge's capture, keeps the packets of its own connections (by their exact addresses),
 * numbers them as Wireshark does, maps their time onto the session's clock and sends them in
 * batches — at most `segmentsPerSecond`, and never more than MAX_QUEUED waiting, whatever the
 * traffic. It learns the session's sockets from the events SessionWire forwards.
 */
export class SessionCapture implements CaptureSubscriber {
  readonly #sockets: SessionSockets;
  #tracker = new TcpFlowTracker();
  #pending: { packet: HubPacket; until: number }[] = [];
  #queue: WireSegment[] = [];
  #notShown = 0;
  #n = 0;
  #watching = false;
  #since: number | undefined;
  #flushTimer: NodeJS.Timeout | undefined;
  #pendingTimer: NodeJS.Timeout | undefined;
  readonly #bucket: TokenBucket;
  #closed = false;

  constructor(private readonly deps: SessionCaptureDeps) {
    const rate = deps.limits.segmentsPerSecond;
    this.#bucket = new TokenBucket(rate, 2 * rate, deps.now);
    this.#sockets = new SessionSockets(deps.now, (t) => deps.origin + t);
  }

  /** An engine event that opens, connects or closes a socket (SessionWire forwards only those). */
  observe(event: EngineEvent): void {
    const added = this.#sockets.observe(event);
    if (!this.#watching) return;
    if (added) void this.deps.hub.refresh();
    if ((event.type === 'opened' || event.type === 'connected') && this.#pending.length > 0) this.#rescan(false);
  }

  /** Starts watching: `since` on the session's clock; `sockets` are the session's as they are now. */
  async watch(since: number, sockets: SocketInfo[]): Promise<void> {
    if (this.#closed) return;
    if (!this.#watching) {
      this.#watching = true;
      this.#since = since;
      this.#tracker = new TcpFlowTracker();
      this.#notShown = 0;
      this.#sockets.seed(sockets);
    }
    await this.deps.hub.subscribe(this);
  }

  unwatch(): void {
    if (!this.#watching) return;
    this.#watching = false;
    this.deps.hub.unsubscribe(this);
    this.#flush();
    this.#pending = [];
    clearTimeout(this.#pendingTimer);
    this.#pendingTimer = undefined;
    this.#status({ state: 'off' });
  }

  close(): void {
    this.unwatch();
    this.#closed = true;
  }

  /** Before a connect or send to `port`: resolves once the capture includes it, so the first packet is seen. */
  prepare(transport: 'tcp' | 'udp', port: number): Promise<void> {
    this.#sockets.prepare(transport, port);
    return this.settle();
  }

  /**
   * Resolves once the capture covers every port the session's sockets use so far (at once when it
   * already does): a new server's reply waits for it, so its first client's handshake is captured.
   */
  async settle(): Promise<void> {
    if (this.#watching) await this.deps.hub.refresh();
  }

  ports(): CapturePorts {
    return this.#sockets.ports();
  }

  onState(state: HubState): void {
    this.#status(state);
  }

  onPacket(hub: HubPacket): void {
    const { packet } = hub;
    const src = { address: packet.src, port: packet.protocol === 'tcp' ? packet.tcp.srcPort : packet.udp.srcPort };
    const dst = { address: packet.dst, port: packet.protocol === 'tcp' ? packet.tcp.dstPort : packet.udp.dstPort };
    if (packet.protocol === 'udp') {
      const owner = this.#sockets.udpOwner(src, dst);
      if (owner) this.#accept(hub, owner);
      return;
    }
    const owner = this.#sockets.tcpOwner(src, dst);
    // Held packets go first (so the numbering sees a connection in order), and a handshake waits
    // until both its ends are named when both may be the session's.
    if (this.#pending.length === 0 && owner && !this.#sockets.mayCompleteLater(src, dst, owner))
      this.#accept(hub, owner);
    else if (owner || this.#sockets.mayClaimLater(src, dst)) this.#hold(hub);
  }

  #hold(packet: HubPacket): void {
    if (this.#pending.length >= MAX_PENDING) {
      // The oldest gives way; it was not one of this session's after all, or waited too long.
      this.#pending.shift();
    }
    this.#pending.push({ packet: holdable(packet), until: this.deps.now() + PENDING_MS });
    this.#rescan(false);
  }

  /**
   * Passes on held packets in capture order: those whose connection is now claimed (by both ends,
   * when both may be the session's), and (`expire`) decides on those that waited long enough. A
   * packet waits behind an earlier held one of the same connection, so the numbering sees SYN first.
   */
  #rescan(expire: boolean): void {
    const now = this.deps.now();
    const keep: { packet: HubPacket; until: number }[] = [];
    const blocked = new Set<string>();
    for (const held of this.#pending) {
      const { packet } = held.packet;
      if (packet.protocol !== 'tcp') continue;
      const src = { address: packet.src, port: packet.tcp.srcPort };
      const dst = { address: packet.dst, port: packet.tcp.dstPort };
      const connection = connectionKey(src, dst);
      const due = expire && now >= held.until;
      const owner =
        this.#sockets.tcpOwner(src, dst) ??
        (due && this.deps.localMode ? this.#sockets.attemptOwner(src, dst, held.packet.perfMs) : undefined);
      const ready = owner !== undefined && (due || !this.#sockets.mayCompleteLater(src, dst, owner));
      if (owner && ready && !blocked.has(connection)) this.#accept(held.packet, owner);
      else if (owner || !due) {
        keep.push(held);
        blocked.add(connection);
      }
    }
    this.#pending = keep;
    if (keep.length > 0) this.#expireLater();
  }

  #expireLater(): void {
    if (this.#pendingTimer) return;
    this.#pendingTimer = setTimeout(() => {
      this.#pendingTimer = undefined;
      this.#rescan(true);
    }, PENDING_MS / 4);
    this.#pendingTimer.unref();
  }

  #accept(packet: HubPacket, owner: { from?: string; to?: string }): void {
    const n = ++this.#n;
    // Every segment goes through the numbering, shown or not, so retransmissions are still found;
    // only the shown ones are built for the page (a flood costs a count, not a message each).
    const ctx = trackPacket(packet, this.#tracker);
    if (this.#queue.length >= MAX_QUEUED || !this.#bucket.tryTake(1)) {
      this.#notShown++;
      return;
    }
    this.#queue.push(buildSegment(packet, owner, n, packet.perfMs - this.deps.origin, ctx));
    this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    while (this.#queue.length > 0) {
      const segments = this.#queue.splice(0, MAX_WIRE_SEGMENTS_PER_MESSAGE);
      this.deps.sendBatch({ type: 'wire', segments, notShown: this.#notShown });
    }
  }

  #status(state: HubState): void {
    this.deps.sendStatus({
      type: 'wire-status',
      ...state,
      platform: process.platform,
      segmentsPerSecond: this.deps.limits.segmentsPerSecond,
      ...(this.#since === undefined || !this.#watching ? {} : { since: this.#since }),
    });
  }
}
