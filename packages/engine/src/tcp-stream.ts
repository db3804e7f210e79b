import type { Socket } from 'node:net';
import type { SocketInfo } from '@playground/protocol';
import { type StreamBehaviour, type StreamPeer, streamBehaviour } from './behaviours/index.ts';
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
  /** Bytes Node has read from the kernel that the application has not recv()'d yet: #pending from #pendingAt. */
  #pending: Buffer | undefined;
  #pendingAt = 0;
  #delivering = false;
  /**
   * What the behaviour wrote back during one delivery, not yet handed to Node: earlier runs in
   * #echoParts, the current run as bytes #echoStart..#echoEnd of #echoBuffer. An echo's pieces are
   * consecutive slices of one chunk, so they are a single run and cost no copy.
   */
  #echoParts: Uint8Array[] = [];
  #echoBuffer: ArrayBufferLike | undefined;
  #echoStart = 0;
  #echoEnd = 0;
  #eof = false;
  #finReceived = false;
  #pumping = false;
  #flowing = true;
  /** The bridge asked the whole engine to stop reading. */
  #engineHold: boolean;
  /** The echo's writes are buffered beyond the limit: stop reading until they drain. */
  #echoHold = false;
  /** A one-at-a-time server has not accept()ed this connection yet: its bytes stay in the kernel. */
  #acceptHold = false;
  /** The learner paused this socket's reading (socket.pauseReading): the program is "busy". */
  #appHold = false;
  #behaviourOpened = false;

  constructor(
    channel: Channel,
    socket: Socket,
    info: Omit<SocketInfo, 'id' | 'kind'>,
    readingPaused: boolean,
    waitingForAccept = false,
  ) {
    super(channel, info);
    this.#acceptHold = waitingForAccept;
    this.socket = socket;
    this.#behaviour =
      info.behaviour &&
      streamBehaviour(info.behaviour, {
        framing: info.framing,
        sensor: info.sensor,
        remote: info.remote,
        emit: (event) => this.channel.emit(event),
      });
    this.#engineHold = readingPaused;
    // A server with pauseOnConnect hands over sockets that do not read until resumed.
    this.#flowing = socket.readableFlowing !== false;
    socket.on('error', (err) => this.report(toEngineError(err, this.peer())));
    socket.on('close', () => this.finish());
    socket.on('data', (chunk: Buffer) => {
      // Pausing stops further 'data' events, so a second chunk arriving before the first is consumed is rare.
      this.#pending =
        this.#pending === undefined ? chunk : Buffer.concat([this.#pending.subarray(this.#pendingAt), chunk]);
      this.#pendingAt = 0;
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
    // After this tick, so the server's 'accept' event comes before anything the behaviour says first.
    queueMicrotask(() => this.#openBehaviour());
  }

  /** The server program starts serving this connection once accept() has returned it. */
  #openBehaviour(): void {
    if (this.#behaviourOpened || this.#acceptHold || !this.open) return;
    this.#behaviourOpened = true;
    this.#behaviour?.open?.(this);
  }

  protected override finish(): void {
    super.finish();
    this.#behaviour?.close?.();
  }

  /** Bytes written but still in Node's buffer: the kernel's send buffer is full because the peer is not reading. */
  get buffered(): number {
    return this.socket.writableLength;
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

  /**
   * The echo's write: its own write and 'send' event like any other, but while a chunk is being
   * delivered the pieces are gathered and handed to Node as one buffer when the delivery ends. The
   * bytes leave as one write per chunk read, as from a plain Node echo server, without paying Node's
   * per-write cost N times (with recv(16) that was most of the echo's time) and without small
   * segments that Nagle's algorithm would hold back until the peer's delayed ACK.
   */
  writeBack(piece: Uint8Array): void {
    this.#count(piece);
    if (this.#echoBuffer === piece.buffer && this.#echoEnd === piece.byteOffset) {
      this.#echoEnd += piece.byteLength;
    } else {
      // A new run (a transformed reply, the next chunk): keep the last one for the same single write.
      if (this.#echoBuffer !== undefined) this.#echoParts.push(this.#echoRun(this.#echoBuffer));
      this.#echoBuffer = piece.buffer;
      this.#echoStart = piece.byteOffset;
      this.#echoEnd = piece.byteOffset + piece.byteLength;
    }
    if (!this.#delivering) this.#flushEcho();
  }

  /** shutdown(SHUT_WR): Node sends the FIN after the writes still buffered. */
  end(): void {
    if (!this.writable) throw this.#cannot('end');
    this.#flushEcho();
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

  /** One-at-a-time serving: while waiting, nothing is read, so the bytes wait in the kernel's receive queue. */
  waitForAccept(waiting: boolean): void {
    this.#acceptHold = waiting;
    this.#pump();
    if (!waiting && this.state !== undefined) queueMicrotask(() => this.#openBehaviour());
  }

  holdReading(hold: boolean): void {
    this.#engineHold = hold;
    this.#pump();
  }

  /** The application stops calling recv(): new bytes wait in the kernel and arrive together on resume. */
  pauseReading(paused: boolean): void {
    if (!this.open) throw invalidState(this.id, 'is closed, so it reads nothing any more.');
    this.#appHold = paused;
    this.channel.emit({ type: 'reading', paused });
    this.#pump();
  }

  /** TCP_NODELAY: true turns Nagle's algorithm off. */
  setNoDelay(noDelay: boolean): void {
    if (!this.open || this.socket.destroyed) throw invalidState(this.id, 'is closed, so it sends nothing any more.');
    this.socket.setNoDelay(noDelay);
    this.channel.emit({ type: 'no-delay', noDelay });
  }

  protected peer(): ErrorContext {
    return { host: this.info.remote?.address ?? '', port: this.info.remote?.port ?? 0 };
  }

  #held(): boolean {
    return this.#engineHold || this.#echoHold || this.#acceptHold || this.#appHold || this.socket.destroyed;
  }

  #write(bytes: Uint8Array, done?: (err?: Error | null) => void): boolean {
    // Echoes gathered so far were written first, so they must reach the socket first.
    this.#flushEcho();
    this.#count(bytes);
    return this.socket.write(bytes, done);
  }

  #count(bytes: Uint8Array): void {
    const counters = this.counters;
    counters.writes++;
    counters.bytesOut += bytes.length;
    this.channel.send(bytes, counters.writes);
  }

  /**
   * Hands the gathered echo to Node. Reading stops until it drains only if the bytes are still in
   * Node's buffer afterwards: write() says false for any write as large as the buffer even when the
   * kernel took it at once, and holding then cost a pause, a resume and a tick per 16 KiB.
   */
  #flushEcho(): void {
    const buffer = this.#echoBuffer;
    if (buffer === undefined) return;
    this.#echoBuffer = undefined;
    let view = this.#echoRun(buffer);
    if (this.#echoParts.length > 0) {
      this.#echoParts.push(view);
      view = Buffer.concat(this.#echoParts);
      this.#echoParts = [];
    }
    const socket = this.socket;
    if (socket.write(view) || socket.writableLength < socket.writableHighWaterMark || this.#echoHold) return;
    this.#echoHold = true;
    this.socket.once('drain', () => {
      this.#echoHold = false;
      this.#pump();
    });
  }

  #echoRun(buffer: ArrayBufferLike): Buffer {
    return Buffer.from(buffer, this.#echoStart, this.#echoEnd - this.#echoStart);
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
    // Not corked: the echo is gathered into one write anyway, and a corked write would always look
    // backed up to #flushEcho.
    this.#delivering = true;
    try {
      while (this.#pending !== undefined && !this.#held()) {
        const chunk: Buffer = this.#pending;
        const start = this.#pendingAt;
        // An offset instead of a new Buffer for the rest of the chunk: one allocation per piece, not two.
        const end = Math.min(chunk.length, start + this.info.recvSize);
        // A plain Uint8Array view: cheaper than Buffer#subarray, which builds a Buffer (a subclass) per piece.
        const piece =
          start === 0 && end === chunk.length
            ? chunk
            : new Uint8Array(chunk.buffer, chunk.byteOffset + start, end - start);
        if (end === chunk.length) {
          this.#pending = undefined;
          this.#pendingAt = 0;
        } else {
          this.#pendingAt = end;
        }
        counters.reads++;
        counters.bytesIn += piece.length;
        this.channel.recv(piece, counters.reads);
        this.#behaviour?.recv?.(this, piece);
      }
    } finally {
      this.#delivering = false;
      this.#flushEcho();
    }
  }

  /** recv() returned b'': the peer sent FIN. */
  #receiveFin(): void {
    this.#finReceived = true;
    this.channel.emit({ type: 'fin-received' });
    // If we had sent FIN already, the socket closes next; 'fin-received' as a state would be a detour.
    if (this.state === 'established') this.setState('fin-received');
    this.#behaviour?.fin?.(this);
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
