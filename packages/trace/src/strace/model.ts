import { MAX_TRACE_DATA, type TraceCall } from '@playground/protocol';
import {
  decodeFd,
  decodeIovecs,
  decodeResult,
  decodeSockaddr,
  decodeString,
  type FdInfo,
  splitArgs,
} from './decode.ts';
import type { StraceLine } from './parse-line.ts';

/** One socket as the program's descriptors refer to it (a forked child shares its parent's). */
interface Sock {
  name: string;
  stream: boolean;
  refs: number;
  /** connect() returned EINPROGRESS: it is settled by SO_ERROR or by the first call that shows a peer. */
  connecting: boolean;
}

/** A descriptor table: threads share one (CLONE_FILES), a forked process gets a copy. */
type Table = Map<number, Sock>;

const EAGAIN = new Set(['EAGAIN', 'EWOULDBLOCK']);
const SEND = new Set(['sendto', 'sendmsg', 'write', 'writev', 'send']);
const RECV = new Set(['recvfrom', 'recvmsg', 'read', 'readv', 'recv']);
const SHUT: Record<string, TraceCall['how']> = { SHUT_RD: 'read', SHUT_WR: 'write', SHUT_RDWR: 'both' };

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, MAX_TRACE_DATA)).toString('base64');

/** Bytes as C source writes them: printable ASCII as it is, the rest escaped, the first 32 only. */
function cString(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes.subarray(0, 32)) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else if (byte === 10) out += '\\n';
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `"${out}"${bytes.length > 32 ? '...' : ''}`;
}

const endpointText = (e: { address: string; port: number; family: string }) =>
  e.family === 'IPv6' ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;

/**
 * Turns strace's system calls into trace calls: only calls on TCP and UDP sockets, named by
 * descriptor (`fd3`, `fd3#2` once the number is reused). A non-blocking call that would have
 * blocked (EAGAIN) is not a step of the program's conversation and is left out, counted.
 */
export class StraceModel {
  private readonly tables = new Map<number, Table>();
  private readonly generations = new Map<number, number>();
  /** Tasks started with CLONE_THREAD: threads of their process, not processes of their own. */
  private readonly threads = new Set<number>();
  skippedWouldBlock = 0;

  constructor(
    private readonly rootPid: number,
    /** Seconds since the epoch (strace's -ttt) to milliseconds on the tracer's clock. */
    private readonly toClock: (seconds: number) => number,
  ) {}

  calls(line: StraceLine): TraceCall[] {
    const t = this.toClock(line.seconds);
    if (line.kind === 'exit') return this.exited(line.pid, t);
    const args = splitArgs(line.args);
    const result = decodeResult(line.result);
    if (line.name === 'clone' || line.name === 'clone3' || line.name === 'fork' || line.name === 'vfork') {
      this.cloned(line.pid, line.args, result.value);
      return [];
    }
    if (line.name === 'socket') return this.opened(line.pid, t, args, result);
    const fd = decodeFd(args[0] ?? '');
    if (!fd) return [];
    const sock = this.sockFor(line.pid, fd);
    if (!sock) return [];
    if (result.errno && EAGAIN.has(result.errno)) {
      this.skippedWouldBlock++;
      return [];
    }
    const call = this.describe(line.pid, line.name, sock, fd, args, result, t);
    if (!call) return [];
    // What -yy says the socket is bound to now (after a bind to port 0, the port the OS picked).
    if (!call.local && fd.local) call.local = fd.local;
    if (line.pid !== this.rootPid) call.thread = this.threads.has(line.pid) ? `tid ${line.pid}` : `pid ${line.pid}`;
    if (result.errno) call.raised = { type: 'errno', code: result.errno, message: result.message ?? result.errno };
    return this.settleConnect(sock, fd, t, call);
  }

  private describe(
    pid: number,
    name: string,
    sock: Sock,
    fd: FdInfo,
    args: string[],
    result: Result,
    t: number,
  ): TraceCall | undefined {
    const call: TraceCall = { t, sock: sock.name, op: 'option', fn: name, args: args.slice(1).join(', ') };
    switch (name) {
      case 'bind': {
        call.op = 'bind';
        const local = decodeSockaddr(args[1] ?? '');
        if (local) {
          call.local = local;
          call.args = endpointText(local);
        }
        return call;
      }
      case 'listen':
        call.op = 'listen';
        call.backlog = Number(args[1]);
        if (fd.local) call.local = fd.local;
        return call;
      case 'accept':
      case 'accept4': {
        call.op = 'accept';
        call.args = '';
        if (result.fd) {
          const conn = this.adopt(pid, result.fd.fd, true);
          call.newSock = conn.name;
          if (result.fd.local) call.local = result.fd.local;
          if (result.fd.remote) call.remote = result.fd.remote;
        }
        return call;
      }
      case 'connect': {
        call.op = 'connect';
        const remote = decodeSockaddr(args[1] ?? '');
        if (remote) {
          call.remote = remote;
          call.args = endpointText(remote);
        }
        if (result.errno === 'EINPROGRESS') {
          sock.connecting = true;
          return undefined;
        }
        return call;
      }
      case 'shutdown':
        call.op = 'shutdown';
        call.how = SHUT[args[1] ?? ''];
        return call;
      case 'close':
        call.op = 'close';
        this.release(pid, fd.fd);
        return sock.refs === 0 ? call : undefined;
      case 'setsockopt':
        return call;
      case 'getsockopt':
        return this.soError(sock, fd, args, call);
    }
    if (SEND.has(name) || RECV.has(name)) return this.moved(name, sock, fd, args, result, call);
    return undefined;
  }

  /** A read or a write: the bytes strace showed (up to -s), and how many there really were. */
  private moved(name: string, sock: Sock, fd: FdInfo, args: string[], result: Result, call: TraceCall): TraceCall {
    const sending = SEND.has(name);
    call.op = sending ? 'send' : 'recv';
    const data = name.endsWith('v') || name.endsWith('msg') ? decodeIovecs(args[1] ?? '') : decodeString(args[1] ?? '');
    const shown = sending && data ? cString(data) : 'buf';
    call.args = [shown, ...args.slice(2).map((a) => (a.startsWith('{') ? '{…}' : a))].join(', ');
    const size = Number(args[2]);
    if (Number.isInteger(size)) call.size = size;
    if (result.value !== undefined) {
      call.n = result.value;
      if (data) call.data = base64(data.subarray(0, result.value));
    }
    const address = name === 'sendto' ? args[4] : name === 'recvfrom' ? args[4] : args[1];
    const peer = decodeSockaddr(address ?? '');
    if (peer && !sock.stream) call.peer = peer;
    if (!sock.stream && !peer && fd.remote) call.peer = fd.remote;
    return call;
  }

  /** getsockopt(SO_ERROR) after a non-blocking connect: how the connect ended. */
  private soError(sock: Sock, fd: FdInfo, args: string[], call: TraceCall): TraceCall | undefined {
    if (args[2] !== 'SO_ERROR' || !sock.connecting) return undefined;
    sock.connecting = false;
    call.op = 'connect';
    call.fn = 'connect';
    const errno = /^\[(\w+)\]$/.exec(args[3] ?? '')?.[1];
    if (errno && errno !== '0') call.raised = { type: 'errno', code: errno, message: errno };
    if (fd.local) call.local = fd.local;
    if (fd.remote) call.remote = fd.remote;
    call.args = fd.remote ? endpointText(fd.remote) : '';
    return call;
  }

  /** A call on a socket whose connect was still in progress, and which shows its peer: connected. */
  private settleConnect(sock: Sock, fd: FdInfo, t: number, call: TraceCall): TraceCall[] {
    if (!sock.connecting || !fd.remote || call.op === 'connect') return [call];
    sock.connecting = false;
    const connected: TraceCall = { t, sock: sock.name, op: 'connect', fn: 'connect', args: '', remote: fd.remote };
    if (fd.local) connected.local = fd.local;
    return [connected, call];
  }

  private opened(pid: number, t: number, args: string[], result: Result): TraceCall[] {
    const family = args[0] === 'AF_INET' ? 'IPv4' : args[0] === 'AF_INET6' ? 'IPv6' : undefined;
    const type = /SOCK_(STREAM|DGRAM)/.exec(args[1] ?? '')?.[1];
    if (!family || !type || result.value === undefined) return [];
    const sock = this.adopt(pid, result.value, type === 'STREAM');
    const socktype = type === 'STREAM' ? 'stream' : 'dgram';
    return [{ t, sock: sock.name, op: 'socket', fn: 'socket', args: args.join(', '), family, socktype }];
  }

  /** The process (or its last thread) ended: sockets nothing else refers to were never closed. */
  private exited(pid: number, t: number): TraceCall[] {
    const table = this.tables.get(pid);
    this.tables.delete(pid);
    if (!table || [...this.tables.values()].includes(table)) return [];
    const calls: TraceCall[] = [];
    for (const sock of table.values()) {
      sock.refs--;
      if (sock.refs === 0) calls.push({ t, sock: sock.name, op: 'exit-open', fn: 'exit', args: '' });
    }
    return calls;
  }

  private cloned(pid: number, args: string, child: number | undefined): void {
    if (child === undefined) return;
    const table = this.table(pid);
    if (/CLONE_THREAD/.test(args)) this.threads.add(child);
    if (/CLONE_FILES/.test(args)) {
      this.tables.set(child, table);
      return;
    }
    const copy: Table = new Map(table);
    for (const sock of copy.values()) sock.refs++;
    this.tables.set(child, copy);
  }

  /** Threads show up before their clone() returns; until then they share the first process's table. */
  private table(pid: number): Table {
    let table = this.tables.get(pid);
    if (!table) {
      table = this.tables.get(this.rootPid) ?? new Map();
      this.tables.set(pid, table);
      if (!this.tables.has(this.rootPid)) this.tables.set(this.rootPid, table);
    }
    return table;
  }

  private sockFor(pid: number, fd: FdInfo): Sock | undefined {
    const known = this.table(pid).get(fd.fd);
    if (known) return known;
    // A socket the program had before tracing began (inherited): known by what -yy says it is.
    if (!fd.protocol) return undefined;
    return this.adopt(pid, fd.fd, fd.protocol.startsWith('TCP'));
  }

  private adopt(pid: number, fd: number, stream: boolean): Sock {
    const generation = (this.generations.get(fd) ?? 0) + 1;
    this.generations.set(fd, generation);
    const sock: Sock = {
      name: generation === 1 ? `fd${fd}` : `fd${fd}#${generation}`,
      stream,
      refs: 1,
      connecting: false,
    };
    this.table(pid).set(fd, sock);
    return sock;
  }

  private release(pid: number, fd: number): void {
    const table = this.table(pid);
    const sock = table.get(fd);
    if (!sock) return;
    table.delete(fd);
    sock.refs--;
  }
}

type Result = ReturnType<typeof decodeResult>;
