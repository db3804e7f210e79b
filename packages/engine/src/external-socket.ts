import type { SocketInfo, Witness } from '@playground/protocol';
import { catalogued, type EngineError } from './errors.ts';
import type { Channel, EventBody } from './event-stamper.ts';
import { SocketHandle } from './socket-handle.ts';

/**
 * A socket another process owns — a traced program's (docs/trace.md). The engine gives it an id,
 * numbers its events on the session's clock and counts it in the socket quota, but never acts on
 * it: whoever watches the program reports what it did (`observe`), and the page's commands on it
 * are refused (`refusal`). It leaves the engine when the program closed it (`closed` event) or
 * when nobody watches it any more (`release`: the program may still use it).
 */
export class ExternalSocket extends SocketHandle {
  constructor(
    channel: Channel,
    info: Omit<SocketInfo, 'id' | 'kind'>,
    private readonly witness: Witness,
  ) {
    super(channel, info);
    this.state = 'established';
    this.markReady();
  }

  protected begin(): void {}

  /** Opened without an event of its own: `announce` says so when the owner is ready to. */
  override start(): void {}

  announce(t: number): void {
    this.channel.emitAt({ type: 'opened', socket: this.snapshot(), witness: this.witness }, t);
  }

  /** An event of the owner's, at `t` on the session's clock. A `closed` event ends the socket. */
  observe(body: EventBody, t: number): void {
    if (!this.open) return;
    if (body.type === 'listening') this.info.local = body.local;
    if (body.type === 'connected') {
      this.info.local = body.local;
      this.info.remote = body.remote;
    }
    this.channel.emitAt({ ...body, witness: this.witness } as EventBody, t);
    if (body.type === 'closed') this.forget();
  }

  /**
   * Nobody watches it any more: it leaves the engine (and the quota) with a `closed` event that
   * says so (`untraced`), since its owner may still be using it.
   */
  release(): void {
    if (!this.open) return;
    this.channel.emitAt(
      { type: 'closed', hadError: false, untraced: true, witness: this.witness },
      this.channel.clock(),
    );
    this.forget();
  }

  close(): Promise<void> {
    this.release();
    return Promise.resolve();
  }

  override setRecvSize(): void {
    throw this.refusal();
  }

  /** What a page's command on this socket gets: the program decides what its socket does. */
  refusal(): EngineError {
    const program = this.info.program;
    const params = {
      reason: 'programSocket',
      socketId: this.id,
      program: program?.name ?? '',
      pid: program?.pid ?? 0,
    } as const;
    return catalogued('not_allowed.programSocket', params);
  }
}
