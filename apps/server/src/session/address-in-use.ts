import { type Command, catalogueError, type ErrorInfo } from '@playground/protocol';
import type { ListenerRegistry, Transport } from '../policy/listener-registry.ts';

export interface AddressInUseContext {
  sessionId: string;
  listeners: ListenerRegistry;
  /** The role of another session of this bridge; absent outside a class. */
  roleOf?: (sessionId: string) => 'local' | 'student' | 'teacher' | undefined;
}

/**
 * An EADDRINUSE says who holds the port when a server of this bridge does: the learner's own
 * server, a classmate's, the teacher's, another page's (`heldBy`). Without one it is a program
 * outside the playground, and the OS's plain sentence stays.
 */
export function explainAddressInUse(info: ErrorInfo, transport: Transport, ctx: AddressInUseContext): ErrorInfo {
  if (info.code !== 'EADDRINUSE') return info;
  const port = Number(info.params?.port);
  const owners = ctx.listeners.onPort(port, transport);
  if (owners.length === 0) return info;
  const own = owners.find((o) => o.startsWith(`${ctx.sessionId}/`));
  const other = (owners[0] as string).slice(0, (owners[0] as string).indexOf('/'));
  const role = own ? undefined : ctx.roleOf?.(other);
  if (own) {
    const socketId = own.slice(own.indexOf('/') + 1);
    return { ...info, ...catalogueError('EADDRINUSE.you', { ...info.params, port, heldBy: 'you', socketId }) };
  }
  const heldBy = role === 'student' ? 'classmate' : role === 'teacher' ? 'teacher' : 'session';
  return { ...info, ...catalogueError(`EADDRINUSE.${heldBy}`, { ...info.params, port, heldBy }) };
}

/** The transport of a command that makes a listening socket (where an EADDRINUSE can come from). */
export function listenTransport(command: Command): 'tcp' | 'udp' | undefined {
  switch (command.type) {
    case 'tcp.listen':
      return 'tcp';
    case 'udp.bind':
      return 'udp';
    case 'conditions.create':
      return command.transport;
    default:
      return undefined;
  }
}
