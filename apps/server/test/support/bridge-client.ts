import {
  type CommandBody,
  type EventBatch,
  type Reply,
  type ServerMessage,
  ServerMessage as ServerMessageSchema,
  type SocketEvent,
  type Welcome,
} from '@playground/protocol';
import WebSocket from 'ws';

type Pending = { resolve: (r: Reply) => void; timer: NodeJS.Timeout };

/**
 * A protocol client over a real `ws` WebSocket, for tests and benchmarks: it validates every
 * message with the protocol schemas, so a test also proves the bridge speaks the protocol.
 */
export class BridgeTestClient {
  readonly events: SocketEvent[] = [];
  readonly batches: EventBatch[] = [];
  readonly notices: ServerMessage[] = [];
  welcome: Welcome | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(data.toString()));
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<BridgeTestClient> {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    const client = new BridgeTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    await client.waitFor(() => client.welcome !== undefined, 5000, 'welcome');
    return client;
  }

  request(command: CommandBody, timeoutMs = 10_000): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${command.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.ws.send(JSON.stringify({ ...command, id }));
    });
  }

  /** Like request, but fails the test unless the reply is ok. */
  async ok(command: CommandBody): Promise<Extract<Reply, { ok: true }>['result']> {
    const reply = await this.request(command);
    if (!reply.ok) throw new Error(`${command.type} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.result;
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  nextReply(timeoutMs = 5000): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply')), timeoutMs);
      this.pending.set(-1, { resolve, timer });
    });
  }

  eventsOf<T extends SocketEvent['type']>(socketId: string, type: T): Extract<SocketEvent, { type: T }>[] {
    return this.events.filter(
      (e): e is Extract<SocketEvent, { type: T }> => e.socketId === socketId && e.type === type,
    );
  }

  /** Resolves when `predicate` holds after some message, or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = (): void => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  private onMessage(raw: string): void {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`bridge sent a message outside the protocol: ${raw.slice(0, 200)}`);
    const msg = parsed.data;
    if (msg.type === 'welcome') this.welcome = msg;
    else if (msg.type === 'events') {
      this.batches.push(msg);
      this.events.push(...msg.events);
    } else if (msg.type === 'reply') {
      const key = msg.re !== null && this.pending.has(Number(msg.re)) ? Number(msg.re) : -1;
      const p = this.pending.get(key);
      if (p) {
        clearTimeout(p.timer);
        this.pending.delete(key);
        p.resolve(msg);
      }
    } else this.notices.push(msg);
    for (const w of [...this.waiters]) w();
  }
}
