import type { Socket } from 'node:net';

export interface WriteHooks {
  /** The kernel took all of these bytes: one real write happened. */
  sent(bytes: Uint8Array): void;
  /** Nothing is waiting any more (the writes before were taken, or failed). */
  idle(): void;
}

export type WriteDone = (err: Error | undefined) => void;

interface Write {
  bytes: Uint8Array;
  done: WriteDone | undefined;
}

/**
 * The application's writes, each handed to Node as a socket.write of its own and in order, as a
 * program calls sendall() once per piece. Node gathers writes that queue behind a slow one into a
 * single writev (one syscall, often one segment); here a write waits in this queue until the one
 * before it is done, so each write reaches the kernel alone. A write counts as sent once the kernel
 * has all of it, and a failed write is no send at all: its error fails every write behind it.
 */
export class WriteQueue {
  readonly #socket: Socket;
  readonly #hooks: WriteHooks;
  readonly #queue: Write[] = [];
  #queuedBytes = 0;
  /** The write Node holds because the kernel's send buffer is full. */
  #inNode: Write | undefined;
  #failed: Error | undefined;
  #endWhenIdle = false;

  constructor(socket: Socket, hooks: WriteHooks) {
    this.#socket = socket;
    this.#hooks = hooks;
  }

  /** Bytes written by the application that the kernel has not taken yet. */
  get waiting(): number {
    return this.#queuedBytes + (this.#inNode === undefined ? 0 : this.#socket.writableLength);
  }

  /** A write is waiting for the kernel: a program calling sendall() would be blocked in it. */
  get blocked(): boolean {
    return this.#inNode !== undefined || this.#queue.length > 0;
  }

  write(bytes: Uint8Array, done?: WriteDone): void {
    if (this.#failed !== undefined) {
      done?.(this.#failed);
      return;
    }
    const write = { bytes, done };
    if (this.blocked) {
      this.#queue.push(write);
      this.#queuedBytes += bytes.length;
    } else {
      this.#start(write);
    }
  }

  /** shutdown(SHUT_WR) once every write before it is done: the FIN follows the last byte. */
  end(): void {
    if (this.blocked) this.#endWhenIdle = true;
    else this.#socket.end();
  }

  /** Settles the write at once when the kernel takes it (or refuses it) at once; else Node holds it. */
  #start(write: Write): void {
    const socket = this.#socket;
    socket.write(write.bytes, (err) => {
      // Only a write Node had to hold finishes here; the others were settled when write() returned.
      if (this.#inNode !== write) return;
      this.#inNode = undefined;
      this.#settle(write, err ?? undefined);
      this.#drain();
    });
    // A write the kernel refused fails the stream at once (its error event follows on the next tick).
    const failed = socket.errored;
    if (failed) this.#settle(write, failed);
    else if (socket.writableLength === 0) this.#settle(write, undefined);
    else this.#inNode = write;
  }

  #drain(): void {
    while (this.#inNode === undefined) {
      const next = this.#queue.shift();
      if (next === undefined) break;
      this.#queuedBytes -= next.bytes.length;
      if (this.#failed !== undefined) next.done?.(this.#failed);
      else this.#start(next);
    }
    if (this.#inNode === undefined) this.#idle();
  }

  #settle(write: Write, err: Error | undefined): void {
    if (err === undefined) {
      this.#hooks.sent(write.bytes);
    } else {
      this.#failed ??= err;
      this.#endWhenIdle = false;
    }
    write.done?.(err);
  }

  #idle(): void {
    if (this.#endWhenIdle) {
      this.#endWhenIdle = false;
      if (!this.#socket.destroyed) this.#socket.end();
    }
    this.#hooks.idle();
  }
}
