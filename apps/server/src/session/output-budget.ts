export interface OutputBudgetConfig {
  highWaterBytes: number;
  lowWaterBytes: number;
  hardCapBytes: number;
  /** While paused, how often to look whether the page caught up (nothing else would wake us). */
  pollMs: number;
}

export interface OutputBudgetDeps {
  /** Bytes on their way to the page: the WebSocket's buffer and what the bridge still holds for it. */
  measure(): number;
  /** True: the page fell behind, stop producing for it (sockets and commands); false: it caught up. */
  onPressure(paused: boolean): void;
  /** Past the hard cap: the page will not catch up, end its session. Called once. */
  onOverflow(queued: number): void;
}

/**
 * One session's budget for everything sent to its page. Every send checks it: above the high-water
 * mark the session pauses (its sockets stop reading, its commands stop being read), below the
 * low-water mark it resumes, and above the hard cap it gives the page up. Only what the session
 * itself produces is paused, so nothing it sends while paused (a reply to a command already read, a
 * class message) grows without bound.
 */
export class OutputBudget {
  private paused = false;
  private overflowed = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: OutputBudgetConfig,
    private readonly deps: OutputBudgetDeps,
  ) {}

  /** The page is behind: whatever can wait (class messages, kernel snapshots) should. */
  get behind(): boolean {
    return this.paused;
  }

  check(): void {
    if (this.overflowed) return;
    const queued = this.deps.measure();
    if (queued > this.config.hardCapBytes) {
      this.overflowed = true;
      this.stopPolling();
      this.deps.onOverflow(queued);
    } else if (!this.paused && queued > this.config.highWaterBytes) {
      this.paused = true;
      this.deps.onPressure(true);
      this.poll = setInterval(() => this.check(), this.config.pollMs);
      this.poll.unref();
    } else if (this.paused && queued < this.config.lowWaterBytes) {
      this.paused = false;
      this.stopPolling();
      this.deps.onPressure(false);
    }
  }

  close(): void {
    this.overflowed = true;
    this.stopPolling();
  }

  private stopPolling(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }
}
