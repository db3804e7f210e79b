import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/**
 * The WebSocket to one page and the TCP connection under it. Holding the connection (corking it)
 * lets several messages leave in one write: on loopback each write wakes the page's process, and
 * that wake-up, not the JSON, is most of what a message costs.
 */
export class PageLink {
  private held = false;

  constructor(
    readonly ws: WebSocket,
    private readonly tcp: Duplex,
  ) {}

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Bytes queued but not yet handed to the kernel, held ones included. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(message: unknown): void {
    if (this.open) this.ws.send(JSON.stringify(message));
  }

  hold(): void {
    if (this.held) return;
    this.held = true;
    this.tcp.cork();
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.tcp.uncork();
  }
}
