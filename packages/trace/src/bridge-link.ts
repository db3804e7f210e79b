import {
  BridgeToTracer,
  MAX_TRACE_CALLS,
  PROTOCOL_VERSION,
  type TraceAttached,
  type TraceCall,
  type TraceDetached,
  type TraceHello,
  type TracerMessage,
} from '@playground/protocol';
import WebSocket from 'ws';
import { monotonicOffset } from './clock.ts';

/** Past this much unsent, the tracer stops reading the program's calls (which then waits for it). */
const HIGH_WATER = 1024 * 1024;
/** How often a waiting tracer looks whether the bridge has caught up. */
const DRAIN_POLL_MS = 10;

export interface AttachOptions {
  /** The bridge's page address, e.g. http://127.0.0.1:4780/. */
  url: string;
  /** The page's attach code, or (local mode) the bridge's token from its runtime file. */
  credential: { code: string } | { token: string };
  hello: Omit<TraceHello, 'type' | 'protocolVersion' | 'clock'>;
}

/** Why attaching failed, in words for the terminal. */
export class AttachError extends Error {}

/**
 * The tracer's WebSocket to the bridge (`/trace`): hello, then the program's calls in batches of
 * at most MAX_TRACE_CALLS, then its exit. The bridge may end tracing at any time (`detached`);
 * the program then runs on untraced.
 */
export class BridgeLink {
  private queue: TraceCall[] = [];
  private scheduled = false;
  private detachedBy: TraceDetached | undefined;
  private readonly detachListeners: Array<(detached: TraceDetached) => void> = [];

  private constructor(
    private readonly ws: WebSocket,
    readonly attached: TraceAttached,
    /** The tracer's clock when hello left and when `attached` came back. */
    private readonly sync: { sent: number; received: number },
  ) {
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('close', () =>
      this.detach({ type: 'detached', reason: 'tracer-gone', message: 'The playground closed the connection.' }),
    );
    ws.on('error', () => {});
  }

  static attach(o: AttachOptions): Promise<BridgeLink> {
    const url = traceUrl(o.url, o.credential);
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024, handshakeTimeout: 10_000 });
    return new Promise((resolve, reject) => {
      const fail = (message: string) => {
        ws.terminate();
        reject(new AttachError(message));
      };
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          if (body.length < 500) body += chunk.toString();
        });
        res.on('end', () => fail(refusal(res.statusCode ?? 0, body.trim(), o.url)));
      });
      ws.once('error', (err: NodeJS.ErrnoException) =>
        fail(
          err.code === 'ECONNREFUSED'
            ? `No playground answers at ${o.url}. Start it (pnpm start) and open its page, or give its address with --url.`
            : `Could not reach the playground at ${o.url}: ${err.message}`,
        ),
      );
      ws.once('close', (code, reason) =>
        fail(reason.toString() || `The playground closed the connection before attaching (${code}).`),
      );
      let sent = 0;
      ws.once('open', () => {
        sent = performance.now();
        const hello: TracerMessage = {
          type: 'hello',
          protocolVersion: PROTOCOL_VERSION,
          ...o.hello,
          clock: sent,
          monotonicOffset: monotonicOffset(),
        };
        ws.send(JSON.stringify(hello));
      });
      ws.once('message', (data) => {
        const received = performance.now();
        const message = BridgeToTracer.safeParse(safeJson(data.toString()));
        if (!message.success) return fail('The playground answered with something that is not a trace reply.');
        if (message.data.type === 'detached') return fail(message.data.message);
        ws.removeAllListeners();
        resolve(new BridgeLink(ws, message.data, { sent, received }));
      });
    });
  }

  get detached(): TraceDetached | undefined {
    return this.detachedBy;
  }

  onDetached(listener: (detached: TraceDetached) => void): void {
    this.detachListeners.push(listener);
  }

  /** Too much is waiting to go out: stop reading the program's calls until `drained`. */
  get behind(): boolean {
    return this.ws.bufferedAmount > HIGH_WATER;
  }

  async drained(): Promise<void> {
    while (this.behind && !this.detachedBy) await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }

  started(pid: number): void {
    this.send({ type: 'started', pid, sync: this.sync });
  }

  /** Queued and sent on the next turn of the event loop, in batches. */
  calls(calls: TraceCall[]): void {
    if (this.detachedBy) return;
    for (const call of calls) this.queue.push(this.trimmed(call));
    if (this.queue.length >= MAX_TRACE_CALLS) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** The program ended: what is queued goes out, then the exit; resolves once the bridge has it all. */
  async exit(code: number | null, signal: string | null, clock: number): Promise<void> {
    this.flush();
    this.send({ type: 'exit', code, signal, clock });
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const closed = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.ws.close(1000, 'program ended');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  }

  close(): void {
    this.ws.terminate();
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) this.send({ type: 'calls', calls: this.queue.splice(0, MAX_TRACE_CALLS) });
  }

  /** The page is shown only the first `previewBytes` of a call's data: the rest need not travel. */
  private trimmed(call: TraceCall): TraceCall {
    const cap = Math.ceil(this.attached.previewBytes / 3) * 4;
    if (call.data === undefined || call.data.length <= cap) return call;
    const bytes = Buffer.from(call.data, 'base64').subarray(0, this.attached.previewBytes);
    return { ...call, data: bytes.toString('base64') };
  }

  private send(message: TracerMessage): void {
    if (this.detachedBy || this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(JSON.stringify(message));
  }

  private onMessage(text: string): void {
    const message = BridgeToTracer.safeParse(safeJson(text));
    if (message.success && message.data.type === 'detached') this.detach(message.data);
  }

  private detach(detached: TraceDetached): void {
    if (this.detachedBy) return;
    this.detachedBy = detached;
    this.queue = [];
    for (const listener of this.detachListeners) listener(detached);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `http://host:4780/` → `ws://host:4780/trace?code=…`; beside the page, as the page's own `ws` is:
 * `https://school.example/class-3b` → `wss://school.example/class-3b/trace?…` behind a proxy's path.
 */
export function traceUrl(page: string, credential: { code: string } | { token: string }): string {
  const base = new URL(page);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const url = new URL('trace', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if ('code' in credential) url.searchParams.set('code', credential.code);
  else url.searchParams.set('token', credential.token);
  return url.toString();
}

function refusal(status: number, body: string, url: string): string {
  if (status === 404) return `${url} is not a Socket Playground that can show traced programs (HTTP 404).`;
  return body || `The playground refused to attach the program (HTTP ${status}).`;
}
