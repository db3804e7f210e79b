import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { AttemptLimiter } from '../auth/attempt-limiter.ts';
import type { Credentials } from '../auth/credentials.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { PlaygroundConfig } from '../config/config.ts';
import type { HostCheck } from '../http/host-check.ts';
import { isLoopback, remoteOf } from '../policy/addresses.ts';
import type { Admission } from '../quota/admission.ts';
import type { ProgramHub } from './program-hub.ts';
import type { TraceCodes } from './trace-codes.ts';

/** A `calls` message holds at most 256 calls of at most previewBytes of data each, in base64. */
const MAX_TRACE_PAYLOAD = 2 * 1024 * 1024;

/** What the gate needs of a session. */
export interface TraceTarget {
  programs: ProgramHub;
}

export interface TraceGateDeps {
  config: PlaygroundConfig;
  hosts: HostCheck;
  credentials: Credentials;
  codes: TraceCodes;
  admission: Admission;
  wrongCodes: AttemptLimiter;
  /** The session a code belongs to, if it is still open. */
  session(id: string): TraceTarget | undefined;
  /** Local mode, the bridge's own token: the page on this computer used last. */
  localPage(): TraceTarget | undefined;
  log: Logger;
}

export interface Refusal {
  status: number;
  reason: string;
  retryAfterS?: number;
}

/**
 * `/trace`: where the trace command attaches a program to a session. The page never starts a
 * program; only someone at a command line can, and only with the session's code (or, in local
 * mode, the token the bridge wrote to a file only its user can read). Refusals come before the
 * handshake, in this order: 403 (Host; any Origin, since browsers may not attach; local mode from
 * another computer), 429 (upgrade rate, too many wrong codes), 401 (no or wrong code or token),
 * 409 (no page open to show it), 429 (the session traces the most programs allowed).
 */
export class TraceGate {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_TRACE_PAYLOAD,
    clientTracking: false,
  });

  constructor(private readonly deps: TraceGateDeps) {}

  handle(req: IncomingMessage, socket: Duplex, head: Buffer): Refusal | undefined {
    const found = this.find(req);
    if ('status' in found) {
      this.deps.log.warn({ address: remoteOf(req), reason: found.reason }, 'trace refused');
      return found;
    }
    const sameComputer = isLoopback(remoteOf(req));
    this.wss.handleUpgrade(req, socket, head, (ws) => found.programs.attach(ws, sameComputer));
    return undefined;
  }

  close(): void {
    this.wss.close();
  }

  private find(req: IncomingMessage): TraceTarget | Refusal {
    const { hosts, config, admission, wrongCodes } = this.deps;
    const address = remoteOf(req);
    if (!hosts.allows(req.headers.host)) return { status: 403, reason: 'Host not allowed' };
    if (req.headers.origin !== undefined) {
      return { status: 403, reason: 'A web page may not attach programs: run the trace command instead.' };
    }
    if (config.mode === 'local' && !isLoopback(address)) {
      return { status: 403, reason: 'Local mode accepts this computer only.' };
    }
    const rate = admission.startUpgrade(address);
    if (!rate.ok) return { status: 429, reason: rate.reason, retryAfterS: rate.retryAfterS };
    const wait = wrongCodes.retryAfterMs(address);
    if (wait > 0) {
      const retryAfterS = Math.ceil(wait / 1000);
      return { status: 429, reason: `Too many wrong codes; try again in ${retryAfterS} s.`, retryAfterS };
    }
    const params = new URL(req.url ?? '/', 'http://placeholder').searchParams;
    const target = this.target(params.get('code'), params.get('token'));
    if (target === undefined) {
      wrongCodes.fail(address);
      return {
        status: 401,
        reason:
          'That code is not valid (any more). Copy the command again from "Attach a program" on the page: codes change when renewed and end with the page’s session.',
      };
    }
    if (target === null) {
      return {
        status: 409,
        reason: `No playground page is open. Open ${this.pageUrl(req)} first, then run the command again.`,
      };
    }
    const refusal = target.programs.refusal();
    return refusal ? { status: 429, reason: refusal } : target;
  }

  /** undefined: wrong credentials; null: right, but no page to show the program on. */
  private target(code: string | null, token: string | null): TraceTarget | null | undefined {
    const { codes, credentials, config } = this.deps;
    if (code) {
      const id = codes.sessionOf(code);
      return id === undefined ? undefined : (this.deps.session(id) ?? undefined);
    }
    if (token && config.mode === 'local' && safeEqual(token, credentials.token)) return this.deps.localPage() ?? null;
    return undefined;
  }

  private pageUrl(req: IncomingMessage): string {
    return `http://${req.headers.host ?? 'localhost'}/`;
  }
}
