import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AttemptLimiter } from '../auth/attempt-limiter.ts';
import type { Credentials, Identity } from '../auth/credentials.ts';
import type { Classroom } from '../classroom/classroom.ts';
import type { PlaygroundConfig } from '../config/config.ts';
import type { HostCheck } from '../http/host-check.ts';
import { remoteOf } from '../policy/addresses.ts';
import type { ListenerRegistry } from '../policy/listener-registry.ts';
import type { TargetPolicy } from '../policy/target-policy.ts';
import { Admission } from '../quota/admission.ts';
import { Session } from '../session/session.ts';
import type { Timer } from '../time/clock.ts';
import { TraceCodes } from '../trace/trace-codes.ts';
import { type Refusal, TraceGate } from '../trace/trace-gate.ts';
import type { CaptureService } from '../wire/capture-service.ts';
import { checkUpgrade, tokenOf } from './upgrade-guard.ts';

/**
 * Largest command: a payload of at most 1,000,000 characters (the schema's bound) plus its JSON
 * envelope. Anything larger is closed with 1009 by ws before it is buffered whole.
 */
export const MAX_WS_PAYLOAD = 1024 * 1024;

export interface BridgeDeps {
  config: PlaygroundConfig;
  hosts: HostCheck;
  policy: TargetPolicy;
  credentials: Credentials;
  listeners: ListenerRegistry;
  log: Logger;
  classroom?: Classroom;
  /** The page's address, for a tracer to say where its program's calls appear. */
  pageUrl?: () => string;
  /** The packet capture the sessions' wire views share; absent when capture is off. */
  capture?: CaptureService;
}

/**
 * Accepts guarded upgrades on /ws, gives each socket a Session, and ends sessions whose browser
 * vanished. Refusals happen before the handshake, in this order: 404 (path), 403 (Host, Origin,
 * local mode from another computer), 429 (upgrade rate), 401 (token), 429 (sessions per address).
 */
export class BridgeServer {
  /** Every session not yet closed, attached to a page or kept for resuming. */
  readonly sessions = new Set<Session>();
  private readonly byId = new Map<string, Session>();
  /** The address whose admission slot each session holds (kept while it waits to be resumed). */
  private readonly addresses = new Map<Session, string>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_WS_PAYLOAD,
    clientTracking: false,
  });
  private readonly admission: Admission;
  private readonly traceCodes: TraceCodes;
  private readonly traceGate: TraceGate;
  private readonly heartbeat: Timer;
  private closing = false;

  constructor(private readonly deps: BridgeDeps) {
    this.admission = new Admission(deps.config.admission, deps.config.clocks.admission);
    const { trace } = deps.config;
    this.traceCodes = new TraceCodes(trace.codeTtlMs);
    this.traceGate = new TraceGate({
      config: deps.config,
      hosts: deps.hosts,
      credentials: deps.credentials,
      codes: this.traceCodes,
      admission: this.admission,
      wrongCodes: new AttemptLimiter(trace.wrongCodes, trace.wrongCodeWindowMs),
      session: (id) => {
        const session = this.byId.get(id);
        return session && !session.isClosed ? session : undefined;
      },
      localPage: () => this.localPage(),
      log: deps.log,
    });
    this.heartbeat = deps.config.clocks.heartbeat.setInterval(() => {
      for (const s of this.sessions) s.heartbeat();
    }, deps.config.heartbeatMs);
    this.heartbeat.unref();
  }

  async close(reason: string): Promise<void> {
    this.closing = true;
    this.deps.config.clocks.heartbeat.clearTimeout(this.heartbeat);
    for (const s of this.sessions) {
      s.notify({ type: 'notice', code: 'shutdown', message: reason });
      s.programs.detachAll('shutdown', 'The playground is shutting down.');
    }
    await Promise.all([...this.sessions].map((s) => s.close()));
    this.wss.close();
    this.traceGate.close();
  }

  /** The HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (pathOf(req) === '/trace') {
      const refused = this.closing
        ? { status: 503, reason: 'Service Unavailable' }
        : this.traceGate.handle(req, socket, head);
      if (refused) refuse(socket, refused);
      return;
    }
    const refusal = this.admit(req);
    if (refusal) {
      refuse(socket, refusal);
      return;
    }
    const address = remoteOf(req);
    const identity = this.deps.credentials.identify(tokenOf(req));
    if (!identity) {
      this.deps.log.warn({ address }, 'upgrade refused: missing or wrong token');
      refuse(socket, { status: 401, reason: 'Missing or wrong token' });
      return;
    }
    const params = new URL(req.url ?? '/', 'http://placeholder').searchParams;
    const keep = params.get('keep') === '1';
    const resumed = this.resumable(params.get('resume'), identity);
    if (resumed) {
      this.resume(req, socket, head, resumed, address, keep);
      return;
    }
    const slot = this.admission.openSession(address);
    if (!slot.ok) {
      refuse(socket, { status: 429, reason: slot.reason, retryAfterS: slot.retryAfterS });
      return;
    }
    let opened = false;
    // ws calls back synchronously once the 101 is written; if it refused the handshake, free the slot.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      opened = true;
      const { config, policy, listeners, log, classroom, capture } = this.deps;
      const session = new Session(ws, {
        config,
        policy,
        listeners,
        identity,
        log,
        keep,
        ...(classroom ? { classroom } : {}),
        ...(capture ? { capture } : {}),
        onClosed: (s) => this.forget(s),
        traceCodes: this.traceCodes,
        ...(this.deps.pageUrl ? { pageUrl: this.deps.pageUrl() } : {}),
      });
      this.sessions.add(session);
      this.byId.set(session.id, session);
      this.addresses.set(session, address);
      log.info({ session: session.id, role: identity.role, address }, 'session opened');
    });
    if (!opened) this.admission.release(address);
  }

  /** The session `/ws?…&resume=<session id>.<secret>` names, if it is still there and the token's holder owns it. */
  private resumable(token: string | null, identity: Identity): Session | undefined {
    if (!token) return undefined;
    const session = this.byId.get(token.slice(0, token.indexOf('.')));
    return session?.resumableBy(token, identity) ? session : undefined;
  }

  /** A page takes an existing session over; its admission slot moves with it if the address changed. */
  private resume(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    session: Session,
    address: string,
    keep: boolean,
  ): void {
    const held = this.addresses.get(session);
    const moving = held !== address;
    if (moving) {
      const slot = this.admission.openSession(address);
      if (!slot.ok) {
        refuse(socket, { status: 429, reason: slot.reason, retryAfterS: slot.retryAfterS });
        return;
      }
    }
    let opened = false;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      opened = true;
      if (session.isClosed) {
        // Closed between the check and the handshake (the grace period just ran out).
        ws.close(1001, 'session closed');
        if (moving) this.admission.release(address);
        return;
      }
      if (moving) {
        if (held !== undefined) this.admission.release(held);
        this.addresses.set(session, address);
      }
      session.resume(ws, keep);
    });
    if (!opened && moving) this.admission.release(address);
  }

  private forget(session: Session): void {
    this.sessions.delete(session);
    this.byId.delete(session.id);
    const address = this.addresses.get(session);
    this.addresses.delete(session);
    if (address !== undefined) this.admission.release(address);
  }

  /** Local mode: the page on this computer that was used last, the one a tracer with the token attaches to. */
  private localPage(): Session | undefined {
    let latest: Session | undefined;
    for (const s of this.sessions) {
      if (s.role !== 'local' || !s.attached || s.isClosed) continue;
      if (!latest || s.lastActive > latest.lastActive) latest = s;
    }
    return latest;
  }

  /** The checks before the token: path, shutdown, Host and Origin, then the upgrade rate. */
  private admit(req: IncomingMessage): Refusal | undefined {
    if (pathOf(req) !== '/ws') return { status: 404, reason: 'Not Found' };
    if (this.closing) return { status: 503, reason: 'Service Unavailable' };
    const verdict = checkUpgrade(req, this.deps.hosts, this.deps.config.mode);
    if (!verdict.ok) {
      const { origin, host } = req.headers;
      this.deps.log.warn({ origin, host, reason: verdict.reason }, 'upgrade refused');
      return { status: verdict.status, reason: verdict.reason };
    }
    const rate = this.admission.startUpgrade(remoteOf(req));
    return rate.ok ? undefined : { status: 429, reason: rate.reason, retryAfterS: rate.retryAfterS };
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://placeholder').pathname;
}

function refuse(socket: Duplex, { status, reason, retryAfterS }: Refusal): void {
  const retry = retryAfterS === undefined ? '' : `Retry-After: ${retryAfterS}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${retry}Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}
