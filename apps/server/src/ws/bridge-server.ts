import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { PlaygroundConfig } from '../config.ts';
import type { HostCheck } from '../http/host-check.ts';
import type { TargetPolicy } from '../policy/target-policy.ts';
import { Session } from '../session/session.ts';
import { checkUpgrade } from './upgrade-guard.ts';

/** Largest command: a 900,000-character payload plus its JSON envelope. */
export const MAX_WS_PAYLOAD = 1024 * 1024;

/** Accepts guarded upgrades on /ws, gives each socket a Session, and ends sessions whose browser vanished. */
export class BridgeServer {
  readonly sessions = new Set<Session>();
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_WS_PAYLOAD });
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    http: HttpServer,
    private readonly config: PlaygroundConfig,
    private readonly hosts: HostCheck,
    private readonly policy: TargetPolicy,
    private readonly log: Logger,
  ) {
    http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.heartbeat = setInterval(() => {
      for (const s of this.sessions) s.heartbeat();
    }, config.heartbeatMs);
    this.heartbeat.unref();
  }

  async close(reason: string): Promise<void> {
    clearInterval(this.heartbeat);
    for (const s of this.sessions) s.notify({ type: 'notice', code: 'shutdown', message: reason });
    await Promise.all([...this.sessions].map((s) => s.close()));
    this.wss.close();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (path !== '/ws') {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const verdict = checkUpgrade(req, this.hosts);
    if (!verdict.ok) {
      this.log.warn({ origin: req.headers.origin, host: req.headers.host, reason: verdict.reason }, 'upgrade refused');
      refuse(socket, verdict.status, verdict.reason);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new Session(ws, this.config, this.policy, this.log);
      this.sessions.add(session);
      ws.on('close', () => this.sessions.delete(session));
    });
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}
