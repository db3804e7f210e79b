import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { type PcapHeader, type PcapRecord, PcapStreamParser } from '@playground/wire';

export interface CaptureProcessHandlers {
  /** The tool is capturing: its filter is in place from now on. */
  onReady(header: PcapHeader): void;
  onRecords(records: PcapRecord[], header: PcapHeader): void;
  /** It stopped: asked to (`expected`), or on its own with its stderr saying why. */
  onExit(exit: { expected: boolean; stderr: string; spawnError?: NodeJS.ErrnoException }): void;
}

/** stderr kept for error messages; tcpdump says what went wrong in its first lines. */
const MAX_STDERR = 8192;
/** A tool that does not stop when asked is killed after this long. */
const STOP_GRACE_MS = 2000;

/**
 * One run of the capture tool writing pcap to stdout: parsed as it streams. Ready once the pcap
 * file header arrived or tcpdump said "listening on" (both happen once the filter is attached).
 */
export class CaptureProcess {
  readonly #child: ChildProcessByStdio<null, Readable, Readable>;
  readonly #parser = new PcapStreamParser();
  #stderr = '';
  #ready = false;
  #stopping = false;
  #spawnError: NodeJS.ErrnoException | undefined;
  readonly exited: Promise<void>;

  constructor(
    tool: string,
    args: string[],
    private readonly handlers: CaptureProcessHandlers,
  ) {
    this.#child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.#child.once('close', () => {
        handlers.onExit({
          expected: this.#stopping,
          stderr: this.#stderr,
          ...(this.#spawnError ? { spawnError: this.#spawnError } : {}),
        });
        resolve();
      });
    });
    this.#child.once('error', (err) => {
      this.#spawnError = err as NodeJS.ErrnoException;
    });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => {
      if (this.#stderr.length < MAX_STDERR) this.#stderr += chunk.toString('utf8').slice(0, MAX_STDERR);
      if (/listening on/.test(this.#stderr)) this.#markReady();
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  #onData(chunk: Buffer): void {
    let records: PcapRecord[];
    try {
      records = this.#parser.push(chunk);
    } catch (err) {
      this.#stderr += `\nThe capture's output could not be read: ${(err as Error).message}`;
      this.#child.kill('SIGKILL');
      return;
    }
    this.#markReady();
    const header = this.#parser.header;
    if (header && records.length > 0) this.handlers.onRecords(records, header);
  }

  #markReady(): void {
    const header = this.#parser.header;
    if (this.#ready || !header) return;
    this.#ready = true;
    this.handlers.onReady(header);
  }

  /** Asks the tool to stop (it flushes what it captured), and kills it if it does not. */
  stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#child.kill('SIGTERM');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), STOP_GRACE_MS);
      timer.unref();
      void this.exited.then(() => clearTimeout(timer));
    }
    return this.exited;
  }
}
