import type { Engine, EventBody, ExternalSocket } from '@playground/engine';
import type { Endpoint, ProgramCall, ProgramHint, ProgramInfo, SocketKind, TraceCall } from '@playground/protocol';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError } from '../errors/bridge-error.ts';
import { checkSocketQuota } from '../quota/socket-quota.ts';
import { callBytes, programCall, socketError } from './call-events.ts';
import { SocketHints } from './hint-rules.ts';
import type { StreamLedger } from './stream-ledger.ts';

/** Calls a socket may make before it listens or connects (socket, setsockopt, bind…): then it shows anyway. */
const MAX_PENDING = 16;
/** Hints one program run shows at most (each distinct mistake and line once). */
const MAX_HINTS = 64;
/** A program socket's `recvSize` means nothing (each recv names its own); the schema wants a number. */
const PROGRAM_RECV_SIZE = 1024;

interface ProgramSocket {
  name: string;
  stream: boolean;
  external?: ExternalSocket;
  /** Events before the socket is shown (its kind is not known until it listens or connects). */
  pending: Array<{ body: EventBody; t: number }>;
  local?: Endpoint;
  remote?: Endpoint;
  bound: boolean;
  finReceived: boolean;
  readNo: number;
  writeNo: number;
  hadError: boolean;
  hints: SocketHints;
  /** A connect that succeeded before its own address was known (strace says it with the next call). */
  connecting?: { call: ProgramCall; t: number };
}

export interface ProgramModelDeps {
  engine: Engine;
  limits: SessionLimits;
  ledger: StreamLedger;
  program: () => ProgramInfo;
}

/**
 * A traced program's sockets, built from its calls: each becomes a socket of the session once it
 * is clear what it is (a stream socket is a server once it listens, a client once it connects; a
 * socket accept() returned is a connection of its listener), and each call becomes the session
 * event it amounts to — with the call, its line and its thread on it. Quotas apply as to the
 * playground's own sockets: past one, a `quota` BridgeError ends the tracing.
 */
export class ProgramModel {
  private readonly sockets = new Map<string, ProgramSocket>();
  private readonly hinted = new Set<string>();

  constructor(private readonly deps: ProgramModelDeps) {}

  apply(call: TraceCall, t: number): void {
    if (call.op === 'socket') {
      this.created(call, t);
      return;
    }
    const sock = this.sockets.get(call.sock) ?? this.adopted(call);
    if (call.local) sock.local = call.local;
    this.settleConnect(sock);
    const hints = sock.hints.after(call, sock, this.deps.ledger);
    const closing = call.op === 'close' || call.op === 'exit-open';
    if (closing) {
      if (!sock.external) this.show(sock, sock.bound ? 'tcp-server' : 'tcp-client');
      this.hint(sock, hints, t);
    }
    this.event(sock, call, t);
    if (!closing) this.hint(sock, hints, t);
    if (closing) this.sockets.delete(sock.name);
  }

  /** The program ended: sockets still open were closed by the operating system. */
  exited(t: number): void {
    for (const sock of [...this.sockets.values()]) {
      if (!sock.external) this.show(sock, sock.stream ? 'tcp-client' : 'udp');
      this.hint(sock, sock.hints.ended(sock, this.deps.ledger), t);
      this.emit(sock, { type: 'closed', hadError: sock.hadError, call: { fn: 'exit', args: '' } }, t);
    }
    this.sockets.clear();
  }

  /** Tracing stopped with the program still running: its sockets leave the session, marked untraced. */
  release(): void {
    for (const sock of this.sockets.values()) sock.external?.release();
    this.sockets.clear();
  }

  private created(call: TraceCall, t: number): void {
    if (this.sockets.size >= this.deps.limits.maxSockets) this.quota();
    const sock = this.track(call.sock, call.socktype !== 'dgram', call);
    this.emit(sock, { type: 'call', call: programCall(call) }, t);
    if (!sock.stream) this.show(sock, 'udp');
  }

  /** A socket the tracer knew before its first call here (inherited, or from before an accept we missed). */
  private adopted(call: TraceCall): ProgramSocket {
    if (this.sockets.size >= this.deps.limits.maxSockets) this.quota();
    return this.track(call.sock, !(call.peer && !call.remote), call);
  }

  private track(name: string, stream: boolean, where: TraceCall): ProgramSocket {
    const created: { file?: string; line?: number } = {};
    if (where.file !== undefined) created.file = where.file;
    if (where.line !== undefined) created.line = where.line;
    const sock: ProgramSocket = {
      name,
      stream,
      pending: [],
      bound: false,
      finReceived: false,
      readNo: 0,
      writeNo: 0,
      hadError: false,
      hints: new SocketHints(stream, created),
    };
    this.sockets.set(name, sock);
    return sock;
  }

  /** The call's own event on its socket. */
  private event(sock: ProgramSocket, call: TraceCall, t: number): void {
    const shown = programCall(call);
    const error = socketError(call.raised, call.fn, call.op === 'bind' ? call.local : (call.remote ?? sock.remote));
    sock.hadError = call.raised !== undefined;
    if (error && call.op !== 'close') {
      if (call.op === 'connect' && !sock.external) {
        if (call.remote) sock.remote = call.remote;
        this.show(sock, sock.stream ? 'tcp-client' : 'udp');
      }
      this.emit(sock, { type: 'error', error, call: shown }, t);
      return;
    }
    if (call.raised) {
      this.emit(sock, { type: 'call', call: shown }, t);
      return;
    }
    switch (call.op) {
      case 'bind':
        sock.bound = true;
        if (!sock.stream && sock.local) {
          this.emit(sock, { type: 'listening', local: sock.local, call: shown }, t);
          this.emit(sock, { type: 'state', state: 'bound' }, t);
          return;
        }
        break;
      case 'listen':
        this.show(sock, 'tcp-server');
        if (sock.local) {
          this.emit(sock, { type: 'listening', local: sock.local, call: shown }, t);
          return;
        }
        break;
      case 'accept':
        this.accepted(sock, call, t);
        return;
      case 'connect':
        if (call.remote) sock.remote = call.remote;
        if (sock.stream && sock.remote) {
          this.show(sock, 'tcp-client');
          sock.connecting = { call: shown, t };
          this.settleConnect(sock);
          return;
        }
        break;
      case 'send':
        this.sent(sock, call, t);
        return;
      case 'recv':
        this.received(sock, call, t);
        return;
      case 'shutdown':
        if (call.how === 'write' || call.how === 'both') {
          this.emit(sock, { type: 'fin-sent', call: shown }, t);
          return;
        }
        break;
      case 'close':
      case 'exit-open':
        this.emit(sock, { type: 'closed', hadError: false, call: shown }, t);
        return;
    }
    this.emit(sock, { type: 'call', call: shown }, t);
  }

  /** The connected event, once both addresses are known: at the connect's own time, with its call. */
  private settleConnect(sock: ProgramSocket): void {
    const { connecting, local, remote } = sock;
    if (!connecting || !local || !remote) return;
    sock.connecting = undefined;
    this.emit(sock, { type: 'connected', local, remote, call: connecting.call }, connecting.t);
  }

  private accepted(listener: ProgramSocket, call: TraceCall, t: number): void {
    const shown = programCall(call);
    if (!call.newSock || !call.remote || !listener.external) {
      this.emit(listener, { type: 'call', call: shown }, t);
      return;
    }
    const conn = this.track(call.newSock, true, call);
    conn.local = call.local;
    conn.remote = call.remote;
    this.show(conn, 'tcp-conn', listener.external.id, t);
    this.emit(
      listener,
      { type: 'accept', connId: (conn.external as ExternalSocket).id, remote: call.remote, call: shown },
      t,
    );
  }

  private sent(sock: ProgramSocket, call: TraceCall, t: number): void {
    const data = callBytes(call);
    const size = call.n ?? data.byteLength;
    const shown = programCall(call);
    if (!sock.external) this.show(sock, sock.stream ? 'tcp-client' : 'udp');
    const writeNo = ++sock.writeNo;
    const to = call.peer ?? sock.remote;
    if (!sock.stream && to) {
      this.emit(sock, { type: 'datagram-out', data, size, to, writeNo, call: shown }, t);
      return;
    }
    this.emit(sock, { type: 'send', data, size, writeNo, call: shown }, t);
  }

  private received(sock: ProgramSocket, call: TraceCall, t: number): void {
    const data = callBytes(call);
    const size = call.n ?? data.byteLength;
    const shown = programCall(call);
    if (!sock.external) this.show(sock, sock.stream ? 'tcp-client' : 'udp');
    if (sock.stream && size === 0) {
      // The first b'' is the peer's FIN; later ones are the program asking again.
      if (sock.finReceived) {
        this.emit(sock, { type: 'call', call: { ...shown, result: "b''" } }, t);
        return;
      }
      sock.finReceived = true;
      this.emit(sock, { type: 'fin-received', call: shown }, t);
      return;
    }
    const readNo = ++sock.readNo;
    if (!sock.stream && call.peer) {
      this.emit(sock, { type: 'datagram-in', data, size, from: call.peer, lost: 0, readNo, call: shown }, t);
      return;
    }
    this.emit(sock, { type: 'recv', data, size, readNo, call: shown }, t);
  }

  /** The socket joins the session as `kind`: announced at its first call, then its calls so far. */
  private show(sock: ProgramSocket, kind: SocketKind, parentId?: string, t?: number): void {
    if (sock.external) return;
    // Servers count against the session's servers too; every socket against its sockets.
    if (kind === 'tcp-server' || kind === 'udp') checkSocketQuota(this.deps.engine, this.deps.limits, kind);
    else if (this.deps.engine.socketCount() >= this.deps.limits.maxSockets) this.quota();
    const info: Parameters<Engine['external']>[1] = { recvSize: PROGRAM_RECV_SIZE, program: this.deps.program() };
    if (sock.local) info.local = sock.local;
    if (sock.remote) info.remote = sock.remote;
    if (parentId) info.parentId = parentId;
    const external = this.deps.engine.external(kind, info, 'program');
    sock.external = external;
    external.announce(sock.pending[0]?.t ?? t ?? this.deps.engine.clock());
    for (const { body, t: at } of sock.pending.splice(0)) external.observe(body, at);
  }

  private emit(sock: ProgramSocket, body: EventBody, t: number): void {
    if (sock.external) {
      sock.external.observe(body, t);
      return;
    }
    sock.pending.push({ body, t });
    if (sock.pending.length >= MAX_PENDING)
      this.show(sock, sock.stream ? (sock.bound ? 'tcp-server' : 'tcp-client') : 'udp');
  }

  private hint(sock: ProgramSocket, hints: ProgramHint[], t: number): void {
    for (const hint of hints) {
      const key = `${hint.code}|${hint.file}|${hint.line}|${sock.name}`;
      if (this.hinted.has(key) || this.hinted.size >= MAX_HINTS) continue;
      this.hinted.add(key);
      this.emit(sock, { type: 'hint', hint }, t);
    }
  }

  private quota(): never {
    const max = this.deps.limits.maxSockets;
    throw new BridgeError('quota.maxSockets', { limit: 'maxSockets', max });
  }
}
