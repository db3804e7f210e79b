import type { BehaviourOptions, DatagramBehaviour, StreamBehaviour } from './types.ts';

/** RFC 864's pattern: the 95 printable ASCII characters, 72 per line, each line starting one later. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => 0x20 + i);
const LINE_CHARS = 72;
export const CHARGEN_LINE_BYTES = LINE_CHARS + 2;

/**
 * A real chargen sends as fast as the network takes it; here it is held to a pace a page can show:
 * 10 lines every 100 ms, 7,400 bytes per second per connection, and nothing more while earlier
 * lines still wait in the send buffer (a client that does not read gets no more than one tick's worth).
 */
export const CHARGEN_TICK_MS = 100;
export const CHARGEN_LINES_PER_TICK = 10;
/** UDP: at most this many answering datagrams per second per endpoint. */
export const CHARGEN_DATAGRAMS_PER_SECOND = 20;

export function chargenLine(n: number): Uint8Array {
  const line = new Uint8Array(CHARGEN_LINE_BYTES);
  for (let i = 0; i < LINE_CHARS; i++) line[i] = PRINTABLE[(n + i) % PRINTABLE.length] as number;
  line[LINE_CHARS] = 0x0d;
  line[LINE_CHARS + 1] = 0x0a;
  return line;
}

/** RFC 864 over TCP: lines from the moment the client connects until it ends (FIN) or goes away. */
export const tcpChargen = (): StreamBehaviour => {
  let timer: NodeJS.Timeout | undefined;
  let next = 0;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    open: (conn) => {
      const tick = () => {
        if (!conn.writable) return stop();
        if (conn.buffered > 0) return;
        const lines = new Uint8Array(CHARGEN_LINE_BYTES * CHARGEN_LINES_PER_TICK);
        for (let i = 0; i < CHARGEN_LINES_PER_TICK; i++) lines.set(chargenLine(next++), i * CHARGEN_LINE_BYTES);
        conn.writeBack(lines);
      };
      tick();
      timer = setInterval(tick, CHARGEN_TICK_MS);
      timer.unref();
    },
    // The client will read no more once it has closed; most chargen servers stop with it.
    fin: (conn) => {
      stop();
      if (conn.writable) conn.end();
    },
    close: stop,
  };
};

/** RFC 864 over UDP: each datagram is answered by one of 0 to 512 characters of the pattern. */
export const udpChargen = (options: BehaviourOptions): DatagramBehaviour => {
  const random = options.random ?? Math.random;
  let windowStart = 0;
  let sent = 0;
  let next = 0;
  return {
    datagram: (socket, _data, from) => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        sent = 0;
      }
      if (sent >= CHARGEN_DATAGRAMS_PER_SECOND) return;
      sent++;
      const size = Math.floor(random() * 513);
      const out = new Uint8Array(size);
      for (let i = 0; i < size; i++) out[i] = PRINTABLE[(next + i) % PRINTABLE.length] as number;
      next++;
      socket.sendBack(out, from);
    },
  };
};
