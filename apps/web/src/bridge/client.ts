import {
  assertNever,
  type ClassInfo,
  type CommandInput,
  type EventBatch,
  type KernelSnapshot,
  type Notice,
  PROTOCOL_VERSION,
  type ProgramMessage,
  type Reply,
  type ReplyResult,
  type Roster,
  ServerMessage,
  type Snapshot,
  type Spotlight,
  type Welcome,
  type WireBatch,
  type WireStatus,
} from '@playground/protocol';
import type { StatusChange } from '../store/applyConnection.ts';
import type { ErrorCodeInfo } from '../store/state.ts';
import { BridgeConnection, type SocketLike } from './connection.ts';

type WithoutId<C> = C extends unknown ? Omit<C, 'id'> : never;
/** A command as the UI writes it: the client numbers it. */
export type CommandBody = WithoutId<CommandInput>;

/** The part of the client the UI talks to; tests pass a fake. */
export interface BridgeApi {
  send(command: CommandBody, options?: { timeoutMs?: number }): Promise<ReplyResult>;
  reconnectNow(): void;
}

/** Rejection of `send`: the bridge's error, or one the client detected. */
export class BridgeRequestError extends Error {
  constructor(readonly info: ErrorCodeInfo) {
    super(info.message);
    this.name = 'BridgeRequestError';
  }
}

export type { SocketLike };

export interface BridgeHandlers {
  onStatus(change: StatusChange): void;
  onWelcome(welcome: Welcome): void;
  onBatch(batch: EventBatch): void;
  onNotice(notice: Notice): void;
  /** The kernel's TCP table, while the OS view watches it. */
  onKernel?(snapshot: KernelSnapshot): void;
  /** A traced program of this session attached, ended or stopped being traced. */
  onProgram?(message: ProgramMessage): void;
  /** The wire view: the capture's state and the captured segments. */
  onWire?(message: WireStatus | WireBatch): void;
  /** After a welcome with `resumed: true`: where the resumed session stands. */
  onSnapshot?(snapshot: Snapshot): void;
  /** The classroom: the teacher's roster and spotlight, the class's servers. */
  onClassroom?(message: Roster | ClassInfo | Spotlight): void;
  /** The teacher took this student's join back: the token is dead; the page asks to join again. */
  onRemovedFromClass?(): void;
  /** The bridge ended the session: the page fell too far behind what it was sent (close code 4008). */
  onFellBehind?(): void;
}

export interface BridgeClientOptions {
  url: string;
  handlers: BridgeHandlers;
  /** Asked before every attempt, since a restarted bridge hands out a new token; null connects without one. */
  token?: () => Promise<string | null>;
  createSocket?: (url: string) => SocketLike;
  requestTimeoutMs?: number;
  /** Waits between attempts; the last one repeats. */
  backoffMs?: readonly number[];
  /**
   * Where this tab keeps its session's resume token. With it the client asks the bridge to keep the
   * session through a drop (`keep=1`) and resumes it on the next connection (`resume=…`).
   */
  resume?: { get(): string | null; set(token: string | null): void };
}

interface Pending {
  resolve(result: ReplyResult): void;
  reject(error: BridgeRequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

const DEFAULT_BACKOFF = [500, 1000, 2000, 4000, 8000, 10_000];

/**
 * Requests and replies over the bridge's WebSocket: numbered commands resolved or rejected by their
 * reply, and every message validated and handed to the page. The socket and its reconnection are
 * the `BridgeConnection`'s.
 */
export class BridgeClient implements BridgeApi {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly requestTimeoutMs: number;
  private readonly connection: BridgeConnection;

  constructor(private readonly options: BridgeClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const { handlers } = options;
    this.connection = new BridgeConnection({
      url: options.url,
      ...(options.token ? { token: options.token } : {}),
      ...(options.resume ? { resume: options.resume } : {}),
      createSocket: options.createSocket ?? browserSocket,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF,
      onStatus: (change) => handlers.onStatus(change),
      onMessage: (data) => this.receive(data),
      onLost: () => this.rejectPending(),
      onRemovedFromClass: () => handlers.onRemovedFromClass?.(),
      onFellBehind: () => handlers.onFellBehind?.(),
    });
  }

  start(): void {
    this.connection.dispatch({ type: 'start' });
  }

  reconnectNow(): void {
    this.connection.dispatch({ type: 'start' });
  }

  send(command: CommandBody, options: { timeoutMs?: number } = {}): Promise<ReplyResult> {
    const socket = this.connection.openSocket;
    if (!socket) {
      return Promise.reject(
        new BridgeRequestError({
          code: 'disconnected',
          message: 'Not connected to the bridge; wait for it to reconnect.',
        }),
      );
    }
    const id = this.nextId++;
    return new Promise<ReplyResult>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BridgeRequestError({ code: 'request_timeout', message: 'The bridge did not answer in time.' }));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ ...command, id }));
    });
  }

  private receive(data: unknown): void {
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      console.warn('Bridge sent a message that is not JSON; ignored.', data);
      return;
    }
    if (this.isOtherVersion(raw)) return;
    const parsed = ServerMessage.safeParse(raw);
    if (!parsed.success) {
      console.warn('Bridge sent a message the protocol does not allow; ignored.', parsed.error.issues, raw);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'welcome':
        this.connection.dispatch({ type: 'welcomed' });
        this.options.resume?.set(message.resumeToken ?? null);
        this.options.handlers.onWelcome(message);
        break;
      case 'reply':
        this.settle(message);
        break;
      case 'events':
        this.options.handlers.onBatch(message);
        for (const reply of message.replies ?? []) this.settle(reply);
        break;
      case 'notice':
        this.options.handlers.onNotice(message);
        break;
      case 'kernel':
        this.options.handlers.onKernel?.(message);
        break;
      case 'wire':
      case 'wire-status':
        this.options.handlers.onWire?.(message);
        break;
      case 'snapshot':
        this.options.handlers.onSnapshot?.(message);
        break;
      case 'program':
        this.options.handlers.onProgram?.(message);
        break;
      case 'roster':
      case 'class':
      case 'spotlight':
        this.options.handlers.onClassroom?.(message);
        break;
      default:
        assertNever(message, 'server message');
    }
  }

  /** Checked before full validation, because a bridge of another version may not match our schemas at all. */
  private isOtherVersion(raw: unknown): boolean {
    if (typeof raw !== 'object' || raw === null) return false;
    const { type, protocolVersion } = raw as { type?: unknown; protocolVersion?: unknown };
    if (type !== 'welcome' || typeof protocolVersion !== 'number' || protocolVersion === PROTOCOL_VERSION) return false;
    this.connection.dispatch({ type: 'other-version', serverVersion: protocolVersion });
    return true;
  }

  private settle(reply: Reply): void {
    const pending = typeof reply.re === 'number' ? this.pending.get(reply.re) : undefined;
    if (!pending) {
      if (!reply.ok) console.warn('Bridge reported an error for no pending command:', reply.error);
      return;
    }
    this.pending.delete(reply.re as number);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new BridgeRequestError(reply.error));
  }

  private rejectPending(): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(
        new BridgeRequestError({ code: 'disconnected', message: 'The connection to the bridge dropped.' }),
      );
      this.pending.delete(id);
    }
  }
}

function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const socket: SocketLike = {
    onmessage: null,
    onclose: null,
    send: (data) => ws.send(data),
    close: () => ws.close(),
  };
  ws.onmessage = (event) => socket.onmessage?.(event);
  ws.onclose = (event) => socket.onclose?.({ code: event.code });
  return socket;
}

/**
 * `ws` beside the page, as its other requests are relative: `/ws` for a page at `/`, `/class-3b/ws`
 * for a page a proxy serves at `/class-3b/`; `wss:` when the page came over HTTPS.
 */
export function bridgeUrl(location: Pick<Location, 'href'>): string {
  const url = new URL('ws', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.href;
}
