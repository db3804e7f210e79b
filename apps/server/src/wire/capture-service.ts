import { Worker } from 'node:worker_threads';
import type { WireBatch, WireStatus } from '@playground/protocol';
import type { FromCaptureWorker, ToCaptureWorker } from './capture-messages.ts';
import type { CaptureToolConfig } from './capture-tool.ts';

/**
 * The worker's module. From the sources, an entry that registers tsx first (worker threads do not
 * inherit the bridge's TypeScript loader); in the published package, the compiled worker, which
 * apps/cli's build puts beside the chunk this code is compiled into (and checks it is there).
 */
const WORKER_MODULE = import.meta.url.endsWith('.ts')
  ? new URL('./capture-worker-entry.mjs', import.meta.url)
  : new URL('./capture-worker.js', import.meta.url);

type Request = ToCaptureWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

export interface CaptureListener {
  batch(batch: WireBatch): void;
  status(status: WireStatus): void;
}

/** A worker that does not answer by then is taken for dead (its sessions are told). */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The bridge's side of the capture worker (capture-worker.ts): started when a first page watches
 * the wire, it carries the sessions' requests there and their segments and statuses back.
 */
export class CaptureService {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve(): void; timer: NodeJS.Timeout }>();
  readonly #listeners = new Map<string, CaptureListener>();

  constructor(private readonly config: CaptureToolConfig) {}

  listen(session: string, listener: CaptureListener): void {
    this.#listeners.set(session, listener);
  }

  forget(session: string): void {
    this.#listeners.delete(session);
    this.#worker?.postMessage({ op: 'unwatch', session } satisfies ToCaptureWorker);
  }

  /** A message with no answer; dropped when the worker is not running (nobody watches then). */
  post(message: Exclude<ToCaptureWorker, { id: number }>): void {
    this.#worker?.postMessage(message);
  }

  /** Resolves once the worker carried it out (or gave up). */
  request(message: Request): Promise<void> {
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve();
      }, REQUEST_TIMEOUT_MS);
      timer.unref();
      this.#pending.set(id, { resolve, timer });
      worker.postMessage({ ...message, id } as ToCaptureWorker);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.request({ op: 'shutdown' });
    this.#worker = undefined;
    await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_MODULE, { workerData: this.config });
    worker.unref();
    worker.on('message', (m: FromCaptureWorker) => this.#receive(m));
    worker.on('error', (err) => this.#lost(err.message));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#lost('The capture worker stopped.');
    });
    this.#worker = worker;
    return worker;
  }

  #receive(m: FromCaptureWorker): void {
    if (m.op === 'reply') {
      const pending = this.#pending.get(m.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.#pending.delete(m.id);
      pending.resolve();
    } else if (m.op === 'batch') this.#listeners.get(m.session)?.batch(m.batch);
    else this.#listeners.get(m.session)?.status(m.status);
  }

  #lost(reason: string): void {
    this.#worker = undefined;
    for (const { resolve, timer } of this.#pending.values()) {
      clearTimeout(timer);
      resolve();
    }
    this.#pending.clear();
    for (const listener of this.#listeners.values()) {
      listener.status({
        type: 'wire-status',
        state: 'failed',
        reason,
        platform: process.platform,
        segmentsPerSecond: 1,
      });
    }
  }
}
