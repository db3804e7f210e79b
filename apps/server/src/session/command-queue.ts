import type { TokenBucket } from '../quota/token-bucket.ts';

/** Why the page's commands are not being read: its output is behind, its CPU budget ran out, or some are waiting. */
type Hold = 'output' | 'cpu' | 'waiting';

export interface CommandQueueDeps {
  /** Milliseconds of commands per loop turn before yielding to other sessions. */
  sliceMs: number;
  /** The session's CPU budget, in milliseconds. */
  cpu: TokenBucket;
  /** Carries out one message (null: a binary one); its synchronous part is what is timed. */
  handle(raw: string | null): unknown;
  /** Stop (true) or resume reading the page's connection, so TCP holds the page back meanwhile. */
  pauseSource(paused: boolean): void;
}

/**
 * The commands of one page, read in fair turns. A message is carried out at once when nothing holds
 * it back, so a lone command costs no extra latency. Otherwise it waits here and the connection
 * stops being read: while commands wait (at most what the WebSocket parser already had, one TCP
 * read), while the page is behind on its output (the output budget), and while the session has
 * used up its CPU budget. Within one loop turn a session runs commands for at most `sliceMs`, then
 * lets every other session and socket have theirs.
 */
export class CommandQueue {
  private items: Array<string | null | undefined> = [];
  private head = 0;
  private readonly holds = new Set<Hold>();
  private sliceUsed = 0;
  private turn: NodeJS.Immediate | undefined;
  private cpuTimer: NodeJS.Timeout | undefined;
  private draining = false;
  private closed = false;

  constructor(private readonly deps: CommandQueueDeps) {}

  push(raw: string | null): void {
    if (this.closed) return;
    this.items.push(raw);
    this.drain();
  }

  /** The output budget's verdict: the page is behind (true) or caught up (false). */
  holdForOutput(on: boolean): void {
    this.setHold('output', on);
    if (!on) this.drain();
  }

  close(): void {
    this.closed = true;
    this.items = [];
    this.head = 0;
    if (this.turn) clearImmediate(this.turn);
    clearTimeout(this.cpuTimer);
  }

  private drain(): void {
    if (this.draining || this.closed) return;
    this.draining = true;
    try {
      while (this.head < this.items.length && !this.holds.has('output') && !this.holds.has('cpu')) {
        if (this.sliceUsed >= this.deps.sliceMs) break;
        if (this.deps.cpu.available() <= 0) {
          this.waitForCpu();
          break;
        }
        const raw = this.items[this.head] as string | null;
        this.items[this.head++] = undefined;
        const started = performance.now();
        this.deps.handle(raw);
        const spent = performance.now() - started;
        this.sliceUsed += spent;
        this.deps.cpu.take(spent);
        this.nextTurn();
      }
    } finally {
      this.draining = false;
    }
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    this.setHold('waiting', this.head < this.items.length);
    if (this.head < this.items.length && this.sliceUsed >= this.deps.sliceMs) this.nextTurn();
  }

  /** The slice is per loop turn: the next turn starts it afresh and goes on with what waits. */
  private nextTurn(): void {
    if (this.turn) return;
    this.turn = setImmediate(() => {
      this.turn = undefined;
      this.sliceUsed = 0;
      this.drain();
    });
  }

  private waitForCpu(): void {
    this.setHold('cpu', true);
    this.cpuTimer = setTimeout(
      () => {
        this.setHold('cpu', false);
        this.drain();
      },
      Math.max(1, this.deps.cpu.msUntil(1)),
    );
  }

  private setHold(reason: Hold, on: boolean): void {
    const before = this.holds.size > 0;
    if (on) this.holds.add(reason);
    else this.holds.delete(reason);
    const after = this.holds.size > 0;
    if (before !== after && !this.closed) this.deps.pauseSource(after);
  }
}
