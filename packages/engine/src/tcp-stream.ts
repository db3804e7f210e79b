import type { Socket } from 'node:net';
import type { SocketInfo } from '@playground/protocol';
import { type StreamBehaviour, type StreamPeer, streamBehaviour } from './behaviours/index.ts';
import { errorAfterEof } from './eof-probe.ts';
import { type EngineError, type ErrorContext, invalidState, toEngineError } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import { type ReadinessBus, WaitSlot } from './program-wait.ts';
import { SocketHandle } from './socket-handle.ts';
import type { ChunkSink } from './socket-reading.ts';
import { WriteQueue } from './write-queue.ts';

/** Makes the Node socket, reading into `sink` (socket-reading.ts); it must not read until resumed. */
export type SocketMaker = (sink: ChunkSink) => Socket;

/**
 * Errors that end the connection but not the program's socket: Python's ConnectionResetError and
 * BrokenPipeError leave the socket open (recv() returns b'' from then on) until the program closes it.
 */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE']);

/**
 * One end of a TCP connection, as the application sees it through recv(N)/send/shutdown/close.
 * As is, an accepted connection (born established); TcpClient adds the connecting phase.
 */
export class TcpStream extends SocketHandle implements StreamPeer {
  protected readonly socket: Socket;
  readonly #behaviour: StreamBehaviour | undefined;
  readonly #writes: WriteQueue;
  /** Bytes Node has read from the kernel that the application has not recv()'d yet: #pending from #pendingAt. */
  #pending: Buffer | undefined;
  #pendingAt = 0;
  /** Node reported the end of the stream: a FIN, or the error (ECONNRESET) a recv() found instead. */
  #eof = false;
  #eofError: string | undefined;
  /** The end of the stream was recv()'d (b'' or the error). */
  #eofRead = false;
  #finSent = false;
  #finReceived = false;
  /** The connection was reset (or broke) while the program's socket stays open: state `reset`. */
  #lost = false;
  /** Node's socket is closed; the application's may not be yet. */
  #socketClosed = false;
  /** close() was called: nothing more is recv()'d. */
  #closing = false;
  #pumping = false;
  /** Node reads from the kernel only once connected (startReading), and then only while nothing is held. */
  #readingStarted = false;
  #flowing = false;
  /** The bridge asked the whole engine to stop reading. */
  #engineHold: boolean;
  /** A one-at-a-time server has not accept()ed this connection yet: its bytes stay in the kernel. */
  #acceptHold = false;
  /** The learner paused this socket's reading (socket.pauseReading): the program is "busy". */
  #appHold = false;
  #behaviourOpened = false;
  /** A program in the page drives this socket: bytes are handed out only to its recv() (`#recv`). */
  readonly #program: ReadinessBus | undefined;
  readonly #recv: WaitSlot<Uint8Array>;

  constructor(
    channel: Channel,
    makeSocket: SocketMaker,
    info: Omit<SocketInfo, 'id' | 'kind'>,
    readingPaused: boolean,
    waitingForAccept = false,
    program?: ReadinessBus,
  ) {
    super(channel, program ? { ...info, manual: true } : info);
    this.#program = program;
    this.#recv = new WaitSlot(channel.socketId, 'recv');
    this.#acceptHold = waitingForAccept;
    const socket = makeSocket((chunk) => this.#onChunk(chunk));
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
    this.#writes = new WriteQueue(socket, { sent: (bytes) => this.#count(bytes), idle: () => this.#pump() });
    socket.on('error', (err) => this.#onError(err));
    socket.on('close', () => {
      this.#socketClosed = true;
      // The program still holds a socket whose connection was lost, until it closes it.
      if (!this.#lost || this.closesOnError || this.#closing) this.finish();
    });
    socket.on('end', () => this.#onEnd());
  }

  protected begin(): void {
    this.setState('established');
    this.startReading();
    this.markReady();
    // After this tick, so the server's 'accept' event comes before anything the behaviour says first.
    queueMicrotask(() => this.#openBehaviour());
  }

  /**
   * Called once connected. The first read(0) starts the handle reading and leaves Node's stream
   * waiting for data that, with `onread`, it is never given, so it never starts the handle again
   * by itself (it would, a tick after resume(), even if paused meanwhile): from then on only
   * pause() and resume() move it, and a pause stops reading from the kernel at once.
   */
  protected startReading(): void {
    this.#readingStarted = true;
    this.#flowing = true;
    this.socket.read(0);
    this.#syncFlow();
  }

  /** A program (a server behaviour, a sensor) closes its socket when the connection fails, as the seeds' `finally: close()` does. */
  protected get closesOnError(): boolean {
    return this.#behaviour !== undefined;
  }

  /** The server program starts serving this connection once accept() has returned it. */
  #openBehaviour(): void {
    if (this.#behaviourOpened || this.#acceptHold || !this.open) return;
    this.#behaviourOpened = true;
    this.#behaviour?.open?.(this);
  }

  protected override finish(): void {
    super.finish();
    this.#recv.fail(invalidState(this.id, 'is closed.'));
    this.#program?.changed();
    this.#behaviour?.close?.();
  }

  /**
   * A program's recv(max): the next piece of at most `max` bytes, as the 'recv' event shows it; b''
   * once the peer's FIN is read (and again after that, as Python's recv does).
   */
  recv(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.#program) throw invalidState(this.id, 'is not driven by a program, so it reads by itself.');
    if (!this.open) throw invalidState(this.id, 'is closed.');
    if (this.state === 'connecting') throw invalidState(this.id, 'is still connecting.');
    if (this.#eofRead || this.#lost) return Promise.resolve(new Uint8Array(0));
    if (max !== this.info.recvSize) this.setRecvSize(max);
    const piece = this.#recv.wait(timeoutMs);
    this.#pump();
    return piece;
  }

  /** recv() would not block: bytes, a FIN or an error wait for it. */
  get readable(): boolean {
    return this.#pending !== undefined || this.#eof || this.#lost || !this.open;
  }

  /** Bytes written but not taken by the kernel yet: its send buffer is full because the peer is not reading. */
  get buffered(): number {
    return this.#writes.waiting;
  }

  get writable(): boolean {
    const s = this.state;
    return (s === 'established' || s === 'fin-received') && !this.#finSent && !this.socket.destroyed;
  }

  /** One write, one 'send' event once the kernel has taken the bytes; a failed write rejects and logs no send. */
  send(bytes: Uint8Array): Promise<number> {
    if (!this.writable) throw this.#cannot('send');
    return new Promise((resolve, reject) => {
      this.#writes.write(bytes, (err) => (err ? reject(toEngineError(err, this.peer())) : resolve(bytes.length)));
    });
  }

  /** The behaviour's write (`sendall(data)` once per piece): a write of its own, like any other. */
  writeBack(piece: Uint8Array): void {
    this.#writes.write(piece);
  }

  /** shutdown(SHUT_WR): the FIN goes out after the writes still waiting. */
  end(): void {
    if (!this.writable) throw this.#cannot('end');
    this.#finSent = true;
    this.#writes.end();
    this.channel.emit({ type: 'fin-sent' });
    // After fin-received both directions are shut, so the next state is closed rather than fin-sent.
    if (this.state === 'established') this.setState('fin-sent');
  }

  reset(): void {
    if (this.state === 'connecting' || !this.open || this.socket.destroyed || this.#lost) throw this.#cannot('reset');
    this.socket.resetAndDestroy();
    this.channel.emit({ type: 'reset-sent' });
  }

  close(): Promise<void> {
    if (this.open) {
      this.#closing = true;
      // A lost connection's Node socket may be gone already; the application's closes now.
      if (this.#socketClosed) this.finish();
      else this.socket.destroy();
    }
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
    if (this.#lost) throw this.#cannot('send');
    if (!this.open || this.socket.destroyed) throw invalidState(this.id, 'is closed, so it sends nothing any more.');
    this.socket.setNoDelay(noDelay);
    this.channel.emit({ type: 'no-delay', noDelay });
  }

  protected peer(): ErrorContext {
    return { host: this.info.remote?.address ?? '', port: this.info.remote?.port ?? 0 };
  }

  /** A program's socket hands bytes out only while its recv() waits; it still reads one chunk ahead for select(). */
  #held(): boolean {
    return this.#heldInKernel() || (this.#program !== undefined && !this.#recv.waiting);
  }

  #heldInKernel(): boolean {
    return (
      this.#engineHold ||
      this.#acceptHold ||
      this.#appHold ||
      this.#lost ||
      this.#closing ||
      // A server program blocked in sendall() calls recv() again only once its write is done.
      (this.#behaviour !== undefined && this.#writes.blocked)
    );
  }

  #count(bytes: Uint8Array): void {
    const counters = this.counters;
    counters.writes++;
    counters.bytesOut += bytes.length;
    this.channel.send(bytes, counters.writes);
  }

  #onChunk(chunk: Buffer): void {
    this.#pending =
      this.#pending === undefined ? chunk : Buffer.concat([this.#pending.subarray(this.#pendingAt), chunk]);
    this.#pendingAt = 0;
    this.#pump();
    this.#program?.changed();
  }

  #onEnd(): void {
    this.#eof = true;
    this.#eofError = errorAfterEof(this.socket);
    this.#pump();
    this.#program?.changed();
  }

  #onError(err: Error): void {
    const error = toEngineError(err, this.peer());
    const connected = this.state === 'established' || this.state === 'fin-sent' || this.state === 'fin-received';
    if (connected && CONNECTION_LOST.has(error.code)) this.#connectionLost(error);
    // Node closes the socket after its own errors.
    else {
      this.report(error);
      this.#recv.fail(error);
    }
  }

  /**
   * ECONNRESET or EPIPE: the peer is gone. Bytes already read are recv()'d first, as they would be
   * from the kernel's queue; then a program closes its socket, while the learner's stays open
   * (state `reset`) until they close it.
   */
  #connectionLost(error: EngineError): void {
    this.#pump();
    this.report(error);
    this.#lost = true;
    this.#pending = undefined;
    this.#recv.fail(error);
    this.#program?.changed();
    if (this.closesOnError) {
      if (!this.socket.destroyed) this.socket.destroy();
      return;
    }
    this.setState('reset');
  }

  /** Re-entrant calls (a sink or behaviour pausing and resuming mid-chunk) are absorbed by the running loop. */
  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      if (this.#pending !== undefined && !this.#held()) this.#deliver();
      if (this.#eof && this.#pending === undefined && !this.#eofRead && this.open && !this.#held()) {
        this.#endOfStream();
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
      this.#recv.settle(piece);
    }
  }

  /** recv() returned b'' (the peer sent FIN), or failed with ECONNRESET where Node saw an end. */
  #endOfStream(): void {
    this.#eofRead = true;
    if (this.#eofError !== undefined) {
      const error = toEngineError({ code: this.#eofError, syscall: 'read' }, this.peer());
      if (CONNECTION_LOST.has(error.code)) this.#connectionLost(error);
      else {
        this.report(error);
        this.#recv.fail(error);
        this.socket.destroy();
      }
      return;
    }
    this.#finReceived = true;
    this.channel.emit({ type: 'fin-received' });
    this.#recv.settle(new Uint8Array(0));
    // If we had sent FIN already, the socket closes next; 'fin-received' as a state would be a detour.
    if (this.state === 'established') this.setState('fin-received');
    this.#behaviour?.fin?.(this);
  }

  /** Node reads from the kernel only while nothing is held: otherwise the bytes wait in the kernel's queue. */
  #syncFlow(): void {
    const flow = !this.#heldInKernel() && this.#pending === undefined && !this.#eof;
    if (!this.#readingStarted || flow === this.#flowing || this.socket.destroyed) return;
    this.#flowing = flow;
    if (flow) this.socket.resume();
    else this.socket.pause();
  }

  #cannot(action: 'send' | 'end' | 'reset'): EngineError {
    if (this.state === 'connecting') return invalidState(this.id, `is still connecting, so it cannot ${action} yet.`);
    if (this.#lost) {
      const code = this.lastError?.code ?? 'ECONNRESET';
      return invalidState(
        this.id,
        `lost its connection (${code}), so it cannot ${action}: a program's send() would fail with EPIPE (broken pipe) now. Only close() is left.`,
      );
    }
    if (!this.open || this.socket.destroyed) return invalidState(this.id, `is closed, so it cannot ${action}.`);
    const what = action === 'send' ? 'send any more' : 'do that again';
    const still = this.#finReceived ? '' : '; it can still receive';
    return invalidState(this.id, `already sent FIN (end), so it cannot ${what}${still}.`);
  }
}
