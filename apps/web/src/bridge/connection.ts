import { CLOSE_REMOVED_FROM_CLASS, CLOSE_RESUMED_ELSEWHERE, CLOSE_TOO_FAR_BEHIND } from '@playground/protocol';
import type { StatusChange } from '../store/applyConnection.ts';

/** The subset of the DOM WebSocket the client uses. */
export interface SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  /** Also follows every error, so recovery lives here alone. */
  onclose: ((event?: { code?: number }) => void) | null;
  send(data: string): void;
  close(): void;
}

/**
 * Where the one WebSocket to the bridge stands. Only `open` (welcomed) carries commands;
 * `incompatible` and `replaced` wait for the learner (a reload, "start a new session").
 */
export type Phase =
  | { name: 'idle' }
  | { name: 'fetching-token'; attempt: object }
  | { name: 'connecting'; socket: SocketLike }
  | { name: 'open'; socket: SocketLike }
  | { name: 'backoff'; timer: ReturnType<typeof setTimeout> }
  | { name: 'incompatible' }
  | { name: 'replaced' };

/** What can happen to the connection: the learner's wishes, the token, the socket, the timer. */
export type ConnectionInput =
  | { type: 'start' }
  | { type: 'token'; attempt: object; token: string | null }
  | { type: 'token-failed'; attempt: object; error: unknown }
  | { type: 'welcomed' }
  | { type: 'other-version'; serverVersion: number }
  | { type: 'closed'; socket: SocketLike; code: number | undefined }
  | { type: 'retry' };

export interface ConnectionOptions {
  url: string;
  /** Asked before every attempt, since a restarted bridge hands out a new token; null connects without one. */
  token?: () => Promise<string | null>;
  createSocket: (url: string) => SocketLike;
  /** Waits between attempts; the last one repeats. */
  backoffMs: readonly number[];
  resume?: { get(): string | null; set(token: string | null): void };
  onStatus(change: StatusChange): void;
  onMessage(data: unknown): void;
  /** The socket is gone (whatever comes next): what waited for a reply will get none. */
  onLost(): void;
  onRemovedFromClass?(): void;
  onFellBehind?(): void;
}

/**
 * The transport and its reconnection, as one explicit state machine: every change of phase goes
 * through `dispatch`, so the page is told exactly one status per change (a replaced session says
 * "replaced", never "reconnecting" first).
 */
export class BridgeConnection {
  #phase: Phase = { name: 'idle' };
  /** Failed attempts since the last welcome: the index into the backoff waits. */
  #failures = 0;

  constructor(private readonly options: ConnectionOptions) {}

  get phase(): Phase['name'] {
    return this.#phase.name;
  }

  /** The socket commands may go to: only once the bridge welcomed this page. */
  get openSocket(): SocketLike | null {
    return this.#phase.name === 'open' ? this.#phase.socket : null;
  }

  /** The one transition function. */
  dispatch(input: ConnectionInput): void {
    const phase = this.#phase;
    switch (input.type) {
      case 'start':
        // "Reconnect now": from a wait, after a replacement, or the first time; never over a live socket.
        if (phase.name === 'idle' || phase.name === 'replaced') this.#open();
        else if (phase.name === 'backoff') {
          clearTimeout(phase.timer);
          this.#open();
        }
        return;
      case 'retry':
        if (phase.name === 'backoff') this.#open();
        return;
      case 'token':
        if (phase.name === 'fetching-token' && phase.attempt === input.attempt) this.#connect(input.token);
        return;
      case 'token-failed':
        if (phase.name !== 'fetching-token' || phase.attempt !== input.attempt) return;
        console.warn('Could not get a token from the bridge; will retry.', input.error);
        this.#backoff();
        return;
      case 'welcomed':
        if (phase.name !== 'connecting') return;
        this.#failures = 0;
        this.#phase = { name: 'open', socket: phase.socket };
        return;
      case 'other-version':
        if (phase.name !== 'connecting' && phase.name !== 'open') return;
        this.#phase = { name: 'incompatible' };
        phase.socket.close();
        this.options.onLost();
        this.options.onStatus({ status: 'incompatible', serverVersion: input.serverVersion });
        return;
      case 'closed':
        if ((phase.name !== 'connecting' && phase.name !== 'open') || phase.socket !== input.socket) return;
        this.#closed(input.code);
        return;
      default:
        input satisfies never;
    }
  }

  #open(): void {
    this.options.onStatus({ status: 'connecting' });
    const token = this.options.token;
    if (!token) {
      this.#connect(null);
      return;
    }
    const attempt = {};
    this.#phase = { name: 'fetching-token', attempt };
    token().then(
      (value) => this.dispatch({ type: 'token', attempt, token: value }),
      (error: unknown) => this.dispatch({ type: 'token-failed', attempt, error }),
    );
  }

  #connect(token: string | null): void {
    const params = new URLSearchParams();
    if (token !== null) params.set('token', token);
    const resume = this.options.resume;
    if (resume) {
      params.set('keep', '1');
      const previous = resume.get();
      if (previous) params.set('resume', previous);
    }
    const query = params.toString();
    const socket = this.options.createSocket(query ? `${this.options.url}?${query}` : this.options.url);
    this.#phase = { name: 'connecting', socket };
    socket.onmessage = (event) => {
      const now = this.#phase;
      if ((now.name === 'connecting' || now.name === 'open') && now.socket === socket)
        this.options.onMessage(event.data);
    };
    socket.onclose = (event) => this.dispatch({ type: 'closed', socket, code: event?.code });
  }

  #closed(code: number | undefined): void {
    switch (code) {
      case CLOSE_RESUMED_ELSEWHERE:
        // Another tab resumed this session: do not fight over it; a new one starts only when asked.
        this.options.resume?.set(null);
        this.#phase = { name: 'replaced' };
        this.options.onLost();
        this.options.onStatus({ status: 'replaced' });
        return;
      case CLOSE_REMOVED_FROM_CLASS:
        // The session and its token are gone: the next attempt asks for a new token (the join screen).
        this.options.resume?.set(null);
        this.options.onRemovedFromClass?.();
        this.#failures = 0;
        this.#backoff();
        return;
      case CLOSE_TOO_FAR_BEHIND:
        // The bridge ended the session because this page read too little of it: a new one starts.
        this.options.resume?.set(null);
        this.options.onFellBehind?.();
        this.#backoff();
        return;
      default:
        this.#backoff();
    }
  }

  #backoff(): void {
    this.options.onLost();
    const waits = this.options.backoffMs;
    const delay = waits[Math.min(this.#failures, waits.length - 1)] ?? 1000;
    this.#failures++;
    this.#phase = { name: 'backoff', timer: setTimeout(() => this.dispatch({ type: 'retry' }), delay) };
    this.options.onStatus({ status: 'reconnecting', retryAt: Date.now() + delay });
  }
}
