import { randomUUID } from 'node:crypto';
import { Engine, type EngineEvent } from '@playground/engine';
import {
  CLOSE_REMOVED_FROM_CLASS,
  CLOSE_RESUMED_ELSEWHERE,
  CLOSE_TOO_FAR_BEHIND,
  type ClassInfo,
  type EventBatch,
  formatBytes,
  type KernelSnapshot,
  type Notice,
  type Role,
  type Roster,
  type ServerMessage,
  type SessionState,
  type Spotlight,
  type WireBatch,
} from '@playground/protocol';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Identity } from '../auth/credentials.ts';
import { randomToken, safeEqual } from '../auth/tokens.ts';
import type { ClassCommand, ClassMember, Classroom } from '../classroom/classroom.ts';
import { EventHistory } from '../classroom/event-history.ts';
import { SocketTable } from '../classroom/socket-table.ts';
import type { PlaygroundConfig } from '../config/config.ts';
import { KernelWatcher } from '../kernel-view/kernel-watcher.ts';
import { destinationCheck } from '../policy/destination-check.ts';
import type { ListenerRegistry } from '../policy/listener-registry.ts';
import type { TargetPolicy } from '../policy/target-policy.ts';
import { RateMeter } from '../quota/rate-meter.ts';
import { SendBuffer } from '../quota/send-buffer.ts';
import { TokenBucket } from '../quota/token-bucket.ts';
import { Spawner } from '../spawn/spawner.ts';
import { PageCalls } from '../trace/page-calls.ts';
import type { ProgramHub } from '../trace/program-hub.ts';
import { SessionTracing } from '../trace/session-tracing.ts';
import type { TraceCodes } from '../trace/trace-codes.ts';
import type { CaptureService } from '../wire/capture-service.ts';
import { SessionWire } from '../wire/session-wire.ts';
import { type AddressInUseContext, explainAddressInUse, listenTransport } from './address-in-use.ts';
import { CommandIntake } from './command-intake.ts';
import { CommandQueue } from './command-queue.ts';
import { trackListener } from './listener-events.ts';
import { Outbox } from './outbox.ts';
import { OutputBudget } from './output-budget.ts';
import { PageLink } from './page-link.ts';
import { ReadingHold } from './reading-hold.ts';
import { welcomeFor } from './welcome.ts';

export interface SessionDeps {
  config: PlaygroundConfig;
  policy: TargetPolicy;
  listeners: ListenerRegistry;
  identity: Identity;
  log: Logger;
  /** The class this session belongs to: roster, published servers, spotlight, who may reach whom. */
  classroom?: Classroom;
  /**
   * The page asked (`keep=1`) to keep the session for `config.resumeGraceMs` when its WebSocket
   * drops, so a reload or a network blip can resume it; otherwise it ends with its WebSocket.
   */
  keep?: boolean;
  /** The bridge's packet capture, when it may capture (see CaptureConfig). */
  capture?: CaptureService;
  /** Called once, as the session starts closing (its sockets are closed right after). */
  onClosed?: (session: Session) => void;
  /** The bridge's attach codes for traced programs (docs/trace.md). */
  traceCodes: TraceCodes;
  /** What a tracer is told its program's calls appear on (local mode: the page's address). */
  pageUrl?: string;
}

/** A kernel snapshot or a batch of segments waits (or is dropped) while this much is still queued for the browser. */
const SIDE_VIEW_MAX_BUFFERED = 1024 * 1024;

/**
 * One browser tab: it owns an engine (and so every socket the tab opened) for as long as its
 * WebSocket lives, or, when the page asked to be kept, until a grace period after the WebSocket
 * dropped without another page resuming it (`resume`).
 */
export class Session implements ClassMember {
  readonly id = randomUUID();
  readonly role: Role;
  /** A student's name, as typed when joining. */
  readonly name: string | undefined;
  readonly studentId: string | undefined;
  /** Where each socket stands, for a resumed page, the roster and the spotlight. */
  readonly table = new SocketTable();
  private readonly history = new EventHistory();
  private readonly resumeSecret = randomToken();
  private readonly policy: TargetPolicy;
  private link: PageLink | null = null;
  /** The commands of the attached page (each page its own: a replaced page's are dropped). */
  private commands: CommandQueue | null = null;
  private keep: boolean;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly engine: Engine;
  private readonly outbox: Outbox;
  /** Traced programs, and the time order of events while one is attached. */
  private readonly tracing: SessionTracing;
  private readonly pageCalls: PageCalls;
  private readonly budget: OutputBudget;
  private readonly cpu: TokenBucket;
  /** Roster and class messages withheld while the page is behind: only the latest of each matters. */
  private readonly withheld = new Map<'roster' | 'class', Roster | ClassInfo>();
  private readonly rate: RateMeter;
  private readonly sendBuffer: SendBuffer;
  private readonly kernel: KernelWatcher;
  private readonly wire: SessionWire;
  private readonly spawner: Spawner;
  private readonly intake: CommandIntake;
  private readonly inUse: AddressInUseContext;
  private readonly reading: ReadingHold;
  /** When this session's page last connected or sent something: the local page a tracer attaches to. */
  lastActive = performance.now();
  private closed = false;

  constructor(
    ws: WebSocket,
    private readonly deps: SessionDeps,
  ) {
    const { config, identity } = deps;
    const { limits } = config;
    this.role = identity.role;
    this.name = identity.name;
    this.studentId = identity.studentId;
    this.keep = deps.keep === true;
    const classroom = deps.classroom;
    this.policy = classroom ? deps.policy.forRequester((owner) => classroom.mayReach(this, owner)) : deps.policy;
    this.outbox = new Outbox(
      {
        send: (batch) => this.sendBatch(batch),
        bufferedAmount: () => this.link?.bufferedAmount ?? 0,
      },
      config.outbox,
      limits.previewBytes,
      config.clocks.outbox,
    );
    this.budget = new OutputBudget(
      { ...config.outbox, pollMs: config.outbox.flushIntervalMs },
      {
        measure: () => this.bufferedAmount(),
        onPressure: (paused) => this.onPressure(paused),
        onOverflow: (queued) => this.onOverflow(queued),
      },
    );
    this.cpu = new TokenBucket(config.intake.cpuMsPerSecond, config.intake.cpuMsPerSecond);
    this.rate = new RateMeter({
      bytesPerSecond: limits.bytesPerSecond,
      eventsPerSecond: limits.eventsPerSecond,
      onThrottle: (throttled, limit) => this.reading.rateThrottled(throttled, limit),
      clock: config.clocks.quota,
    });
    this.sendBuffer = new SendBuffer(limits.maxSendBufferBytes);
    // The engine's clock starts now; kernel snapshots are stamped on the same clock as the events.
    const origin = performance.now();
    this.kernel = new KernelWatcher({
      send: (snapshot) => this.sendSideView(snapshot),
      now: () => performance.now() - origin,
    });
    this.wire = new SessionWire({
      session: this.id,
      service: deps.capture,
      sockets: () => this.engine.sockets(),
      disabledReason: config.capture.enabled
        ? 'Packet capture is not available on this bridge.'
        : config.mode === 'lan'
          ? 'The teacher did not turn packet capture on when starting the class (pnpm start --lan --capture).'
          : 'The playground was started with --no-capture.',
      localMode: config.mode === 'local',
      origin,
      sendBatch: (batch) => this.sendSideView(batch),
      sendStatus: (status) => {
        this.outbox.flush();
        this.send(status);
      },
      limits: { segmentsPerSecond: config.capture.segmentsPerSecond },
    });
    this.engine = new Engine({
      onEvent: (e) => this.observe(e),
      maxSockets: limits.maxSockets,
      checkDestination: destinationCheck(this.policy),
      origin,
    });
    this.pageCalls = new PageCalls(this.engine);
    this.tracing = new SessionTracing({
      sessionId: this.id,
      engine: this.engine,
      limits,
      config: config.trace,
      codes: deps.traceCodes,
      where: this.name ? `${this.name}’s page` : `the page at ${deps.pageUrl ?? 'this playground'}`,
      toPage: (event) => {
        this.outbox.push(event);
        this.budget.check();
      },
      send: (message) => {
        this.outbox.flush();
        this.send(message);
      },
      fault: (err) => this.deps.log.error({ err, session: this.id }, 'tracing a program failed'),
    });
    this.reading = new ReadingHold(
      this.engine,
      limits,
      (notice) => this.notify(notice),
      (held) => this.programs.hold(held),
    );
    this.spawner = new Spawner({
      engine: this.engine,
      rate: this.rate,
      sendBuffer: this.sendBuffer,
      notify: (notice) => this.notify(notice),
    });
    this.intake = new CommandIntake({
      limits,
      context: {
        engine: this.engine,
        policy: this.policy,
        limits,
        rate: this.rate,
        sendBuffer: this.sendBuffer,
        kernel: this.kernel,
        wire: this.wire,
        spawner: this.spawner,
        programs: this.programs,
        pageCalls: this.pageCalls,
        ...(classroom ? { classroom: { handle: (c: ClassCommand) => classroom.handle(this, c) } } : {}),
      },
      reply: (reply) => {
        this.tracing.flush();
        this.outbox.reply(reply);
      },
      explain: (error, command) => {
        const transport = listenTransport(command);
        return transport ? explainAddressInUse(error, transport, this.inUse) : error;
      },
      onInternalError: (err, command) => this.deps.log.error({ err, session: this.id, command }, 'command failed'),
    });
    this.inUse = {
      sessionId: this.id,
      listeners: deps.listeners,
      ...(classroom ? { roleOf: (id: string) => classroom.roleOf(id) } : {}),
    };
    this.bind(ws);
    this.sendWelcome(false);
    classroom?.join(this);
  }

  /** The learner's traced programs, attached through `/trace`. */
  get programs(): ProgramHub {
    return this.tracing.programs;
  }

  /** True while a page's WebSocket is attached; false while a kept session waits to be resumed. */
  get attached(): boolean {
    return this.link !== null;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether `token` (`<session id>.<secret>`, from the welcome) resumes this session for `identity`. */
  resumableBy(token: string, identity: Identity): boolean {
    if (this.closed) return false;
    const secret = token.slice(token.indexOf('.') + 1);
    const same = identity.role === this.role && identity.studentId === this.studentId;
    return same && safeEqual(secret, this.resumeSecret);
  }

  /**
   * Another WebSocket takes the session over: a reloaded page, or the same page after a network
   * drop. A page still attached is told (close code 4001) and let go. The new page gets a welcome
   * with `resumed: true` and a snapshot: every socket's state and counters, and the recent events.
   */
  resume(ws: WebSocket, keep: boolean): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    const previous = this.link;
    this.link = null;
    this.commands?.close();
    previous?.letGo(CLOSE_RESUMED_ELSEWHERE, 'This session was resumed by another page.');
    // What is queued belongs to the history the snapshot carries, not to the new page twice.
    this.flushEvents();
    this.keep = keep;
    this.bind(ws);
    this.sendWelcome(true);
    this.send({ type: 'snapshot', ...this.snapshotState() });
    this.programs.resend();
    this.deps.log.info({ session: this.id }, 'session resumed');
    this.deps.classroom?.presence(this);
  }

  snapshotState(): SessionState {
    const { events, truncated } = this.history.recent();
    return { sessionId: this.id, sockets: this.table.snapshot(), events, truncated };
  }

  sendMessage(message: Roster | ClassInfo | Spotlight): void {
    if (this.budget.behind && message.type !== 'spotlight') this.withheld.set(message.type, message);
    else this.send(message);
  }

  /** Everything on its way to the page: what the WebSocket holds and what the outbox still queues. */
  bufferedAmount(): number {
    return (this.link?.queuedBytes ?? 0) + this.outbox.queuedBytes;
  }

  /** The teacher stopped this student's sockets: every one closes, the session and its page stay. */
  async stopAllSockets(): Promise<void> {
    this.programs.detachAll('teacher', 'Your teacher stopped your sockets.');
    await this.engine.closeAll();
    this.notify({
      type: 'notice',
      code: 'teacher',
      message: 'Your teacher stopped your sockets. You can start new ones.',
    });
  }

  /** The teacher took this student's join back: the page is told (4003) and every socket closes. */
  removeFromClass(): Promise<void> {
    this.keep = false;
    return this.close(CLOSE_REMOVED_FROM_CLASS, 'Your teacher removed you from the class.');
  }

  /** Called every heartbeat interval: a browser that did not answer the previous ping is gone. */
  heartbeat(): void {
    this.programs.heartbeat();
    const link = this.link;
    if (!link || link.heartbeat()) return;
    this.deps.log.info({ session: this.id }, 'browser vanished without closing, or does not read');
    link.terminate();
  }

  private bind(ws: WebSocket): void {
    const link = new PageLink(ws);
    const commands = new CommandQueue({
      sliceMs: this.deps.config.intake.sliceMs,
      cpu: this.cpu,
      handle: (raw) => this.intake.handle(raw),
      pauseSource: (paused) => link.pauseReading(paused),
    });
    this.link = link;
    this.commands = commands;
    this.lastActive = performance.now();
    commands.holdForOutput(this.budget.behind);
    ws.on('message', (data, isBinary) => {
      if (this.link !== link || this.closed) return;
      this.lastActive = performance.now();
      commands.push(isBinary ? null : data.toString());
    });
    ws.on('close', () => {
      if (this.link === link) this.onSocketClosed();
    });
    ws.on('error', (err) => this.deps.log.warn({ err, session: this.id }, 'websocket error'));
  }

  private sendWelcome(resumed: boolean): void {
    const { config } = this.deps;
    this.send(
      welcomeFor(this, {
        limits: config.limits,
        targetPolicy: this.policy.description,
        resumeToken: `${this.id}.${this.resumeSecret}`,
        resumeGraceMs: this.keep ? config.resumeGraceMs : 0,
        resumed,
      }),
    );
  }

  /** The page's WebSocket closed: end the session, or keep it for the grace period if the page asked. */
  private onSocketClosed(): void {
    this.link = null;
    // Nobody looks at the wire any more; a page that resumes the session watches again.
    this.wire.unwatch();
    this.commands?.close();
    this.commands = null;
    const grace = this.deps.config.resumeGraceMs;
    if (this.closed || !this.keep || grace <= 0) {
      void this.close();
      return;
    }
    this.deps.log.info({ session: this.id, graceMs: grace }, 'page gone; session kept for resuming');
    this.graceTimer = setTimeout(() => {
      this.deps.log.info({ session: this.id }, 'nobody resumed the session; ending it');
      void this.close();
    }, grace);
    this.graceTimer.unref();
    this.deps.classroom?.presence(this);
  }

  /** Every batch for the page: remembered for resuming, copied (without the replies) to a teacher's spotlight. */
  private sendBatch(batch: EventBatch): void {
    if (batch.events.length > 0 || batch.folded > 0) {
      this.history.record(batch.events);
      this.deps.classroom?.batchSent(this, batch);
    }
    this.send(batch);
  }

  notify(notice: Notice): void {
    this.send(notice);
  }

  /** Ends the session with every socket; its page (if any) is told why with `code`. */
  async close(code = 1001, reason = 'session closed'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.graceTimer);
    this.commands?.close();
    this.budget.close();
    this.deps.onClosed?.(this);
    this.deps.classroom?.leave(this);
    this.rate.close();
    this.kernel.close();
    this.wire.close();
    this.spawner.close();
    this.programs.close();
    await this.engine.closeAll();
    this.deps.listeners.removeAll(`${this.id}/`);
    this.flushEvents();
    this.outbox.close();
    this.link?.close(code, reason);
  }

  /** Every engine event: the listener registry and the rate quotas see it before the page does. */
  private observe(raw: EngineEvent): void {
    const event = raw.type === 'error' && raw.error.code === 'EADDRINUSE' ? this.explainInUse(raw) : raw;
    this.pageCalls.observe(event);
    // A traced program's server is the learner's, on their computer: never a target of this bridge's policy.
    if (event.witness === undefined) trackListener(this.deps.listeners, this.engine, this.id, event);
    this.table.observe(event);
    this.deps.classroom?.observe(this, event);
    this.kernel.observe(event);
    this.wire.observe(event);
    this.rate.observe(event);
    this.tracing.observe(event);
  }

  /** A listen that failed with EADDRINUSE says whose server holds the port, on the card as in the reply. */
  private explainInUse(event: Extract<EngineEvent, { type: 'error' }>): EngineEvent {
    const relayed = event.kind === 'relay' ? this.engine.info(event.socketId)?.conditions?.transport : undefined;
    const transport = event.kind === 'tcp-server' ? 'tcp' : event.kind === 'udp' ? 'udp' : relayed;
    return transport ? { ...event, error: explainAddressInUse(event.error, transport, this.inUse) } : event;
  }

  /**
   * A kernel snapshot or wire segments: after the events so far, like a reply; refused while the
   * page is behind (a snapshot is retried on the next poll, segments are counted as not shown).
   * What is sent counts in the session's output budget like everything else.
   */
  private sendSideView(message: KernelSnapshot | WireBatch): boolean {
    if (!this.link?.open || this.budget.behind || this.link.bufferedAmount > SIDE_VIEW_MAX_BUFFERED) return false;
    this.flushEvents();
    this.send(message);
    return true;
  }

  /** Every event so far goes to the page now: before a message that must follow them. */
  private flushEvents(): void {
    this.tracing.flush();
    this.outbox.flush();
  }

  private send(message: ServerMessage): void {
    this.link?.send(message);
    this.budget.check();
  }

  /** The page fell behind (or caught up): its sockets and its commands wait (or go on). */
  private onPressure(paused: boolean): void {
    this.reading.browserBehind(paused);
    this.commands?.holdForOutput(paused);
    if (paused) return;
    const withheld = [...this.withheld.values()];
    this.withheld.clear();
    for (const message of withheld) this.send(message);
  }

  /** More than the hard cap waits for the page: it is not reading, and this session ends. */
  private onOverflow(queued: number): void {
    this.deps.log.warn({ session: this.id, queued }, 'page too far behind; session ended');
    void this.close(
      CLOSE_TOO_FAR_BEHIND,
      `The page fell ${formatBytes(queued)} behind what the bridge sent it, so the bridge ended the session.`,
    );
  }
}
