import { randomUUID } from 'node:crypto';
import { Engine } from '@playground/engine';
import { type Notice, PROTOCOL_VERSION, type Reply, type Welcome } from '@playground/protocol';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { PlaygroundConfig } from '../config.ts';
import type { TargetPolicy } from '../policy/target-policy.ts';
import { toErrorInfo } from './bridge-error.ts';
import { dispatch, parseCommand } from './dispatcher.ts';
import { Outbox } from './outbox.ts';

/**
 * One browser tab: it owns an engine (and so every socket the tab opened) for exactly as long as
 * its WebSocket lives.
 */
export class Session {
  readonly id = randomUUID();
  private readonly engine: Engine;
  private readonly outbox: Outbox;
  private alive = true;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly config: PlaygroundConfig,
    private readonly policy: TargetPolicy,
    private readonly log: Logger,
  ) {
    this.outbox = new Outbox(
      {
        send: (batch) => this.send(batch),
        bufferedAmount: () => ws.bufferedAmount,
        onPressure: (paused) => (paused ? this.engine.pauseReading() : this.engine.resumeReading()),
      },
      config.outbox,
      config.limits.previewBytes,
    );
    this.engine = new Engine({ onEvent: (e) => this.outbox.push(e) });
    ws.on('message', (data, isBinary) => this.onMessage(isBinary ? null : data.toString()));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => void this.close());
    ws.on('error', (err) => this.log.warn({ err, session: this.id }, 'websocket error'));
    const welcome: Welcome = {
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      sessionId: this.id,
      limits: config.limits,
      targetPolicy: policy.description,
    };
    this.send(welcome);
  }

  /** Called every heartbeat interval: a browser that missed the previous ping is gone. */
  heartbeat(): void {
    if (!this.alive) {
      this.log.info({ session: this.id }, 'browser vanished without closing; ending its session');
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  notify(notice: Notice): void {
    this.send(notice);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.engine.closeAll();
    this.outbox.flush();
    this.outbox.close();
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(1001, 'session closed');
  }

  private async onMessage(raw: string | null): Promise<void> {
    if (raw === null) {
      this.reply({
        type: 'reply',
        re: null,
        ok: false,
        error: { code: 'bad_json', message: 'Binary messages are not part of the protocol; send JSON text.' },
      });
      return;
    }
    const { id, command, error } = parseCommand(raw);
    if (!command) {
      this.reply({ type: 'reply', re: id, ok: false, error: toErrorInfo(error) });
      return;
    }
    try {
      const result = await dispatch(command, { engine: this.engine, policy: this.policy, limits: this.config.limits });
      this.reply({ type: 'reply', re: id, ok: true, result });
    } catch (err) {
      const info = toErrorInfo(err);
      if (info.code === 'internal') this.log.error({ err, session: this.id, command: command.type }, 'command failed');
      this.reply({ type: 'reply', re: id, ok: false, error: info });
    }
  }

  /** Replies go after the events that led to them, so the page never sees a result before its cause. */
  private reply(reply: Reply): void {
    this.outbox.flush();
    this.send(reply);
  }

  private send(message: unknown): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(JSON.stringify(message));
  }
}
