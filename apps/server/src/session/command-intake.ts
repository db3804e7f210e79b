import type { Command, CommandType, ErrorInfo, Reply } from '@playground/protocol';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError, toErrorInfo } from '../errors/bridge-error.ts';
import type { DispatchContext } from './dispatch-context.ts';
import { dispatch, parseCommand } from './dispatcher.ts';

/**
 * Commands that may wait long (a connect, a send to a peer that does not read) count toward
 * maxPendingCommands; these never wait and free resources, so a stuck session can always end,
 * reset or close its sockets.
 */
const NEVER_PENDING: ReadonlySet<CommandType> = new Set([
  'tcp.end',
  'tcp.reset',
  'socket.close',
  'socket.setRecvSize',
  'server.stopListening',
  'kernel.watch',
  'kernel.unwatch',
  'wire.watch',
  'wire.unwatch',
  'class.watch',
  'class.unwatch',
  'class.publish',
  'class.allowPeers',
  'class.stopStudentSockets',
  'class.spotlight',
  'class.revoke',
  'lesson.progress',
  'conditions.update',
]);

export interface CommandIntakeDeps {
  limits: SessionLimits;
  context: DispatchContext;
  reply(reply: Reply): void;
  /** A command failed in a way the bridge did not foresee (`internal`): worth a log line. */
  onInternalError(err: unknown, command: CommandType): void;
  /** Adds what only the session knows to a failed command's error (who holds a port). */
  explain?(error: ErrorInfo, command: Command): ErrorInfo;
}

/**
 * One session's commands, from WebSocket text to reply: parsed and validated, counted against the
 * pending-commands quota, dispatched, and every outcome (success, refusal, bad input) answered.
 */
export class CommandIntake {
  private pending = 0;

  constructor(private readonly deps: CommandIntakeDeps) {}

  /** `raw` is null for a binary message, which the protocol does not have. */
  async handle(raw: string | null): Promise<void> {
    const { reply, limits } = this.deps;
    if (raw === null) {
      reply({
        type: 'reply',
        re: null,
        ok: false,
        error: { code: 'bad_json', message: 'Binary messages are not part of the protocol; send JSON text.' },
      });
      return;
    }
    const { id, command, error } = parseCommand(raw);
    if (!command) {
      reply({ type: 'reply', re: id, ok: false, error: toErrorInfo(error) });
      return;
    }
    const counted = !NEVER_PENDING.has(command.type);
    if (counted && this.pending >= limits.maxPendingCommands) {
      const busy = new BridgeError('quota.maxPendingCommands', {
        limit: 'maxPendingCommands',
        max: limits.maxPendingCommands,
      });
      reply({ type: 'reply', re: id, ok: false, error: toErrorInfo(busy) });
      return;
    }
    if (counted) this.pending++;
    try {
      const result = await dispatch(command, this.deps.context);
      reply({ type: 'reply', re: id, ok: true, result });
    } catch (err) {
      const plain = toErrorInfo(err);
      const info = this.deps.explain?.(plain, command) ?? plain;
      if (info.code === 'internal') this.deps.onInternalError(err, command.type);
      reply({ type: 'reply', re: id, ok: false, error: info });
    } finally {
      if (counted) this.pending--;
    }
  }
}
