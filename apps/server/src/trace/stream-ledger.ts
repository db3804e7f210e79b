import { byteSize, type EngineEvent } from '@playground/engine';
import type { Endpoint } from '@playground/protocol';

/** Writes remembered per socket: enough to find which write a program's last read cut into. */
const WRITES_KEPT = 256;
/** Closed sockets remembered (a program may read from a peer that closed long ago). */
const CLOSED_KEPT = 128;

interface Write {
  start: number;
  end: number;
}

interface Entry {
  local?: Endpoint;
  remote?: Endpoint;
  sent: number;
  writes: Write[];
}

/**
 * Every TCP socket of one session, the playground's and the traced programs', with the bytes each
 * wrote: a program's socket finds its peer here by the 4-tuple, to tell how much the peer had sent
 * when the program stopped reading, and how large the write was that its last recv() cut into.
 * Kept only while a program is attached (the session feeds it then); bounded per socket and in
 * closed sockets.
 */
export class StreamLedger {
  private readonly sockets = new Map<string, Entry>();
  private readonly closed: string[] = [];

  observe(event: EngineEvent): void {
    switch (event.type) {
      case 'opened':
        if (event.kind !== 'tcp-client' && event.kind !== 'tcp-conn') return;
        this.entry(event.socketId, event.socket.local, event.socket.remote);
        return;
      case 'accept':
        this.entry(event.connId, undefined, event.remote);
        return;
      case 'connected':
        this.entry(event.socketId, event.local, event.remote);
        return;
      case 'send': {
        const entry = this.sockets.get(event.socketId) ?? this.entry(event.socketId);
        const size = byteSize(event);
        entry.writes.push({ start: entry.sent, end: entry.sent + size });
        if (entry.writes.length > WRITES_KEPT) entry.writes.shift();
        entry.sent += size;
        return;
      }
      case 'closed':
        if (!this.sockets.has(event.socketId)) return;
        this.closed.push(event.socketId);
        if (this.closed.length > CLOSED_KEPT) this.sockets.delete(this.closed.shift() as string);
        return;
    }
  }

  /** What the other end of `local`↔`remote` wrote, if it is a socket of this session. */
  peer(
    local: Endpoint | undefined,
    remote: Endpoint | undefined,
  ): { sent: number; writeAround(offset: number): number | undefined } | undefined {
    if (!local || !remote) return undefined;
    for (const entry of this.sockets.values()) {
      if (!same(entry.local, remote) || !same(entry.remote, local)) continue;
      return {
        sent: entry.sent,
        // The size of the write holding byte `offset - 1` that goes on past `offset`: a read ended inside it.
        writeAround: (offset) => {
          const write = entry.writes.find((w) => w.start < offset && offset < w.end);
          return write && write.end - write.start;
        },
      };
    }
    return undefined;
  }

  private entry(id: string, local?: Endpoint, remote?: Endpoint): Entry {
    const entry = this.sockets.get(id) ?? { sent: 0, writes: [] };
    if (local) entry.local = local;
    if (remote) entry.remote = remote;
    this.sockets.set(id, entry);
    return entry;
  }
}

/** A server on `::` sees an IPv4 client as `::ffff:127.0.0.1`; the client itself says `127.0.0.1`. */
function same(a: Endpoint | undefined, b: Endpoint | undefined): boolean {
  if (!a || !b || a.port !== b.port) return false;
  return plain(a.address) === plain(b.address);
}

const plain = (address: string) => address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
