import type { CommandBody, Counters, EventBatch, Reply, ReplyResult, SocketEvent } from '@playground/protocol';
import { WebSocket } from 'ws';

/**
 * A lean protocol client standing in for the browser. Unlike the test client it keeps no events
 * (a 1 GiB flood would not fit) and does not validate messages (the tests do that): it parses each
 * message as a page would, hands events to a callback and keeps the latest counters per socket.
 */
export class BridgeConsumer {
  /** Latest counters per socket id; the bridge sends running totals, so the newest is the exact one. */
  readonly counters = new Map<string, Counters>();
  folded = 0;
  messages = 0;
  bytes = 0;
  events = 0;
  /** Wire view: segments received, the bridge's latest count of those not shown, and the capture's state. */
  segments = 0;
  segmentsNotShown = 0;
  wireState: string | undefined;
  onEvent: ((event: SocketEvent, receivedAt: number) => void) | undefined;
  onBatch: ((batch: EventBatch, size: number) => void) | undefined;
  /** Errors the bridge reported on its own (error events, notices), to fail a run that "passed" with them. */
  readonly problems: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  /** Requests still waiting for a reply, by deadline: one watchdog instead of a timer per request. */
  private readonly deadlines = new Map<number, { at: number; fail(): void }>();
  private readonly watchdog: NodeJS.Timeout;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(data.toString()));
    // A timer per request is work the proxies' pingers do not do; a round trip must cost both alike.
    this.watchdog = setInterval(() => {
      const now = performance.now();
      for (const d of this.deadlines.values()) if (d.at < now) d.fail();
    }, 500);
    this.watchdog.unref();
  }

  /** `token`: a student's (LAN mode); without it, the local page's from /api/session. */
  static async connect(port: number, options: { timeoutMs?: number; token?: string } = {}): Promise<BridgeConsumer> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const origin = `http://127.0.0.1:${port}`;
    const token = options.token ?? (await sessionToken(origin));
    const url = `ws://127.0.0.1:${port}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
    const ws = new WebSocket(url, { headers: { origin }, perMessageDeflate: false });
    const consumer = new BridgeConsumer(ws);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no WebSocket handshake within the deadline')), timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`bridge refused the session: ${res.statusCode}`)));
    });
    return consumer;
  }

  request(command: CommandBody, timeoutMs = 10_000): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const fail = () => {
        this.pending.delete(id);
        this.deadlines.delete(id);
        reject(new Error(`no reply to ${command.type} within ${timeoutMs} ms`));
      };
      this.deadlines.set(id, { at: performance.now() + timeoutMs, fail });
      this.pending.set(id, (reply) => {
        this.deadlines.delete(id);
        resolve(reply);
      });
      this.ws.send(JSON.stringify({ ...command, id }));
    });
  }

  async ok(command: CommandBody, timeoutMs?: number): Promise<ReplyResult> {
    const reply = await this.request(command, timeoutMs);
    if (!reply.ok) throw new Error(`${command.type} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.result;
  }

  /** Sends a command without waiting for its reply (the reply is still matched and dropped). */
  fire(command: CommandBody, onReply?: (reply: Reply) => void): void {
    const id = this.nextId++;
    this.pending.set(id, onReply ?? (() => {}));
    this.ws.send(JSON.stringify({ ...command, id }));
  }

  /**
   * Reads at most `bytesPerSecond` from now on, like a page too busy to keep up: once ahead of that
   * pace it stops reading the socket (the kernel buffers fill, the bridge's WebSocket backs up) until
   * the pace allows the next message.
   */
  throttle(bytesPerSecond: number): void {
    const start = performance.now();
    const startBytes = this.bytes;
    let timer: NodeJS.Timeout | undefined;
    this.afterMessage = () => {
      if (timer !== undefined) return;
      const dueAt = start + ((this.bytes - startBytes) / bytesPerSecond) * 1000;
      const wait = dueAt - performance.now();
      if (wait <= 1) return;
      this.ws.pause();
      timer = setTimeout(() => {
        timer = undefined;
        this.ws.resume();
      }, wait);
    };
  }

  private afterMessage: (() => void) | undefined;

  close(): Promise<void> {
    clearInterval(this.watchdog);
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  private receive(raw: string): void {
    const now = performance.now();
    this.messages++;
    this.bytes += raw.length;
    const msg = JSON.parse(raw) as { type: string };
    if (msg.type === 'events') {
      const batch = msg as EventBatch;
      this.folded += batch.folded;
      this.events += batch.events.length;
      for (const [id, c] of Object.entries(batch.counters)) this.counters.set(id, c);
      const onEvent = this.onEvent;
      for (const event of batch.events) {
        if (event.type === 'error') this.problems.push(`${event.socketId}: ${event.error.code} ${event.error.message}`);
        onEvent?.(event, now);
      }
      this.onBatch?.(batch, raw.length);
      if (batch.replies) for (const reply of batch.replies) this.settle(reply);
    } else if (msg.type === 'wire') {
      const wire = msg as unknown as { segments: unknown[]; notShown: number };
      this.segments += wire.segments.length;
      this.segmentsNotShown = wire.notShown;
    } else if (msg.type === 'wire-status') {
      this.wireState = (msg as unknown as { state: string }).state;
    } else if (msg.type === 'notice') {
      this.problems.push(`notice: ${raw.slice(0, 200)}`);
    }
    this.afterMessage?.();
  }

  private settle(reply: Reply): void {
    const id = Number(reply.re);
    const handler = this.pending.get(id);
    if (handler) {
      this.pending.delete(id);
      handler(reply);
    }
  }
}

/**
 * The bridge may require a per-run token that its own page fetches from /api/session; a consumer
 * on this computer fetches it the same way. A bridge without that route needs none.
 */
async function sessionToken(origin: string): Promise<string | undefined> {
  const res = await fetch(`${origin}/api/session`, { headers: { origin } }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const body = (await res.json().catch(() => ({}))) as { token?: unknown };
  return typeof body.token === 'string' ? body.token : undefined;
}
