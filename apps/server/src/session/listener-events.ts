import type { Engine, EngineEvent } from '@playground/engine';
import type { ListenerRegistry } from '../policy/listener-registry.ts';

/**
 * A session's listening sockets are the playground's listeners (what LAN policy lets classmates
 * reach) until they close. Only two event types matter; the owner key is not built for the byte
 * events of a flood.
 */
export function trackListener(
  listeners: ListenerRegistry,
  engine: Engine,
  sessionId: string,
  event: EngineEvent,
): void {
  if (event.type === 'closed') listeners.remove(`${sessionId}/${event.socketId}`);
  else if (event.type === 'listening') {
    const owner = `${sessionId}/${event.socketId}`;
    // A conditions relay listens for the transport it relays.
    const relayed = event.kind === 'relay' ? engine.info(event.socketId)?.conditions?.transport : undefined;
    const transport = event.kind === 'udp' || relayed === 'udp' ? 'udp' : 'tcp';
    listeners.add(owner, { transport, address: event.local.address, port: event.local.port });
  }
}
