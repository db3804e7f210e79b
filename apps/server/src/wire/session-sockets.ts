import type { EngineEvent } from '@playground/engine';
import { assertNever, type SocketInfo } from '@playground/protocol';
import type { CapturePorts } from './bpf-filter.ts';

interface Address {
  address: string;
  port: number;
}

/** Node reports IPv4 peers of a dual-stack socket as `::ffff:127.0.0.1`; on the wire they are plain IPv4. */
export const plainAddress = (address: string): string => {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
};
const key = (a: Address) => `${plainAddress(a.address)}|${a.port}`;
const tupleKey = (local: Address, remote: Address) => `${key(local)}>${key(remote)}`;
/** A captured packet's addresses are already as `plainAddress` writes them (the decoder prints them so). */
const wireTupleKey = (a: Address, b: Address) => `${a.address}|${a.port}>${b.address}|${b.port}`;
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The session's sockets a packet belongs to: the one that sent it and the one it was sent to. */
export interface Owner {
  from?: string;
  to?: string;
}

const ownerOf = (from: string | undefined, to: string | undefined): Owner =>
  from === undefined ? { to } : to === undefined ? { from } : { from, to };

/** Packet directions whose owner is remembered at most (the cache is emptied past it). */
const MAX_CACHED_OWNERS = 4096;

/** Connections remembered after they closed: their last FIN and ACK often come after the `closed` event. */
const RETAINED_CLOSED = 1000;
/** Distinct ports a session may ask to have captured before connecting (bounded whatever it does). */
const MAX_PREPARED_PORTS = 512;
/** A connection attempt that failed is matched to captured SYNs (local mode) for this long after it closed. */
const ATTEMPT_MEMORY_MS = 5000;
/**
 * A SYN may be stamped a little before the attempt opened on the session's clock: the capture's
 * clock is paired with the session's to within the bracket calibrateClock() caught, which a busy
 * machine's preemptions can widen to a few milliseconds.
 */
const CLOCK_SLACK_MS = 20;

interface Attempt {
  id: string;
  target: Address;
  /** `performance.now()` when the client opened and when it closed (undefined while connecting). */
  openedAt: number;
  closedAt: number | undefined;
}

/**
 * What the wire view needs to know of a session's sockets, from its engine's events: the ports to
 * capture, and who each captured packet belongs to — a connection by its exact addresses (so a
 * class's shared server port never shows one student another's connections), a UDP socket by its
 * own address.
 */
export class SessionSockets {
  readonly #tuples = new Map<string, string>();
  readonly #tupleOf = new Map<string, string>();
  readonly #listening = new Map<string, { address: Address; transport: 'tcp' | 'udp' }>();
  readonly #udp = new Map<string, Address>();
  readonly #attempts = new Map<string, Attempt>();
  readonly #relayTransport = new Map<string, 'tcp' | 'udp'>();
  readonly #prepared = { tcp: new Set<number>(), udp: new Set<number>() };
  readonly #closed: string[] = [];
  /** tcpOwner's answers by packet direction (`null`: none of the session's); cleared when claims change. */
  readonly #owners = new Map<string, Owner | null>();

  /**
   * `eventTime`: an event's `t` on the same clock as `now`. A connect attempt opens and closes when
   * its events happened, not when this thread got them: the capture worker may get the `opened`
   * event later than the SYN it sent, and the attempt then missed its own packets.
   */
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly eventTime: (t: number) => number = () => now(),
  ) {}

  /**
   * The session's sockets as they are when a watch begins, as the events that made them would have
   * said (sockets closed earlier are gone: their last segments are not claimed).
   */
  seed(sockets: readonly SocketInfo[]): void {
    let seq = 0;
    const emit = (event: Record<string, unknown>) => this.observe({ seq: ++seq, t: 0, ...event } as EngineEvent);
    // Relays first: their listening event needs their transport.
    const ordered = [...sockets].sort((a, b) => Number(b.kind === 'relay') - Number(a.kind === 'relay'));
    for (const socket of ordered) {
      const base = { socketId: socket.id, kind: socket.kind };
      emit({ ...base, type: 'opened', socket });
      const listens = socket.kind === 'tcp-server' || socket.kind === 'udp' || socket.kind === 'relay';
      if (listens && socket.local) emit({ ...base, type: 'listening', local: socket.local });
      if (socket.kind === 'tcp-client' && socket.local && socket.remote)
        emit({ ...base, type: 'connected', local: socket.local, remote: socket.remote });
    }
  }

  /** Follows one engine event; true when it added a port the capture must now include. */
  observe(event: EngineEvent): boolean {
    switch (event.type) {
      case 'opened':
        return this.#opened(event);
      case 'listening': {
        const transport =
          event.kind === 'udp' ? 'udp' : event.kind === 'relay' ? this.#relayTransport.get(event.socketId) : 'tcp';
        if (!transport) return false;
        this.#listening.set(event.socketId, { address: event.local, transport });
        if (transport === 'udp') this.#udp.set(event.socketId, event.local);
        return this.prepare(transport, event.local.port);
      }
      case 'connected':
        this.#claim(event.socketId, event.local, event.remote);
        this.#attempts.delete(event.socketId);
        return false;
      case 'datagram-out':
        return this.prepare('udp', event.to.port);
      case 'closed':
        this.#listening.delete(event.socketId);
        this.#udp.delete(event.socketId);
        this.#closeAttempt(event.socketId, event.t);
        this.#retire(event.socketId);
        return false;
      case 'state':
      case 'accept':
      case 'queued':
      case 'recv':
      case 'send':
      case 'fin-sent':
      case 'fin-received':
      case 'reset-sent':
      case 'datagram-in':
      case 'recv-size':
      case 'no-delay':
      case 'reading':
      case 'error':
      case 'conditions':
      case 'conditions-stats':
      case 'relay-flow':
      case 'sensor-data':
      case 'call':
      case 'hint':
        // No port or connection the capture must follow.
        return false;
      default:
        assertNever(event, 'engine event');
    }
  }

  #opened(event: Extract<EngineEvent, { type: 'opened' }>): boolean {
    const { socket } = event;
    if (event.kind === 'relay' && socket.conditions)
      this.#relayTransport.set(event.socketId, socket.conditions.transport);
    if (event.kind === 'tcp-conn' && socket.local && socket.remote)
      this.#claim(event.socketId, socket.local, socket.remote);
    if (event.kind === 'tcp-client' && socket.remote) {
      this.#attempts.set(event.socketId, {
        id: event.socketId,
        target: socket.remote,
        openedAt: Math.min(this.now(), this.eventTime(event.t)),
        closedAt: undefined,
      });
      return this.prepare('tcp', socket.remote.port);
    }
    if (event.kind === 'udp' && socket.remote) return this.prepare('udp', socket.remote.port);
    return false;
  }

  /** A port the capture must include (before a connect, so its SYN is captured); true when it is new. */
  prepare(transport: 'tcp' | 'udp', port: number): boolean {
    const set = this.#prepared[transport];
    if (port <= 0 || set.has(port) || set.size >= MAX_PREPARED_PORTS) return false;
    set.add(port);
    return true;
  }

  ports(): CapturePorts {
    return this.#prepared;
  }

  #claim(id: string, local: Address, remote: Address): void {
    const k = tupleKey(local, remote);
    this.#tuples.set(k, id);
    this.#tupleOf.set(id, k);
    this.#owners.clear();
  }

  #retire(id: string): void {
    this.#closed.push(id);
    if (this.#closed.length <= RETAINED_CLOSED) return;
    const old = this.#closed.shift() as string;
    const k = this.#tupleOf.get(old);
    this.#tupleOf.delete(old);
    if (k !== undefined && this.#tuples.get(k) === old) this.#tuples.delete(k);
    this.#owners.clear();
    this.#relayTransport.delete(old);
  }

  #closeAttempt(id: string, t: number): void {
    const attempt = this.#attempts.get(id);
    if (attempt) attempt.closedAt = Math.min(this.now(), this.eventTime(t));
    const now = this.now();
    for (const [k, a] of this.#attempts)
      if (a.closedAt !== undefined && now - a.closedAt > ATTEMPT_MEMORY_MS) this.#attempts.delete(k);
  }

  /** The session's sockets a TCP packet from `src` to `dst` belongs to: the sender's and the receiver's. */
  tcpOwner(src: Address, dst: Address): Owner | undefined {
    if (this.#tuples.size === 0) return undefined;
    // One lookup per packet of a known connection: the answer is kept until the claims change.
    const key = wireTupleKey(src, dst);
    const cached = this.#owners.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const from = this.#tuples.get(key);
    const to = this.#tuples.get(wireTupleKey(dst, src));
    const owner = from === undefined && to === undefined ? null : ownerOf(from, to);
    if (this.#owners.size >= MAX_CACHED_OWNERS) this.#owners.clear();
    this.#owners.set(key, owner);
    return owner ?? undefined;
  }

  /**
   * A TCP packet no connection of the session claims yet, but which may become one of its own: a
   * handshake to one of its servers before `accept`, or of one of its clients before `connected`.
   */
  mayClaimLater(src: Address, dst: Address): boolean {
    return (
      this.#isListener(dst) ||
      this.#isListener(src) ||
      this.#attemptTo(dst) !== undefined ||
      this.#attemptTo(src) !== undefined
    );
  }

  /**
   * Whether the end `owner` lacks may still turn out to be the session's own (a client still
   * connecting, a server about to accept): then a held handshake waits for it, so both ends are named.
   */
  mayCompleteLater(src: Address, dst: Address, owner: Owner): boolean {
    if (owner.from !== undefined && owner.to !== undefined) return false;
    const fromLater = owner.from === undefined && (this.#connecting(dst) || this.#isListener(src));
    const toLater = owner.to === undefined && (this.#connecting(src) || this.#isListener(dst));
    return fromLater || toLater;
  }

  #connecting(target: Address): boolean {
    const attempt = this.#attemptTo(target);
    return attempt !== undefined && attempt.closedAt === undefined;
  }

  /**
   * A connection attempt that never connected (refused, timed out) leaves no local address to claim
   * its packets by; in local mode the one learner's client to that target is the sender.
   */
  attemptOwner(src: Address, dst: Address, at: number): Owner | undefined {
    const out = this.#attemptTo(dst, at);
    if (out) return { from: out.id };
    const back = this.#attemptTo(src, at);
    return back ? { to: back.id } : undefined;
  }

  udpOwner(src: Address, dst: Address): Owner | undefined {
    let from: string | undefined;
    let to: string | undefined;
    for (const [id, local] of this.#udp) {
      if (from === undefined && sameEnd(local, src)) from = id;
      if (to === undefined && sameEnd(local, dst)) to = id;
    }
    if (from === undefined && to === undefined) return undefined;
    return ownerOf(from, to);
  }

  #isListener(end: Address): boolean {
    for (const { address, transport } of this.#listening.values())
      if (transport === 'tcp' && sameEnd(address, end)) return true;
    return false;
  }

  #attemptTo(end: Address, at = this.now()): Attempt | undefined {
    for (const a of this.#attempts.values()) {
      const live = a.openedAt <= at + CLOCK_SLACK_MS && (a.closedAt === undefined || at <= a.closedAt + 1000);
      if (live && sameEnd(a.target, end)) return a;
    }
    return undefined;
  }
}

/** A socket bound to a wildcard address owns its port on every address. */
function sameEnd(bound: Address, end: Address): boolean {
  if (bound.port !== end.port) return false;
  const a = plainAddress(bound.address);
  return WILDCARDS.has(a) || a === plainAddress(end.address);
}
