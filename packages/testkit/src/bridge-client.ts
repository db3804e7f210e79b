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

/** What a test or benchmark needs to reach a bridge: `startPlayground()` returns all of it. */
export interface BridgeAddress {
  port: number;
  token: string;
}

/** The WebSocket URL with the token, as the page builds it (browsers cannot set WebSocket headers). */
export function bridgeUrl(p: BridgeAddress, host = '127.0.0.1'): string {
  return `ws://${host}:${p.port}/ws?token=${encodeURIComponent(p.token)}`;
}

/**
 * A protocol client over a real `ws` WebSocket, for tests and benchmarks: it validates every
 * message with the protocol schemas, so a test also proves the bridge speaks the protocol.
 */
export class BridgeTestClient {
  readonly events: SocketEvent[] = [];
  readonly batches: EventBatch[] = [];
  readonly notices: ServerMessage[] = [];
  /** Messages that failed the protocol schemas (each also throws, failing the test that caused it). */
  readonly violations: string[] = [];
  /** Ids of sockets whose `closed` event arrived, so waits on many sockets need no scan of every event. */
  readonly closedSockets = new Set<string>();
  /** Every reply, in arrival order, including those nobody waited for. */
  readonly replies: Reply[] = [];
  welcome: Welcome | undefined;
  /** Settles with the close code once the WebSocket is closed. */
  readonly closed: Promise<number>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(data.toString()));
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Opens a session on `p` as its own page would: with the token and the page's Origin. */
  static open(p: BridgeAddress, headers: Record<string, string> = {}): Promise<BridgeTestClient> {
    return BridgeTestClient.connect(bridgeUrl(p), { origin: `http://127.0.0.1:${p.port}`, ...headers });
  }

  /** `url` must carry the token (see `bridgeUrl`). */
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
    if (this.ws.readyState !== WebSocket.OPEN)
      return Promise.reject(new Error(`${command.type}: the WebSocket is closed`));
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

  /** A clean close; a peer that does not answer the close frame within 2 s is cut off. */
  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), 2000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close();
    });
  }

  private onMessage(raw: string): void {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      this.violations.push(raw.slice(0, 200));
      for (const w of [...this.waiters]) w();
      // Thrown outside ws's parser, which would otherwise be left mid-frame and stop reading.
      setImmediate(() => {
        throw new Error(`bridge sent a message outside the protocol: ${raw.slice(0, 200)}`);
      });
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'welcome') this.welcome = msg;
    else if (msg.type === 'events') {
      this.batches.push(msg);
      for (const e of msg.events) {
        this.events.push(e);
        if (e.type === 'closed') this.closedSockets.add(e.socketId);
      }
      for (const r of msg.replies ?? []) this.settle(r);
    } else if (msg.type === 'reply') this.settle(msg);
    else this.notices.push(msg);
    for (const w of [...this.waiters]) w();
  }

  private settle(reply: Reply): void {
    this.replies.push(reply);
    const key = reply.re !== null && this.pending.has(Number(reply.re)) ? Number(reply.re) : -1;
    const p = this.pending.get(key);
    if (p) {
      clearTimeout(p.timer);
      this.pending.delete(key);
      p.resolve(reply);
    }
  }
}
