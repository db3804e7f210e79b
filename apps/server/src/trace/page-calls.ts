import type { Engine, EngineEvent } from '@playground/engine';
import type {
  Command,
  Endpoint,
  ErrorInfo,
  PageCall,
  ProgramCall,
  ProgramHint,
  ReplyResult,
  SocketKind,
  TraceCall,
} from '@playground/protocol';
import { toErrorInfo } from '../errors/bridge-error.ts';
import { SocketHints } from './hint-rules.ts';
import { StreamLedger } from './stream-ledger.ts';

/** The commands a program in the page makes its socket calls with (docs/python.md). */
export type CallCommand = Extract<
  Command,
  {
    type:
      | 'tcp.listen'
      | 'tcp.connect'
      | 'udp.bind'
      | 'socket.send'
      | 'socket.recv'
      | 'socket.accept'
      | 'tcp.end'
      | 'socket.close';
  }
>;

/** The event a command's call is written on; a call none of them shows becomes a `call` event. */
const SHOWN_BY: Record<CallCommand['type'], ReadonlySet<EngineEvent['type']>> = {
  'tcp.listen': new Set(['listening', 'error']),
  'tcp.connect': new Set(['connected', 'error']),
  'udp.bind': new Set(['listening', 'error']),
  'socket.send': new Set(['send', 'datagram-out', 'error']),
  'socket.recv': new Set(['recv', 'datagram-in', 'fin-received', 'error']),
  'socket.accept': new Set(['accept']),
  'tcp.end': new Set(['fin-sent']),
  'socket.close': new Set(['closed']),
};

/** The socket a creating command makes, by the kind of its `opened` event. */
const MADE: Partial<Record<CallCommand['type'], SocketKind>> = {
  'tcp.listen': 'tcp-server',
  'tcp.connect': 'tcp-client',
  'udp.bind': 'udp',
};

/** Python's exception for the errors a page program's hints look at (the rest are OSError). */
const PYTHON_ERROR: Record<string, string> = {
  ECONNREFUSED: 'ConnectionRefusedError',
  ECONNRESET: 'ConnectionResetError',
  EPIPE: 'BrokenPipeError',
  EACCES: 'PermissionError',
  ETIMEDOUT: 'TimeoutError',
};

/** Hints one socket shows at most (each distinct mistake and line once). */
const MAX_HINTS_PER_SOCKET = 8;

interface Pending {
  command: CallCommand;
  shown: ProgramCall;
  /** Whether an event of the command carries the call already. */
  written: boolean;
  /** The line of the socket() call, when the command makes the socket. */
  made?: number;
}

interface PageSocket {
  hints: SocketHints;
  shown: Set<string>;
}

/**
 * A program in the page, seen as a traced program is: each of its socket commands carries the call
 * behind it (`call`: fn, args, line), which goes on the event the command makes — `line 21:
 * recv(16) → 16 bytes` in the log and the flow — and through the same rules for classic mistakes
 * as a traced program's calls (hint-rules.ts), with the session's ledger to find a socket's peer.
 * The sockets stay the session's own (`manual`) ones: no second copy of them.
 */
export class PageCalls {
  private ledger: StreamLedger | undefined;
  private readonly pending = new Map<string, Pending>();
  /** A creating command's call, until its socket's `opened` event names it. */
  private making: Pending | undefined;
  private readonly sockets = new Map<string, PageSocket>();

  constructor(private readonly engine: Engine) {}

  /** Every session event, as it happens: the call of the command that made it goes on it. */
  observe(event: EngineEvent): void {
    this.ledger?.observe(event);
    const making = this.making;
    if (making && event.type === 'opened' && event.socket.manual && event.kind === MADE[making.command.type]) {
      this.making = undefined;
      this.pending.set(event.socketId, making);
      this.track(event.socketId, event.kind !== 'udp', making.made ?? making.shown.line);
      return;
    }
    const pending = this.pending.get(event.socketId);
    if (!pending || pending.written || !SHOWN_BY[pending.command.type].has(event.type)) return;
    pending.written = true;
    Object.assign(event, {
      call: event.type === 'error' ? { ...pending.shown, raised: raised(event.error) } : pending.shown,
    });
  }

  /** Carries out `run` (the command), with its call on its event and its hints after it. */
  async carry(command: CallCommand, call: PageCall, run: () => Promise<ReplyResult>): Promise<ReplyResult> {
    this.ledger ??= new StreamLedger();
    const shown: ProgramCall = { fn: call.fn, args: call.args };
    if (call.line !== undefined) shown.line = call.line;
    if (command.type === 'socket.close') shown.fn = call.ended ? 'exit' : call.fn;
    const entry: Pending = { command, shown, written: false, ...(call.made ? { made: call.made } : {}) };
    const id = 'socketId' in command ? command.socketId : undefined;
    if (id === undefined) this.making = entry;
    else this.pending.set(id, entry);
    // A close's hints come before its `closed` event, as a traced program's do.
    if (command.type === 'socket.close' && id !== undefined) this.hints(id, traceCall(command, call, {}));
    try {
      const reply = await run();
      this.settle(entry, id ?? reply.socket?.id, traceCall(command, call, reply));
      return reply;
    } catch (err) {
      const error = toErrorInfo(err);
      this.settle(entry, id, { ...traceCall(command, call, {}), raised: raised(error) });
      throw err;
    } finally {
      if (this.making === entry) this.making = undefined;
    }
  }

  private settle(entry: Pending, id: string | undefined, done: TraceCall): void {
    const socketId = id ?? [...this.pending].find(([, p]) => p === entry)?.[0];
    if (socketId === undefined) return;
    if (this.pending.get(socketId) === entry) this.pending.delete(socketId);
    if (!entry.written && entry.command.type !== 'socket.close') {
      const call = done.raised ? { ...entry.shown, raised: done.raised } : { ...entry.shown };
      if (done.op === 'recv' && done.n === 0) call.result = "b''";
      this.engine.note(socketId, { type: 'call', call });
    }
    if (entry.command.type === 'socket.close') {
      this.sockets.delete(socketId);
      return;
    }
    this.hints(socketId, done);
    if (done.op === 'accept' && done.newSock) this.track(done.newSock, true, entry.shown.line);
  }

  private hints(socketId: string, done: TraceCall): void {
    const sock = this.sockets.get(socketId);
    if (!sock || !this.ledger) return;
    const info = this.engine.info(socketId);
    const view: { local?: Endpoint; remote?: Endpoint } = {};
    if (info?.local) view.local = info.local;
    if (info?.remote) view.remote = info.remote;
    for (const hint of sock.hints.after(done, view, this.ledger)) this.hint(socketId, sock, hint);
  }

  private hint(socketId: string, sock: PageSocket, hint: ProgramHint): void {
    const key = `${hint.code}|${hint.line}`;
    if (sock.shown.has(key) || sock.shown.size >= MAX_HINTS_PER_SOCKET) return;
    sock.shown.add(key);
    this.engine.note(socketId, { type: 'hint', hint });
  }

  /** Hints start for a socket; `made`: the line it was made at, where "never closed" points. */
  private track(socketId: string, stream: boolean, made: number | undefined): void {
    if (this.sockets.has(socketId)) return;
    const created = made === undefined ? {} : { line: made };
    this.sockets.set(socketId, { hints: new SocketHints(stream, created), shown: new Set() });
  }
}

function raised(error: ErrorInfo): NonNullable<ProgramCall['raised']> {
  return { type: PYTHON_ERROR[error.code] ?? 'OSError', code: error.code, message: error.message.slice(0, 200) };
}

function endpoint(address: string, port: number): Endpoint {
  return { address, port, family: address.includes(':') ? 'IPv6' : 'IPv4' };
}

/** The call as the hint rules read a traced one: what it asked and what came back. */
function traceCall(command: CallCommand, call: PageCall, reply: ReplyResult): TraceCall {
  const base = { t: 0, sock: 'page', fn: call.fn, args: call.args, ...(call.line ? { line: call.line } : {}) };
  switch (command.type) {
    case 'tcp.listen':
    case 'udp.bind': {
      const local = reply.socket?.local ?? endpoint(command.host, command.port);
      return { ...base, op: command.type === 'udp.bind' ? 'bind' : 'listen', local };
    }
    case 'tcp.connect':
      return { ...base, op: 'connect', remote: endpoint(command.host, command.port) };
    case 'socket.send':
      return { ...base, op: 'send', ...(reply.bytes === undefined ? {} : { n: reply.bytes }) };
    case 'socket.recv':
      return { ...base, op: 'recv', size: command.max, ...(reply.received ? { n: reply.received.size } : {}) };
    case 'socket.accept':
      return { ...base, op: 'accept', ...(reply.socket ? { newSock: reply.socket.id } : {}) };
    case 'tcp.end':
      return { ...base, op: 'shutdown', how: 'write' };
    case 'socket.close':
      return { ...base, op: call.ended ? 'exit-open' : 'close' };
  }
}
