import type { EngineEvent } from '@playground/engine';

/** Events and bytes held at most, whatever the window: past either the oldest go out at once. */
const MAX_HELD = 20_000;
const MAX_HELD_BYTES = 8 * 1024 * 1024;

const bytesOf = (event: EngineEvent) => ('data' in event ? event.data.byteLength : 0);

/**
 * One clock for two witnesses: a traced program's calls reach the bridge a little after they
 * happened (through the tracer), so a client's send can arrive after the playground's recv of the
 * same bytes. While a program is traced, the session's events wait here for `windowMs` and leave
 * in the order they happened (by `t`, then as they came); otherwise they pass straight through.
 */
export class ReorderBuffer {
  private held: EngineEvent[] = [];
  private heldBytes = 0;
  private windowMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly release: (event: EngineEvent) => void,
    private readonly clock: () => number,
  ) {}

  setWindow(ms: number): void {
    this.windowMs = ms;
    if (ms === 0) this.flush();
  }

  push(event: EngineEvent): void {
    if (this.windowMs === 0 && this.held.length === 0) {
      this.release(event);
      return;
    }
    let at = this.held.length;
    while (at > 0 && (this.held[at - 1] as EngineEvent).t > event.t) at--;
    this.held.splice(at, 0, event);
    this.heldBytes += bytesOf(event);
    while (this.held.length > MAX_HELD || this.heldBytes > MAX_HELD_BYTES) this.releaseFirst(1);
    this.schedule();
  }

  /** Everything held goes out now, in order (before a reply, and when the session closes). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.releaseFirst(this.held.length);
  }

  private due(): void {
    this.timer = undefined;
    const cutoff = this.clock() - this.windowMs;
    let n = 0;
    while (n < this.held.length && (this.held[n] as EngineEvent).t <= cutoff) n++;
    this.releaseFirst(n);
    this.schedule();
  }

  private releaseFirst(n: number): void {
    for (const event of this.held.splice(0, n)) {
      this.heldBytes -= bytesOf(event);
      this.release(event);
    }
  }

  private schedule(): void {
    if (this.timer || this.held.length === 0) return;
    const first = this.held[0] as EngineEvent;
    const wait = Math.max(0, first.t + this.windowMs - this.clock());
    this.timer = setTimeout(() => this.due(), Math.ceil(wait));
  }
}
