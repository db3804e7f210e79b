import { type Engine, EngineError } from '@playground/engine';
import {
  type BridgeToTracer,
  type DetachReason,
  PROTOCOL_VERSION,
  type ProgramInfo,
  type ProgramMessage,
  type TraceHello,
  TracerMessage,
} from '@playground/protocol';
import type { WebSocket } from 'ws';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError } from '../errors/bridge-error.ts';
import { ProgramModel } from './program-model.ts';
import type { StreamLedger } from './stream-ledger.ts';

/** How long a tracer may take to answer the bridge's close. */
const CLOSE_GRACE_MS = 2000;

export interface AttachmentDeps {
  ws: WebSocket;
  traceId: string;
  engine: Engine;
  limits: SessionLimits;
  ledger: StreamLedger;
  /** What the tracer tells the learner the program's calls appear on. */
  where: string;
  helloTimeoutMs: number;
  /** The tracer runs on the bridge's computer (it came over loopback): its clock maps exactly. */
  sameComputer: boolean;
  /** The program's state changed: the page is told. */
  onProgram(message: ProgramMessage): void;
  onEnd(): void;
  /** A bug of the bridge's showed up while following the program: for the log. */
  onInternalError?(err: unknown): void;
}

/**
 * One traced run of a program, attached to a session over `/trace`: it checks every message
 * against the protocol, puts the tracer's times on the session's clock (offset measured at hello),
 * and hands the calls to the program's model. Anything that is not a trace ends the tracing
 * (`invalid`), as does a quota; the program itself is never touched, it runs on untraced.
 */
export class Attachment {
  private hello: TraceHello | undefined;
  private pid = 0;
  private offset = 0;
  private exact = false;
  private startedT = 0;
  private ended = false;
  private awaitingPong = false;
  /** While the session holds its reading, what the tracer sent is kept, in order, not handled. */
  private held = false;
  private readonly backlog: Array<string | null> = [];
  private readonly model: ProgramModel;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(private readonly deps: AttachmentDeps) {
    this.model = new ProgramModel({
      engine: deps.engine,
      limits: deps.limits,
      ledger: deps.ledger,
      program: () => this.info(),
    });
    const { ws } = deps;
    ws.on('message', (data, isBinary) => this.receive(isBinary ? null : data.toString()));
    ws.on('close', () => this.detach('tracer-gone', 'The tracer’s connection to the playground dropped.'));
    ws.on('error', () => {});
    ws.on('pong', () => {
      this.awaitingPong = false;
    });
    this.helloTimer = setTimeout(
      () => this.detach('invalid', 'The tracer did not say which program it traces.'),
      deps.helloTimeoutMs,
    );
    this.helloTimer.unref();
  }

  get traceId(): string {
    return this.deps.traceId;
  }

  /**
   * Stop (or go on) reading the tracer: TCP then holds it back, and the traced program waits. What
   * was read already (a TCP read may carry many messages) waits here and is handled on resuming.
   */
  hold(paused: boolean): void {
    this.held = paused;
    if (paused) {
      this.deps.ws.pause();
      return;
    }
    this.deps.ws.resume();
    while (!this.held && this.backlog.length > 0) this.onMessage(this.backlog.shift() as string | null);
  }

  heartbeat(): void {
    if (this.awaitingPong) {
      this.deps.ws.terminate();
      return;
    }
    this.awaitingPong = true;
    this.deps.ws.ping();
  }

  /** Tracing stops (the program may run on): its sockets leave the session, the tracer is told why. */
  detach(reason: DetachReason, message: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.helloTimer);
    this.model.release();
    this.backlog.length = 0;
    this.send({ type: 'detached', reason, message });
    this.closeLink(reason);
    if (this.hello) this.deps.onProgram(this.message('detached', { reason: message, reasonCode: reason }));
    this.deps.onEnd();
  }

  private receive(raw: string | null): void {
    if (this.held) this.backlog.push(raw);
    else this.onMessage(raw);
  }

  private onMessage(raw: string | null): void {
    if (this.ended) return;
    const parsed = TracerMessage.safeParse(raw === null ? undefined : parseJson(raw));
    if (!parsed.success) {
      this.detach('invalid', 'The tracer sent something that is not a trace.');
      return;
    }
    const message = parsed.data;
    if (message.type !== 'hello' && !this.hello) {
      this.detach('invalid', 'The tracer did not say hello first.');
      return;
    }
    try {
      switch (message.type) {
        case 'hello':
          this.greet(message);
          return;
        case 'started':
          this.pid = message.pid;
          if (message.sync) this.synchronise(message.sync);
          this.deps.onProgram(this.message('running'));
          return;
        case 'calls':
          for (const call of message.calls) this.model.apply(call, this.clock(call.t));
          return;
        case 'exit':
          this.exit(message.code, message.signal, this.clock(message.clock));
          return;
      }
    } catch (err) {
      // A quota ends the tracing with its reason; anything else the model could not follow ends it
      // too, and never the bridge (this runs in the WebSocket's message handler).
      const code = (err as { code?: unknown }).code;
      if ((err instanceof BridgeError || err instanceof EngineError) && code === 'quota') {
        this.detach('quota', err.message);
        return;
      }
      this.deps.onInternalError?.(err);
      this.detach('invalid', 'The playground could not follow this program’s calls.');
    }
  }

  private greet(hello: TraceHello): void {
    if (this.hello) {
      this.detach('invalid', 'The tracer said hello twice.');
      return;
    }
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      const versions = `This tracer speaks protocol ${hello.protocolVersion}, the playground ${PROTOCOL_VERSION}`;
      this.detach('invalid', `${versions}: update one of them.`);
      return;
    }
    clearTimeout(this.helloTimer);
    this.hello = hello;
    this.startedT = this.deps.engine.clock();
    // One clock: the tracer's times map onto the session's by their difference at hello, exactly
    // when both read this computer's monotonic clock. Loopback can also be a reverse proxy in front
    // of a student's laptop: a shared clock that disagrees with the hello by a second is not shared.
    const byHello = this.startedT - hello.clock;
    const shared =
      this.deps.sameComputer && hello.monotonicOffset !== undefined
        ? this.startedT - Number(process.hrtime.bigint()) / 1e6 - hello.monotonicOffset
        : undefined;
    this.exact = shared !== undefined && Math.abs(shared - byHello) < 1000;
    this.offset = this.exact ? (shared as number) : byHello;
    this.send({
      type: 'attached',
      traceId: this.deps.traceId,
      previewBytes: this.deps.limits.previewBytes,
      where: this.deps.where,
      clock: this.startedT,
    });
    this.deps.onProgram(this.message('running'));
  }

  private exit(code: number | null, signal: string | null, t: number): void {
    this.ended = true;
    this.model.exited(t);
    const extra: Partial<ProgramMessage> = {};
    if (code !== null) extra.exitCode = code;
    if (signal !== null) extra.signal = signal;
    this.deps.onProgram(this.message('exited', extra));
    this.closeLink('program ended');
    this.deps.onEnd();
  }

  /**
   * The round trip of hello and `attached` (on the tracer's clock) brackets the moment `attached`
   * left (on the session's): the offset from hello alone is late by the hello's trip across the
   * network, which on a classroom's Wi-Fi is more than loopback's microseconds.
   */
  private synchronise(sync: { sent: number; received: number }): void {
    const hello = this.hello as TraceHello;
    if (this.exact || sync.sent !== hello.clock || sync.received < sync.sent) return;
    this.offset = this.startedT - (sync.sent + sync.received) / 2;
  }

  /** A tracer's time on the session's clock (never in the future: the stamper keeps it in order). */
  private clock(t: number): number {
    return Math.max(0, t + this.offset);
  }

  private info(): ProgramInfo {
    return { traceId: this.deps.traceId, pid: this.pid, name: this.hello?.name ?? '' };
  }

  private message(status: ProgramMessage['status'], extra: Partial<ProgramMessage> = {}): ProgramMessage {
    const hello = this.hello as TraceHello;
    const message: ProgramMessage = {
      type: 'program',
      ...this.info(),
      command: hello.command,
      tracer: hello.tracer,
      status,
      startedT: this.startedT,
      ...extra,
    };
    if (status !== 'running') message.endedT = this.deps.engine.clock();
    return message;
  }

  /** A close handshake needs the tracer's answer read; one that does not answer within 2 s is cut. */
  private closeLink(reason: string): void {
    const { ws } = this.deps;
    ws.resume();
    ws.close(1000, reason);
    const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
    cut.unref();
    ws.once('close', () => clearTimeout(cut));
  }

  private send(message: BridgeToTracer): void {
    if (this.deps.ws.readyState === this.deps.ws.OPEN) this.deps.ws.send(JSON.stringify(message));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
