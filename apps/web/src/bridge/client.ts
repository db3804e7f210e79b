import {
  CLOSE_REMOVED_FROM_CLASS,
  CLOSE_RESUMED_ELSEWHERE,
  CLOSE_TOO_FAR_BEHIND,
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
import type { StatusChange } from './applyConnection.ts';
import type { ErrorCodeInfo } from './state.ts';

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

/** The subset of the DOM WebSocket the client uses. */
export interface SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  /** Also follows every error, so recovery lives here alone. */
  onclose: ((event?: { code?: number }) => void) | null;
  send(data: string): void;
  close(): void;
}

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

/** One WebSocket to the bridge: numbered requests with replies as Promises, and automatic reconnection. */
export class BridgeClient implements BridgeApi {
  private socket: SocketLike | null = null;
  /** Between deciding to connect and having a socket: fetching the token. */
  private opening = false;
  private ready = false;
  /** A bridge of another protocol version will not become compatible by retrying. */
  private gaveUp = false;
  private attempt = 0;
  private nextId = 1;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly createSocket: (url: string) => SocketLike;
  private readonly requestTimeoutMs: number;
  private readonly backoffMs: readonly number[];

  constructor(private readonly options: BridgeClientOptions) {
    this.createSocket = options.createSocket ?? browserSocket;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF;
  }

  start(): void {
    this.open();
  }

  reconnectNow(): void {
    if (this.gaveUp || this.socket || this.opening) return;
    this.clearRetry();
    this.open();
  }

  send(command: CommandBody, options: { timeoutMs?: number } = {}): Promise<ReplyResult> {
    const socket = this.socket;
    if (!socket || !this.ready) {
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

  private open(): void {
    this.options.handlers.onStatus({ status: 'connecting' });
    if (!this.options.token) {
      this.connect(null);
      return;
    }
    this.opening = true;
    this.options.token().then(
      (token) => {
        this.opening = false;
        this.connect(token);
      },
      (error: unknown) => {
        this.opening = false;
        console.warn('Could not get a token from the bridge; will retry.', error);
        this.dropped();
      },
    );
  }

  private connect(token: string | null): void {
    const params = new URLSearchParams();
    if (token !== null) params.set('token', token);
    const resume = this.options.resume;
    if (resume) {
      params.set('keep', '1');
      const previous = resume.get();
      if (previous) params.set('resume', previous);
    }
    const query = params.toString();
    const socket = this.createSocket(query ? `${this.options.url}?${query}` : this.options.url);
    this.socket = socket;
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      if (event?.code === CLOSE_RESUMED_ELSEWHERE) this.replaced();
      else if (event?.code === CLOSE_REMOVED_FROM_CLASS) this.removed();
      else if (event?.code === CLOSE_TOO_FAR_BEHIND) this.fellBehind();
      else this.dropped();
    };
  }

  /** Another tab resumed this session: do not fight over it; a new session starts only when asked. */
  private replaced(): void {
    this.options.resume?.set(null);
    this.dropped();
    this.clearRetry();
    this.options.handlers.onStatus({ status: 'replaced' });
  }

  /** The session and its token are gone: the next attempt asks for a new token (the join screen). */
  private removed(): void {
    this.options.resume?.set(null);
    this.options.handlers.onRemovedFromClass?.();
    this.attempt = 0;
    this.dropped();
  }

  /** The bridge ended the session because this page read too little of it: a new one starts, and the learner is told why. */
  private fellBehind(): void {
    this.options.resume?.set(null);
    this.options.handlers.onFellBehind?.();
    this.dropped();
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
        this.ready = true;
        this.attempt = 0;
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
    }
  }

  /** Checked before full validation, because a bridge of another version may not match our schemas at all. */
  private isOtherVersion(raw: unknown): boolean {
    if (typeof raw !== 'object' || raw === null) return false;
    const { type, protocolVersion } = raw as { type?: unknown; protocolVersion?: unknown };
    if (type !== 'welcome' || typeof protocolVersion !== 'number' || protocolVersion === PROTOCOL_VERSION) return false;
    this.gaveUp = true;
    this.socket?.close();
    this.socket = null;
    this.ready = false;
    this.options.handlers.onStatus({ status: 'incompatible', serverVersion: protocolVersion });
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

  private dropped(): void {
    this.socket = null;
    this.ready = false;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(
        new BridgeRequestError({ code: 'disconnected', message: 'The connection to the bridge dropped.' }),
      );
      this.pending.delete(id);
    }
    const delay = this.backoffMs[Math.min(this.attempt, this.backoffMs.length - 1)] ?? 1000;
    this.attempt++;
    this.options.handlers.onStatus({ status: 'reconnecting', retryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
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
