import { randomBytes } from 'node:crypto';
import type { ServerMessage } from '@playground/protocol';
import type { WebSocket } from 'ws';

/** A page this far behind cannot read a close frame soon: its connection is cut instead of waited on. */
const LINGER_MAX_BYTES = 1024 * 1024;
/** How long a close handshake may take before the connection is cut (ws itself would wait 30 s). */
const CLOSE_GRACE_MS = 2000;
/**
 * What a queued message costs beyond its bytes: the JSON string, the frame header and the stream's
 * bookkeeping, in the V8 heap (measured: about a kilobyte). Negligible for a batch of events; for
 * a flood of 200-byte replies, five times their size.
 */
export const MESSAGE_OVERHEAD_BYTES = 1024;

/** The WebSocket to one page: its messages, its pings with a random payload, its close. */
export class PageLink {
  /** Messages handed to the WebSocket and not yet written to the kernel. */
  private inFlight = 0;
  private readonly written = (): void => {
    this.inFlight--;
  };
  /** The payload of the ping not answered yet; only a pong carrying it proves the page is alive. */
  private awaiting: Buffer | null = null;

  constructor(readonly ws: WebSocket) {
    ws.on('pong', (data: Buffer) => {
      if (this.awaiting?.equals(data)) this.awaiting = null;
    });
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Bytes queued but not yet handed to the kernel, held ones included. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** The memory those queued messages take: their bytes and each one's overhead. */
  get queuedBytes(): number {
    return this.ws.bufferedAmount + this.inFlight * MESSAGE_OVERHEAD_BYTES;
  }

  send(message: ServerMessage): void {
    if (!this.open) return;
    this.inFlight++;
    this.ws.send(JSON.stringify(message), this.written);
  }

  /**
   * Called every heartbeat interval. False when the previous ping was not answered: the page is gone
   * (or never reads). A pong counts only if it echoes that ping's random payload, as every browser
   * does; unsolicited pongs, which any client can send at will, prove nothing.
   */
  heartbeat(): boolean {
    if (this.awaiting) return false;
    this.awaiting = randomBytes(8);
    this.ws.ping(this.awaiting);
    return true;
  }

  /** Stop (or resume) reading the page's messages; TCP flow control then holds the page back. */
  pauseReading(paused: boolean): void {
    if (paused) this.ws.pause();
    else this.ws.resume();
  }

  /**
   * Another page took the session over: this one is told (`code`), unless it is far behind, which
   * a page that never reads would be; its buffer is let go at once instead of for the close's grace.
   */
  letGo(code: number, reason: string): void {
    if (this.bufferedAmount > LINGER_MAX_BYTES) this.ws.terminate();
    else this.close(code, reason);
  }

  /** Closes with `code`; a page that does not answer the close within CLOSE_GRACE_MS is cut off. */
  close(code: number, reason: string): void {
    if (!this.open) return;
    this.ws.close(code, reason);
    const cut = setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS);
    cut.unref();
    this.ws.once('close', () => clearTimeout(cut));
  }

  terminate(): void {
    this.ws.terminate();
  }
}
