import type { Engine } from '@playground/engine';
import type { CommandOf, Notice, SocketInfo } from '@playground/protocol';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError, toErrorInfo } from '../errors/bridge-error.ts';
import type { RateMeter } from '../quota/rate-meter.ts';
import type { SendBuffer } from '../quota/send-buffer.ts';

export interface SpawnerDeps {
  engine: Engine;
  rate: RateMeter;
  sendBuffer: SendBuffer;
  notify(notice: Notice): void;
}

/** A send refused by a rate or buffer quota is retried this often, at most this many times, before giving up. */
const RETRY_MS = 250;
const MAX_RETRIES = 40;

type Spawn = CommandOf<'tcp.spawn'>;

/**
 * "Spawn N clients × M messages": N ordinary TCP clients of the session's engine, sharing a group
 * name. They connect at once; the reply lists those that did. Each then sends its messages in the
 * background (through the same rate and send-buffer quotas as any send) and, with `end`, sends FIN.
 */
export class Spawner {
  #groups = 0;
  #closed = false;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: SpawnerDeps) {}

  /**
   * Throws a clear `quota` error when the clients (and, for a server of this session, the
   * connections it will accept) would not fit the socket quota. Call right before `spawn`.
   */
  checkQuota(limits: SessionLimits, count: number, port: number): void {
    const open = this.deps.engine.sockets();
    const ownServer = open.some((s) => s.kind === 'tcp-server' && s.local?.port === port);
    const needed = ownServer ? 2 * count : count;
    const total = this.deps.engine.socketCount() + needed;
    if (total <= limits.maxSockets) return;
    throw new BridgeError('quota.spawnTooMany', {
      limit: 'maxSockets',
      max: limits.maxSockets,
      count,
      total,
      ...(ownServer ? { accepts: count } : {}),
    });
  }

  async spawn(command: Spawn, target: { address: string; port: number }, message: Uint8Array): Promise<SocketInfo[]> {
    const group = `spawn-${++this.#groups}`;
    const { count, recvSize, timeoutMs } = command;
    // All created in one synchronous loop, right after the quota check.
    const connects = Array.from({ length: count }, () =>
      this.deps.engine.tcpConnect({ host: target.address, port: target.port, recvSize, timeoutMs, group }),
    );
    const settled = await Promise.allSettled(connects);
    const sockets = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (sockets.length === 0) {
      // Nobody connected: the reply is the (first) reason, e.g. ECONNREFUSED.
      throw (settled[0] as PromiseRejectedResult).reason;
    }
    for (const socket of sockets) void this.#talk(socket.id, command, message);
    return sockets;
  }

  /** Stops every background sender (the session is closing). */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #talk(id: string, command: Spawn, message: Uint8Array): Promise<void> {
    const { engine } = this.deps;
    try {
      for (let i = 0; i < command.messages; i++) {
        if (i > 0 && command.intervalMs > 0) await this.#sleep(command.intervalMs);
        if (this.#closed) return;
        await this.#send(id, message);
      }
      if (command.end && !this.#closed) engine.end(id);
    } catch (err) {
      const info = toErrorInfo(err);
      // A reset or closed client shows that in its own events; a quota that never cleared is told once.
      if (info.code === 'quota' && !this.#closed) {
        this.deps.notify({
          type: 'notice',
          code: 'quota',
          message: info.message,
          ...(info.params ? { params: info.params } : {}),
        });
      }
    }
  }

  async #send(id: string, message: Uint8Array): Promise<void> {
    const { engine, rate, sendBuffer } = this.deps;
    for (let attempt = 0; ; attempt++) {
      try {
        rate.checkSend(message.byteLength);
        await sendBuffer.track(id, message.byteLength, () => engine.send(id, message));
        return;
      } catch (err) {
        if (!(err instanceof BridgeError && err.code === 'quota') || attempt >= MAX_RETRIES || this.#closed) throw err;
        await this.#sleep(RETRY_MS);
      }
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}
