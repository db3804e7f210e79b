import type { Engine, EngineEvent } from '@playground/engine';
import type { ProgramMessage } from '@playground/protocol';
import type { SessionLimits, TraceConfig } from '../config/config.ts';
import { ProgramHub } from './program-hub.ts';
import { ReorderBuffer } from './reorder-buffer.ts';
import type { TraceCodes } from './trace-codes.ts';

export interface SessionTracingDeps {
  sessionId: string;
  engine: Engine;
  limits: SessionLimits;
  config: TraceConfig;
  codes: TraceCodes;
  /** What a tracer is told its program's calls appear on. */
  where: string;
  /** An event, in time order, on its way to the page (the outbox). */
  toPage(event: EngineEvent): void;
  /** A program's state changed (after every event before it went out). */
  send(message: ProgramMessage): void;
  /** A bug of the bridge's showed up while following a program: for the log. */
  fault(err: unknown): void;
}

/**
 * What tracing adds to a session: its programs (ProgramHub) and, while one is attached, the wait
 * that puts the session's events in time order before they leave (ReorderBuffer).
 */
export class SessionTracing {
  readonly programs: ProgramHub;
  private readonly reorder: ReorderBuffer;

  constructor(deps: SessionTracingDeps) {
    this.reorder = new ReorderBuffer(deps.toPage, () => deps.engine.clock());
    const { sessionId, engine, limits, config, where } = deps;
    this.programs = new ProgramHub(
      { sessionId, engine, limits, config, where },
      {
        codes: deps.codes,
        tracing: (on) => this.reorder.setWindow(on ? config.reorderMs : 0),
        send: (message) => {
          this.reorder.flush();
          deps.send(message);
        },
        fault: deps.fault,
      },
    );
  }

  /** Every session event: the programs' ledger sees it now, the page in time order. */
  observe(event: EngineEvent): void {
    this.programs.observe(event);
    this.reorder.push(event);
  }

  /** What waits goes to the page now: before a reply or a message that must come after it. */
  flush(): void {
    this.reorder.flush();
  }
}
