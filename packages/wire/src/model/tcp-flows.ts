import { TcpFlag, type TcpHeader } from '../decode/tcp.ts';

export interface FlowEnds {
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
}

/** What a segment means within its connection, beyond its own header. */
export interface TcpSegmentContext {
  /** Numbers the connections this tracker has seen, from 1; a port pair reused after a new SYN is a new one. */
  connection: number;
  /**
   * True when this direction's SYN was captured: `seq` is then relative to the initial sequence
   * number (the SYN is 0, the first byte of data 1), as Wireshark shows it. Otherwise it counts
   * from the first segment seen in this direction.
   */
  seqFromSyn: boolean;
  seq: number;
  /** Relative to the peer's initial sequence number; absent without the ACK flag. */
  ack?: number;
  /** Offset of the first payload byte in this direction's byte stream (0 = the first byte ever written); needs the SYN. */
  streamOffset?: number;
  /** The window in bytes once both SYNs said their scale; the SYNs' own windows are never scaled. */
  windowBytes?: number;
  /** SACK blocks relative to the peer's initial sequence number, like `ack`. */
  sack?: [number, number][];
  /** Bytes (or a SYN or FIN) this direction has sent before: the sender is sending them again. */
  retransmission: boolean;
  /** The receiver of the other direction has no room: "stop sending". */
  zeroWindow: boolean;
  /** A bare ACK that only changes the window (e.g. the reader made room again). */
  windowUpdate: boolean;
  /**
   * An empty segment one byte behind what was sent (Linux's zero-window probe and TCP keep-alive):
   * "are you still there, and is there room yet?".
   */
  probe: boolean;
}

interface Direction {
  /** Raw sequence number that relative numbers count from. */
  base: number;
  fromSyn: boolean;
  /** Relative sequence number just after everything sent so far (SYN and FIN count one). */
  end: number;
  wscale: number | undefined;
  lastAck: number | undefined;
  lastWindow: number | undefined;
}

interface Connection {
  id: number;
  /** `address|port` of the end whose direction is `a`; the other end's is `b`. */
  aEnd: string;
  a: Direction | undefined;
  b: Direction | undefined;
  /** When it was last seen (a count of segments), for forgetting the least recently seen. */
  seen: number;
}

/** Connections followed at once; the least recently seen is forgotten beyond this. */
const MAX_CONNECTIONS = 4096;

const endKey = (address: string, port: number) => `${address}|${port}`;
const rel = (raw: number, base: number) => (raw - base) >>> 0;

/**
 * Follows TCP connections across their segments to number them as a person reads them: sequence
 * and acknowledgement numbers relative to each side's initial sequence number, windows scaled,
 * retransmissions, zero windows and window updates marked. Memory is bounded by MAX_CONNECTIONS.
 */
export class TcpFlowTracker {
  /** Each connection under both directions' keys (`from>to`), so a segment costs one lookup. */
  readonly #connections = new Map<string, Connection>();
  #nextId = 1;
  #clock = 0;

  track(ends: FlowEnds, tcp: TcpHeader): TcpSegmentContext {
    const from = endKey(ends.src, ends.srcPort);
    const to = endKey(ends.dst, ends.dstPort);
    const key = `${from}>${to}`;
    const syn = (tcp.flags & TcpFlag.SYN) !== 0;
    const ackFlag = (tcp.flags & TcpFlag.ACK) !== 0;
    let conn = this.#connections.get(key);
    const mine = conn && (conn.aEnd === from ? conn.a : conn.b);
    // A SYN with a new initial sequence number on a known port pair starts a new connection.
    if (conn && syn && !ackFlag && mine?.fromSyn && mine.base !== tcp.seq) conn = undefined;
    if (!conn) {
      conn = { id: this.#nextId++, aEnd: from, a: undefined, b: undefined, seen: 0 };
      this.#remember(key, `${to}>${from}`, conn);
    }
    conn.seen = ++this.#clock;
    const own = this.#direction(conn, from, tcp, syn);
    const peer = conn.aEnd === from ? conn.b : conn.a;
    return this.#context(conn, own, peer, tcp, syn);
  }

  #remember(key: string, reverse: string, conn: Connection): void {
    this.#connections.set(key, conn);
    this.#connections.set(reverse, conn);
    if (this.#connections.size <= 2 * MAX_CONNECTIONS) return;
    // Rare: forget the least recently seen connection (both of its keys).
    let oldest: Connection | undefined;
    for (const c of this.#connections.values()) if (!oldest || c.seen < oldest.seen) oldest = c;
    for (const [k, c] of this.#connections) if (c === oldest) this.#connections.delete(k);
  }

  #direction(conn: Connection, from: string, tcp: TcpHeader, syn: boolean): Direction {
    const isA = conn.aEnd === from;
    let dir = isA ? conn.a : conn.b;
    if (!dir || (syn && !dir.fromSyn)) {
      dir = {
        base: syn ? tcp.seq : (tcp.seq - 1) >>> 0,
        fromSyn: syn,
        end: 0,
        wscale: syn ? tcp.options.wscale : undefined,
        lastAck: undefined,
        lastWindow: undefined,
      };
      if (isA) conn.a = dir;
      else conn.b = dir;
    }
    return dir;
  }

  #context(
    conn: Connection,
    own: Direction,
    peer: Direction | undefined,
    tcp: TcpHeader,
    syn: boolean,
  ): TcpSegmentContext {
    const ackFlag = (tcp.flags & TcpFlag.ACK) !== 0;
    const fin = (tcp.flags & TcpFlag.FIN) !== 0;
    const rst = (tcp.flags & TcpFlag.RST) !== 0;
    const seq = rel(tcp.seq, own.base);
    const length = tcp.payloadLength;
    const consumed = length + (syn ? 1 : 0) + (fin ? 1 : 0);
    const end = seq + consumed;
    const retransmission = consumed > 0 && !rst && end <= own.end;
    if (end > own.end && !rst) own.end = end;

    const context: TcpSegmentContext = {
      connection: conn.id,
      seqFromSyn: own.fromSyn,
      seq,
      retransmission,
      zeroWindow: tcp.window === 0 && !rst,
      windowUpdate: false,
      probe: consumed === 0 && !rst && own.end > 0 && seq === own.end - 1,
    };
    if (own.fromSyn && length > 0) context.streamOffset = seq - 1;
    // Scaling applies only when both ends offered it in their SYNs, and never to a SYN's window.
    const scaled = own.wscale !== undefined && peer?.wscale !== undefined;
    if (syn) context.windowBytes = tcp.window;
    else if (scaled) context.windowBytes = tcp.window * 2 ** (own.wscale as number);
    if (ackFlag && peer) {
      context.ack = rel(tcp.ack, peer.base);
      if (tcp.options.sack) context.sack = tcp.options.sack.map(([l, r]) => [rel(l, peer.base), rel(r, peer.base)]);
    }
    if (ackFlag) {
      const pureAck = length === 0 && !syn && !fin && !rst;
      context.windowUpdate =
        pureAck && own.lastAck === tcp.ack && own.lastWindow !== undefined && own.lastWindow !== tcp.window;
      own.lastAck = tcp.ack;
      own.lastWindow = tcp.window;
    }
    return context;
  }
}
