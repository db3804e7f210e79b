import type { Endpoint, ProgramHint, TraceCall } from '@playground/protocol';
import type { StreamLedger } from './stream-ledger.ts';

/** Ports below this need administrator rights to listen on (on most systems). */
const PRIVILEGED_BELOW = 1024;

/** What the hints need to remember of one program socket. */
export class SocketHints {
  /** Bytes recv() returned so far. */
  read = 0;
  lastRead: { n: number; size: number | undefined; file?: string; line?: number } | undefined;
  eof = false;
  private eofAgain = false;
  private stopped = false;
  private shortSend: { asked: number; sent: number; file?: string; line?: number } | undefined;

  constructor(
    readonly stream: boolean,
    /** Where the socket was made: a socket never closed is pointed at there. */
    readonly created: { file?: string; line?: number },
  ) {}

  /**
   * The hints one call shows, given what came before on this socket. `view` is the socket's own
   * addresses (to find its peer in the session) and `ledger` what every socket of the session wrote.
   */
  after(call: TraceCall, view: { local?: Endpoint; remote?: Endpoint }, ledger: StreamLedger): ProgramHint[] {
    const hints: ProgramHint[] = [];
    this.sendRule(call, hints);
    switch (call.op) {
      case 'connect':
        if (call.raised?.code === 'ECONNREFUSED' && call.remote) {
          hints.push(at(call, 'connect-refused', { host: call.remote.address, port: call.remote.port }));
        }
        break;
      case 'bind': {
        const port = call.local?.port ?? 0;
        if (port > 0 && port < PRIVILEGED_BELOW && (!call.raised || call.raised.code === 'EACCES')) {
          hints.push(at(call, 'privileged-port', { port, denied: call.raised ? 1 : 0 }));
        }
        break;
      }
      case 'recv':
        this.recvRule(call, hints);
        break;
      case 'shutdown':
        if (call.how !== 'write') this.stopRule(view, ledger, 0, hints);
        break;
      case 'close':
        this.stopRule(view, ledger, call.unread ?? 0, hints);
        if (call.gc) hints.push(at(this.created, 'never-closed', { gc: 1 }));
        break;
      case 'exit-open':
        this.stopRule(view, ledger, 0, hints);
        hints.push(at(this.created, 'never-closed', { gc: 0 }));
        break;
    }
    return hints;
  }

  /** The program ended while this socket was open (its tracer did not see the end): as at exit. */
  ended(view: { local?: Endpoint; remote?: Endpoint }, ledger: StreamLedger): ProgramHint[] {
    const hints: ProgramHint[] = [];
    this.sendRule({ op: 'exit-open' } as TraceCall, hints);
    this.stopRule(view, ledger, 0, hints);
    hints.push(at(this.created, 'never-closed', { gc: 0 }));
    return hints;
  }

  /** send() wrote less than it was given, and the next thing on the socket was not the rest. */
  private sendRule(call: TraceCall, hints: ProgramHint[]): void {
    const short = this.shortSend;
    if (short) {
      this.shortSend = undefined;
      const rest = short.asked - short.sent;
      if (!(call.op === 'send' && call.size === rest)) {
        hints.push(at(short, 'send-partial', { asked: short.asked, sent: short.sent }));
      }
    }
    const { size, n } = call;
    if (call.op === 'send' && !call.raised && size !== undefined && n !== undefined && n < size) {
      this.shortSend = { asked: size, sent: n, ...where(call) };
    }
  }

  private recvRule(call: TraceCall, hints: ProgramHint[]): void {
    if (call.raised || call.n === undefined || !this.stream) return;
    if (call.n > 0) {
      this.read += call.n;
      this.lastRead = { n: call.n, size: call.size, ...where(call) };
      return;
    }
    if (this.eof && !this.eofAgain) {
      this.eofAgain = true;
      hints.push(at(call, 'recv-after-eof', { count: call.repeat ?? 2 }));
    }
    this.eof = true;
  }

  /**
   * The program stopped reading (closed, shut down its reading side, ended) after a recv() that
   * returned bytes and before any b'': if more had been sent to it — bytes still waiting in the
   * kernel, or what its peer in the session wrote beyond what it read — it took one recv() for
   * the whole message.
   */
  private stopRule(
    view: { local?: Endpoint; remote?: Endpoint },
    ledger: StreamLedger,
    unread: number,
    hints: ProgramHint[],
  ): void {
    if (!this.stream || this.stopped || this.eof || !this.lastRead) return;
    this.stopped = true;
    const peer = ledger.peer(view.local, view.remote);
    const more = Math.max(unread, peer ? peer.sent - this.read : 0);
    if (more <= 0) return;
    const params: ProgramHint['params'] = { got: this.lastRead.n, more };
    if (this.lastRead.size !== undefined) params.asked = this.lastRead.size;
    const write = peer?.writeAround(this.read);
    if (write !== undefined) params.write = write;
    hints.push(at(this.lastRead, 'recv-not-message', params));
  }
}

function where(call: { file?: string; line?: number }): { file?: string; line?: number } {
  const place: { file?: string; line?: number } = {};
  if (call.file !== undefined) place.file = call.file;
  if (call.line !== undefined) place.line = call.line;
  return place;
}

function at(
  place: { file?: string; line?: number },
  code: ProgramHint['code'],
  params: ProgramHint['params'],
): ProgramHint {
  return { code, ...where(place), params };
}
