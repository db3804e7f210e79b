import { type TraceCall, TraceCall as TraceCallSchema } from '@playground/protocol';

/** What the Python shim says first: its clock, so its times can be put on the tracer's. */
interface ShimHello {
  clock: number;
  pid: number;
  python: string;
}

/**
 * Reads the Python shim's lines (one JSON object each, see python/socket_playground_trace): its
 * hello, then one trace call per line, each checked against the protocol and moved onto the
 * tracer's clock (`now`). A line that is not a call is counted, never passed on.
 */
export class ShimParser {
  hello: ShimHello | undefined;
  rejected = 0;
  private offset = 0;

  /**
   * `now`: the tracer's clock. `monotonicOffset`: that clock minus the system's monotonic clock,
   * which Python's time.monotonic() reads too: the shim's times then map exactly.
   */
  constructor(
    private readonly now: () => number,
    private readonly warn: (message: string) => void,
    private readonly monotonicOffset?: () => number,
  ) {}

  line(text: string): TraceCall | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.rejected++;
      return undefined;
    }
    if (typeof json !== 'object' || json === null) return undefined;
    const record = json as Record<string, unknown>;
    if ('hello' in record) {
      this.hello = record.hello as ShimHello;
      // When the hello was read is a little after it was written; the shared clock is exact. A
      // large difference means the clocks are not the same one after all: the hello's time it is.
      const byHello = this.now() - Number(this.hello.clock);
      const exact = this.monotonicOffset?.();
      this.offset = exact !== undefined && Math.abs(exact - byHello) < 1000 ? exact : byHello;
      return undefined;
    }
    if ('shimError' in record) {
      this.warn(`the Python tracer hit a problem and skipped a call: ${String(record.shimError)}`);
      return undefined;
    }
    const call = TraceCallSchema.safeParse({ ...record, t: Math.max(0, Number(record.t) + this.offset) });
    if (!call.success) {
      this.rejected++;
      return undefined;
    }
    return call.data;
  }
}
