import type { Engine, EngineEvent } from '@playground/engine';
import type { DetachReason, ProgramMessage, TraceCodeInfo } from '@playground/protocol';
import type { WebSocket } from 'ws';
import type { SessionLimits, TraceConfig } from '../config/config.ts';
import { Attachment } from './attachment.ts';
import { StreamLedger } from './stream-ledger.ts';
import type { TraceCodes } from './trace-codes.ts';

/** Programs of a session the page is told about again when it resumes (the latest ones). */
const PROGRAMS_KEPT = 20;

export interface ProgramHubSession {
  sessionId: string;
  engine: Engine;
  limits: SessionLimits;
  config: TraceConfig;
  /** What the tracer is told the calls appear on: the page's address, or a student's name. */
  where: string;
}

export interface ProgramHubLinks {
  codes: TraceCodes;
  /** Whether any program is attached: the session then puts its events in time order before sending. */
  tracing(on: boolean): void;
  /** To the page: a program's state changed. */
  send(message: ProgramMessage): void;
  /** A bug of the bridge's showed up while following a program. */
  fault(err: unknown): void;
}

/**
 * The traced programs of one session (docs/trace.md): its attach code, the programs attached now
 * (at most `maxPrograms`), and what the page was told about each. While any is attached it keeps
 * the session's stream ledger, which the hints look up peers in.
 */
export class ProgramHub {
  private readonly attached = new Map<string, Attachment>();
  private readonly programs = new Map<string, ProgramMessage>();
  private ledger: StreamLedger | undefined;
  private lastId = 0;
  private held = false;
  private closed = false;

  private readonly deps: ProgramHubSession & ProgramHubLinks;

  constructor(session: ProgramHubSession, links: ProgramHubLinks) {
    this.deps = { ...session, ...links };
  }

  /** `trace.code`: the code the page shows; asking again keeps it (and extends it) unless `renew`. */
  code(renew: boolean): TraceCodeInfo {
    return { ...this.deps.codes.codeFor(this.deps.sessionId, renew), maxPrograms: this.deps.config.maxPrograms };
  }

  /** Why another program may not attach now, or undefined. */
  refusal(): string | undefined {
    if (this.closed) return 'This page’s session has ended: open the page again.';
    const max = this.deps.config.maxPrograms;
    if (this.attached.size >= max)
      return `This page already shows ${max} traced programs, the most allowed: end one first.`;
    return undefined;
  }

  /** `sameComputer`: the tracer came over loopback. */
  attach(ws: WebSocket, sameComputer: boolean): void {
    if (this.refusal()) {
      ws.close(1008, 'not attached');
      return;
    }
    this.ledger ??= new StreamLedger();
    const traceId = `p${++this.lastId}`;
    const attachment = new Attachment({
      ws,
      traceId,
      engine: this.deps.engine,
      limits: this.deps.limits,
      ledger: this.ledger,
      where: this.deps.where,
      helloTimeoutMs: this.deps.config.helloTimeoutMs,
      sameComputer,
      onProgram: (message) => this.told(message),
      onEnd: () => this.ended(traceId),
      onInternalError: (err) => this.deps.fault(err),
    });
    this.attached.set(traceId, attachment);
    if (this.attached.size === 1) this.deps.tracing(true);
    if (this.held) attachment.hold(true);
  }

  /** Every session event: the ledger (while programs are attached) remembers who wrote what. */
  observe(event: EngineEvent): void {
    this.ledger?.observe(event);
  }

  /** The session's sockets stop reading (page behind, rate quota): its tracers wait too. */
  hold(paused: boolean): void {
    this.held = paused;
    for (const attachment of this.attached.values()) attachment.hold(paused);
  }

  heartbeat(): void {
    for (const attachment of this.attached.values()) attachment.heartbeat();
  }

  /** A resumed page hears about the session's programs again. */
  resend(): void {
    for (const message of this.programs.values()) this.deps.send(message);
  }

  detachAll(reason: DetachReason, message: string): void {
    for (const attachment of [...this.attached.values()]) attachment.detach(reason, message);
  }

  close(): void {
    this.closed = true;
    this.detachAll('session-closed', 'The page’s session ended.');
    this.deps.codes.forget(this.deps.sessionId);
  }

  private told(message: ProgramMessage): void {
    this.programs.delete(message.traceId);
    this.programs.set(message.traceId, message);
    if (this.programs.size > PROGRAMS_KEPT) this.programs.delete(this.programs.keys().next().value as string);
    this.deps.send(message);
  }

  private ended(traceId: string): void {
    this.attached.delete(traceId);
    if (this.attached.size > 0) return;
    this.ledger = undefined;
    this.deps.tracing(false);
  }
}
