import { Deferred } from './deferred.ts';
import { catalogued, type EngineError, invalidState } from './errors.ts';

/**
 * Tells a program's select() that one of its `manual` sockets may have become ready: bytes or a FIN
 * arrived, a connection waits for accept(), an error, a close. Watchers recheck what they wait for.
 */
export class ReadinessBus {
  readonly #watchers = new Set<() => void>();

  changed(): void {
    for (const watcher of Array.from(this.#watchers)) watcher();
  }

  watch(watcher: () => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }
}

/**
 * The one blocking call (recv, accept) a program has waiting on a socket. A program is one thread,
 * so a second call while one waits is refused; `timeoutMs` gives up with Python's "timed out".
 */
export class WaitSlot<T> {
  #waiting: Deferred<T> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socketId: string,
    private readonly call: 'recv' | 'accept',
  ) {}

  get waiting(): boolean {
    return this.#waiting !== undefined;
  }

  wait(timeoutMs: number): Promise<T> {
    if (this.#waiting) throw invalidState(this.socketId, `is already waiting in ${this.call}(); one call at a time.`);
    const waiting = new Deferred<T>();
    this.#waiting = waiting;
    this.#timer = setTimeout(() => this.fail(timedOutWaiting(this.socketId, this.call, timeoutMs)), timeoutMs);
    return waiting.promise;
  }

  settle(value: T): void {
    const waiting = this.#take();
    waiting?.resolve(value);
  }

  fail(error: EngineError): void {
    const waiting = this.#take();
    waiting?.reject(error);
  }

  #take(): Deferred<T> | undefined {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    clearTimeout(this.#timer);
    return waiting;
  }
}

/** Python's socket.timeout ("timed out"): nothing came within the socket's timeout, and nothing was taken. */
function timedOutWaiting(id: string, call: string, timeoutMs: number): EngineError {
  return catalogued('ETIMEDOUT.call', { socketId: id, call, timeoutMs }, call);
}

/** The error a call on a socket the program closed gets: Python's EBADF. */
export function closedForProgram(id: string): EngineError {
  return invalidState(id, 'is closed.');
}

/** Resolves with `ready()`'s answer as soon as it is not empty, or with `[]` after `timeoutMs`. */
export function waitUntilReady(bus: ReadinessBus, ready: () => string[], timeoutMs: number): Promise<string[]> {
  const now = ready();
  if (now.length > 0 || timeoutMs === 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (ids: string[]) => {
      unwatch();
      clearTimeout(timer);
      resolve(ids);
    };
    const unwatch = bus.watch(() => {
      const ids = ready();
      if (ids.length > 0) done(ids);
    });
    const timer = setTimeout(() => done([]), timeoutMs);
  });
}
