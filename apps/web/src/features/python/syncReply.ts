/**
 * How the Python worker blocks on the page: it posts a request, then sleeps on shared memory
 * (Atomics.wait) until the main thread writes the answer there and wakes it. This needs
 * SharedArrayBuffer, which browsers give only to cross-origin isolated pages (COOP + COEP).
 */

/** Room for one answer: a recv of 64 KiB as base64, in JSON, with space to spare. */
const ANSWER_BYTES = 256 * 1024;
/** Int32 slots before the bytes: [0] 0 = waiting, 1 = answered; [1] the answer's length. */
const HEADER_BYTES = 8;

export function makeReplyBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + ANSWER_BYTES);
}

/** Main thread: answers the worker's pending request and wakes it. */
export function answer(buffer: SharedArrayBuffer, text: string): void {
  const flags = new Int32Array(buffer, 0, 2);
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength > ANSWER_BYTES) throw new Error(`An answer of ${bytes.byteLength} bytes does not fit.`);
  new Uint8Array(buffer, HEADER_BYTES).set(bytes);
  Atomics.store(flags, 1, bytes.byteLength);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
}

/** Worker: posts `request` with `post`, then blocks until the main thread answers. */
export function ask(buffer: SharedArrayBuffer, post: () => void): string {
  const flags = new Int32Array(buffer, 0, 2);
  Atomics.store(flags, 0, 0);
  post();
  Atomics.wait(flags, 0, 0);
  const length = Atomics.load(flags, 1);
  // TextDecoder refuses views of shared memory: a private copy first.
  return new TextDecoder().decode(new Uint8Array(buffer, HEADER_BYTES, length).slice());
}

/** Worker: blocks for `ms` milliseconds (time.sleep) on memory nobody notifies. */
export function sleepBlocking(ms: number): void {
  const idle = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(idle, 0, 0, Math.max(0, ms));
}
