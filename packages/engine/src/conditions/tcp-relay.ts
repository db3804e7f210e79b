import { createServer, type Server, Socket } from 'node:net';
import { endpoint } from '../endpoints.ts';
import { toEngineError } from '../errors.ts';
import type { Channel } from '../event-stamper.ts';
import { MAX_RELAY_FLOWS, Relay, type RelayOptions } from './relay.ts';
import { StreamStage } from './stream-stage.ts';

/**
 * The conditions stage for TCP: a listening socket; every connection it accepts is carried to the
 * target over a connection of its own, through one StreamStage per direction. FIN travels in the
 * stream (after the bytes before it); a reset on one side resets the other.
 */
export class TcpRelay extends Relay {
  readonly #server: Server;
  readonly #flows = new Set<TcpFlow>();

  constructor(channel: Channel, options: RelayOptions) {
    super(channel, options);
    this.#server = createServer({ allowHalfOpen: true, pauseOnConnect: true });
    this.#server.on('error', (err) => {
      this.report(toEngineError(err, { host: options.host, port: options.port }));
      if (this.state !== 'listening') this.#server.close();
    });
    // Node reports the server closed once its accepted sockets are; the flows' own ends come after.
    this.#server.on('close', () => {
      void Promise.all(Array.from(this.#flows, (f) => f.done)).then(() => this.finish());
    });
    this.#server.on('listening', () => {
      if (!this.open) return;
      const address = this.#server.address();
      if (address !== null && typeof address === 'object') this.bound(endpoint(address.address, address.port));
    });
    this.#server.on('connection', (socket: Socket) => this.#accept(socket));
  }

  protected begin(): void {
    try {
      this.#server.listen({ host: this.options.host, port: this.options.port });
    } catch (err) {
      this.#server.emit('error', err);
    }
  }

  close(): Promise<void> {
    if (this.open) {
      this.#server.close();
      for (const flow of this.#flows) flow.destroy();
    }
    return Promise.all([this.closed, ...Array.from(this.#flows, (f) => f.done)]).then(() => undefined);
  }

  /** Each client: the accepted connection and the one towards the target. */
  get flowSockets(): number {
    return this.#flows.size * 2;
  }

  #accept(downstream: Socket): void {
    if (this.#flows.size >= MAX_RELAY_FLOWS || !this.open || !this.admit(peerOf(downstream), 2)) {
      downstream.on('error', () => {});
      downstream.resetAndDestroy();
      return;
    }
    const flow = new TcpFlow(this.#context(), downstream, this.nextFlowNo());
    this.#flows.add(flow);
    flow.done.then(() => this.#flows.delete(flow));
  }

  #context(): FlowContext {
    return {
      target: this.options.target,
      settings: this.currentSettings,
      stats: this.stats,
      touch: this.touch,
      random: (n, d) => this.randomFor(n, d),
      opened: (peer, upstream) => this.flowEvent(peer, upstream, 'opened'),
      closed: (peer, upstream) => this.flowEvent(peer, upstream, 'closed'),
      error: (err) => this.reportFlowError(err),
    };
  }
}

function peerOf(socket: Socket) {
  return endpoint(socket.remoteAddress, socket.remotePort);
}

interface FlowContext {
  target: { host: string; port: number };
  settings: Relay['currentSettings'];
  stats: Relay['stats'];
  touch: () => void;
  random: (flow: number, direction: 'up' | 'down') => () => number;
  opened: (peer: ReturnType<typeof endpoint>, upstream: ReturnType<typeof endpoint>) => void;
  closed: (peer: ReturnType<typeof endpoint>, upstream: ReturnType<typeof endpoint>) => void;
  error: (err: ReturnType<typeof toEngineError>) => void;
}

/** One client's connection through the relay: downstream (the client) ⇄ stages ⇄ upstream (the target). */
class TcpFlow {
  readonly done: Promise<void>;
  readonly #down: Socket;
  readonly #up: Socket;
  readonly #toTarget: StreamStage;
  readonly #toClient: StreamStage;
  #connected = false;
  #peer = endpoint(undefined, undefined);
  #upstream = endpoint(undefined, undefined);

  constructor(
    private readonly ctx: FlowContext,
    downstream: Socket,
    flowNo: number,
  ) {
    this.#down = downstream;
    this.#peer = peerOf(downstream);
    this.#up = new Socket({ allowHalfOpen: true });
    const common = { settings: ctx.settings, stats: ctx.stats, touch: ctx.touch };
    this.#toTarget = new StreamStage({
      ...common,
      random: ctx.random(flowNo, 'up'),
      write: (piece) => this.#up.write(piece),
      end: () => this.#up.end(),
      pauseSource: (paused) => (paused ? this.#down.pause() : this.#down.resume()),
    });
    this.#toClient = new StreamStage({
      ...common,
      random: ctx.random(flowNo, 'down'),
      write: (piece) => this.#down.write(piece),
      end: () => this.#down.end(),
      pauseSource: (paused) => (paused ? this.#up.pause() : this.#up.resume()),
    });
    const downClosed = new Promise<void>((resolve) => this.#down.once('close', () => resolve()));
    const upClosed = new Promise<void>((resolve) => this.#up.once('close', () => resolve()));
    this.done = Promise.all([downClosed, upClosed]).then(() => {
      this.#toTarget.close();
      this.#toClient.close();
      if (this.#connected) ctx.closed(this.#peer, this.#upstream);
    });
    this.#wire();
    this.#up.connect({ host: ctx.target.host, port: ctx.target.port });
  }

  destroy(): void {
    this.#down.destroy();
    this.#up.destroy();
  }

  #wire(): void {
    const down = this.#down;
    const up = this.#up;
    down.on('data', (chunk: Buffer) => this.#toTarget.push(chunk));
    down.on('end', () => this.#toTarget.end());
    down.on('drain', () => this.#toClient.drained());
    down.on('error', () => {});
    down.on('close', (hadError) => {
      this.#toClient.close();
      if (hadError) {
        this.#toTarget.close();
        if (!up.destroyed) up.resetAndDestroy();
      } else if (!this.#connected) up.destroy();
    });
    up.on('connect', () => {
      this.#connected = true;
      up.setNoDelay(true);
      down.setNoDelay(true);
      this.#upstream = endpoint(up.localAddress, up.localPort);
      this.ctx.opened(this.#peer, this.#upstream);
      down.resume();
    });
    up.on('data', (chunk: Buffer) => this.#toClient.push(chunk));
    up.on('end', () => this.#toClient.end());
    up.on('drain', () => this.#toTarget.drained());
    up.on('error', (err) => {
      if (!this.#connected) this.ctx.error(toEngineError(err, this.ctx.target));
    });
    up.on('close', (hadError) => {
      this.#toTarget.close();
      if (hadError || !this.#connected) {
        this.#toClient.close();
        if (!down.destroyed) down.resetAndDestroy();
      }
    });
  }
}
