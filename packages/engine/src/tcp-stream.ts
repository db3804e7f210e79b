import type { Socket } from 'node:net';
import type { SocketInfo } from '@playground/protocol';
import { type StreamBehaviour, type StreamPeer, streamBehaviours } from './behaviours.ts';
import { type EngineError, type ErrorContext, invalidState, toEngineError } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import { SocketHandle } from './socket-handle.ts';

/**
 * One end of a TCP connection, as the application sees it through recv(N)/send/shutdown/close.
 * As is, an accepted connection (born established); TcpClient adds the connecting phase.
 */
export class TcpStream extends SocketHandle implements StreamPeer {
  protected readonly socket: Socket;
  readonly #behaviour: StreamBehaviour | undefined;
  /** Bytes Node has read from the kernel that the application has not recv()'d yet. */
  #pending: Buffer | undefined;
  #eof = false;
  #finReceived = false;
  #pumping = false;
  #flowing = true;
  /** The bridge asked the whole engine to stop reading. */
  #engineHold: boolean;
  /** The echo's writes are buffered beyond the limit: stop reading until they drain. */
  #echoHold = false;

  constructor(channel: Channel, socket: Socket, info: Omit<SocketInfo, 'id' | 'kind'>, readingPaused: boolean) {
    super(channel, info);
    this.socket = socket;
    this.#behaviour = info.behaviour && streamBehaviours[info.behaviour];
    this.#engineHold = readingPaused;
    socket.on('error', (err) => this.report(toEngineError(err, this.peer())));
    socket.on('close', () => this.finish());
    socket.on('data', (chunk: Buffer) => {
      // Pausing stops further 'data' events, so a second chunk arriving before the first is consumed is rare.
      this.#pending = this.#pending === undefined ? chunk : Buffer.concat([this.#pending, chunk]);
      this.#pump();
    });
    socket.on('end', () => {
      this.#eof = true;
      this.#pump();
    });
    this.#syncFlow();
  }

  protected begin(): void {
    this.setState('established');
    this.markReady();
  }

  get writable(): boolean {
    const s = this.state;
    return (s === 'established' || s === 'fin-received') && !this.socket.writableEnded && !this.socket.destroyed;
  }

  /** One write, one 'send' event; resolves once Node has handed the bytes to the kernel. */
  send(bytes: Uint8Array): Promise<number> {
    if (!this.writable) throw this.#cannot('send');
    return new Promise((resolve, reject) => {
      this.#write(bytes, (err) => (err ? reject(toEngineError(err, this.peer())) : resolve(bytes.length)));
    });
  }

  writeBack(piece: Uint8Array): void {
    if (this.#write(piece) || this.#echoHold) return;
    this.#echoHold = true;
    this.socket.once('drain', () => {
      this.#echoHold = false;
      this.#pump();
    });
  }

  /** shutdown(SHUT_WR): Node sends the FIN after the writes still buffered. */
  end(): void {
    if (!this.writable) throw this.#cannot('end');
    this.socket.end();
    this.channel.emit({ type: 'fin-sent' });
    // After fin-received both directions are shut, so the next state is closed rather than fin-sent.
    if (this.state === 'established') this.setState('fin-sent');
  }

  reset(): void {
    if (this.state === 'connecting' || !this.open || this.socket.destroyed) throw this.#cannot('reset');
    this.socket.resetAndDestroy();
    this.channel.emit({ type: 'reset-sent' });
  }

  close(): Promise<void> {
    if (this.open) this.socket.destroy();
    return this.closed;
  }

  holdReading(hold: boolean): void {
    this.#engineHold = hold;
    this.#pump();
  }

  protected peer(): ErrorContext {
    return { host: this.info.remote?.address ?? '', port: this.info.remote?.port ?? 0 };
  }

  #held(): boolean {
    return this.#engineHold || this.#echoHold || this.socket.destroyed;
  }

  #write(bytes: Uint8Array, done?: (err?: Error | null) => void): boolean {
    const counters = this.counters;
    counters.writes++;
    counters.bytesOut += bytes.length;
    this.channel.emit({ type: 'send', data: bytes, writeNo: counters.writes });
    return this.socket.write(bytes, done);
  }

  /** Re-entrant calls (a sink or behaviour pausing and resuming mid-chunk) are absorbed by the running loop. */
  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      if (this.#pending !== undefined && !this.#held()) this.#deliver();
      if (this.#eof && this.#pending === undefined && !this.#finReceived && this.open && !this.#held()) {
        this.#receiveFin();
      }
      this.#syncFlow();
    } finally {
      this.#pumping = false;
    }
  }

  /**
   * Deliberate emulation of recv(N): Node reads whatever the kernel has (up to 64 KiB) at once, while
   * a program looping on recv(N) gets the same bytes in pieces of at most N when they are already
   * waiting. So each chunk is handed out in pieces of at most recvSize bytes (read anew for every
   * piece, so setRecvSize applies to the next one), one 'recv' event each. Whatever is not handed
   * out while reading is held stays in #pending, like unread bytes in the kernel.
   */
  #deliver(): void {
    const counters = this.counters;
    // Lets the echo's many small writes leave in one writev; each is still its own write and 'send' event.
    this.socket.cork();
    while (this.#pending !== undefined && !this.#held()) {
      const chunk: Buffer = this.#pending;
      const size = this.info.recvSize;
      const piece = chunk.length > size ? chunk.subarray(0, size) : chunk;
      this.#pending = piece === chunk ? undefined : chunk.subarray(size);
      counters.reads++;
      counters.bytesIn += piece.length;
      this.channel.emit({ type: 'recv', data: piece, readNo: counters.reads });
      this.#behaviour?.recv(this, piece);
    }
    this.socket.uncork();
  }

  /** recv() returned b'': the peer sent FIN. */
  #receiveFin(): void {
    this.#finReceived = true;
    this.channel.emit({ type: 'fin-received' });
    // If we had sent FIN already, the socket closes next; 'fin-received' as a state would be a detour.
    if (this.state === 'established') this.setState('fin-received');
    this.#behaviour?.fin(this);
  }

  /** Node keeps reading from the kernel only while nothing is held, which bounds memory per connection. */
  #syncFlow(): void {
    const flow = !this.#held() && this.#pending === undefined;
    if (flow === this.#flowing || this.socket.destroyed) return;
    this.#flowing = flow;
    if (flow) this.socket.resume();
    else this.socket.pause();
  }

  #cannot(action: 'send' | 'end' | 'reset'): EngineError {
    if (this.state === 'connecting') return invalidState(this.id, `is still connecting, so it cannot ${action} yet.`);
    if (!this.open || this.socket.destroyed) return invalidState(this.id, `is closed, so it cannot ${action}.`);
    const what = action === 'send' ? 'send any more' : 'do that again';
    const still = this.#finReceived ? '' : '; it can still receive';
    return invalidState(this.id, `already sent FIN (end), so it cannot ${what}${still}.`);
  }
}
