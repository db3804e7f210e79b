import { sleep } from '@playground/testkit';
import { afterEach, expect } from 'vitest';
import {
  Engine,
  type EngineEvent,
  type EngineEventType,
  type SocketInfo,
  type TcpListenOptions,
} from '../src/index.ts';

export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

interface Waiter {
  match: (event: EngineEvent) => boolean;
  resolve: (event: EngineEvent) => void;
}

/**
 * Keeps the events of one engine (all, or those `keep` accepts), checks as they come that seq grows
 * by exactly 1 and t never goes backwards, and lets a test await the first matching event.
 */
export class Recorder {
  readonly events: EngineEvent[] = [];
  readonly violations: string[] = [];
  #lastSeq = 0;
  #lastT = 0;
  #waiters: Waiter[] = [];
  /** Runs inside the engine's onEvent, e.g. to call the engine back re-entrantly. */
  tap: ((event: EngineEvent) => void) | undefined;

  constructor(private readonly keep: (event: EngineEvent) => boolean = () => true) {}

  readonly sink = (event: EngineEvent): void => {
    if (event.seq !== this.#lastSeq + 1) this.violations.push(`seq ${event.seq} after ${this.#lastSeq}`);
    if (event.t < this.#lastT) this.violations.push(`t ${event.t} after ${this.#lastT}`);
    this.#lastSeq = event.seq;
    this.#lastT = event.t;
    if (this.keep(event)) this.events.push(event);
    this.tap?.(event);
    for (const waiter of this.#waiters.filter((w) => w.match(event))) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  };

  of<T extends EngineEventType>(socketId: string, type: T): EventOf<T>[] {
    return this.events.filter((e): e is EventOf<T> => e.socketId === socketId && e.type === type);
  }

  types(socketId: string): string[] {
    return this.events
      .filter((e) => e.socketId === socketId)
      .map((e) => (e.type === 'state' ? `state:${e.state}` : e.type));
  }

  /** Resolves with the first event (already seen or future) of this socket and type that passes `where`. */
  next<T extends EngineEventType>(
    socketId: string,
    type: T,
    where: (event: EventOf<T>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<EventOf<T>> {
    const match = (e: EngineEvent): boolean => e.socketId === socketId && e.type === type && where(e as EventOf<T>);
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen as EventOf<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${type} event on ${socketId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as EventOf<T>);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** The concatenated payload of a socket's recv (or send) events. */
  bytes(socketId: string, type: 'recv' | 'send'): Buffer {
    return Buffer.concat(this.of(socketId, type).map((e) => e.data));
  }
}

/** Engines made by a test are closed after it, and must have left no socket open and a clean event stream. */
export function useEngines(): (keep?: (event: EngineEvent) => boolean) => { engine: Engine; rec: Recorder } {
  const made: { engine: Engine; rec: Recorder }[] = [];
  afterEach(async () => {
    const all = made.splice(0);
    await Promise.all(all.map(({ engine }) => engine.closeAll()));
    for (const { engine, rec } of all) {
      expect(engine.sockets()).toEqual([]);
      expect(rec.violations).toEqual([]);
    }
  });
  return (keep) => {
    const rec = new Recorder(keep);
    const engine = new Engine({ onEvent: rec.sink });
    made.push({ engine, rec });
    return { engine, rec };
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls a condition every 5 ms; bounded by `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

export { sleep };

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A listening server and a client of the same engine, connected, with the server's accepted connection. */
export async function tcpPair(
  engine: Engine,
  rec: Recorder,
  listen: Partial<TcpListenOptions> = {},
): Promise<{ server: SocketInfo; client: SocketInfo; connId: string }> {
  const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, ...listen });
  const client = await engine.tcpConnect({ host: server.local!.address, port: server.local!.port });
  const accept = await rec.next(server.id, 'accept');
  return { server, client, connId: accept.connId };
}

export const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';
