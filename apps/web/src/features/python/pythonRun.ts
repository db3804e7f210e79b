import type { ReplyResult } from '@playground/protocol';
import { BridgeRequestError, type CommandBody } from '../../bridge/client.ts';
import { answer, makeReplyBuffer } from './syncReply.ts';
import type { WorkerMessage, WorkerRequest } from './workerMessages.ts';

export interface RunHooks {
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** Python is loaded and the program starts. */
  loaded(): void;
  /** The program waits in input(): answer with `PythonRun.input`. */
  wantsInput(): void;
  /** The program ended (its exit status), was stopped (null), or Python could not start (`failure`). */
  ended(code: number | null, failure?: string): void;
  /** A socket the program opened, for the page's store. */
  socket?(result: ReplyResult): void;
}

export type Send = (command: CommandBody, options?: { timeoutMs?: number }) => Promise<ReplyResult>;

/** Extra time the page gives the bridge to answer a blocking call beyond the call's own wait. */
const ANSWER_MARGIN_MS = 10_000;

/**
 * One run of a Python program in its worker: carries out its socket calls as the session's
 * commands, and closes whatever sockets it left open when it ends or is stopped, as the OS closes
 * a process's sockets when it exits.
 */
export class PythonRun {
  readonly #worker: Worker;
  readonly #replies = makeReplyBuffer();
  readonly #open = new Set<string>();
  #ended = false;

  constructor(
    private readonly send: Send,
    private readonly hooks: RunHooks,
    makeWorker: () => Worker = () => new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.#worker = makeWorker();
    this.#worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.#receive(event.data);
    this.#worker.onerror = (event) => this.#end(null, event.message || 'The Python worker failed.');
  }

  start(source: string, argv: string[], threadsMessage: string): void {
    this.#worker.postMessage({ type: 'run', source, argv, threadsMessage, replies: this.#replies });
  }

  /** The line typed into the console, or null for end of input (EOFError). */
  input(line: string | null): void {
    answer(this.#replies, JSON.stringify({ line }));
  }

  /** Stop always stops: the worker ends wherever it is, even inside a blocking call. */
  stop(): void {
    this.#end(null);
  }

  #receive(message: WorkerMessage): void {
    if (this.#ended) return;
    const { hooks } = this;
    if (message.type === 'loaded') hooks.loaded();
    else if (message.type === 'output') hooks.output(message.stream, message.text);
    else if (message.type === 'request') this.#request(message.request);
    else if (message.type === 'exit') this.#end(message.code);
    else this.#end(null, message.message);
  }

  #request(request: WorkerRequest): void {
    if (request.op === 'input') {
      this.hooks.wantsInput();
      return;
    }
    void this.#command(request.command as unknown as CommandBody).then((reply) => {
      if (!this.#ended) answer(this.#replies, JSON.stringify(reply));
    });
  }

  async #command(command: CommandBody): Promise<{ ok: boolean; result?: ReplyResult; error?: unknown }> {
    const wait = 'timeoutMs' in command && typeof command.timeoutMs === 'number' ? command.timeoutMs : 0;
    try {
      const result = await this.send(command, { timeoutMs: wait + ANSWER_MARGIN_MS });
      if (result.socket) {
        this.#open.add(result.socket.id);
        this.hooks.socket?.(result);
      }
      if (command.type === 'socket.close') this.#open.delete(command.socketId);
      return { ok: true, result };
    } catch (caught) {
      const error = caught instanceof BridgeRequestError ? caught.info : { code: 'internal', message: String(caught) };
      return { ok: false, error };
    }
  }

  #end(code: number | null, failure?: string): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker.terminate();
    // Closed as the OS closes an ended program's sockets: the bridge's hints say it never closed them.
    const call = { fn: 'exit', args: '', ended: true } as const;
    for (const socketId of this.#open) void this.send({ type: 'socket.close', socketId, call }).catch(() => undefined);
    this.#open.clear();
    this.hooks.ended(code, failure);
  }
}
