import type { Engine } from '@playground/engine';
import type { SessionLimits } from '../config/config.ts';
import { BridgeError } from '../errors/bridge-error.ts';

/**
 * Checked right before the engine creates the socket (no await in between), so a burst of
 * concurrent commands cannot all pass the check before the first socket exists.
 */
export function checkSocketQuota(
  engine: Engine,
  limits: SessionLimits,
  kind: 'tcp-server' | 'tcp-client' | 'udp',
): void {
  // Relays' connections for their clients count: each is a descriptor the session holds.
  const count = engine.socketCount();
  if (count >= limits.maxSockets) {
    throw new BridgeError('quota.maxSockets', { limit: 'maxSockets', max: limits.maxSockets });
  }
  if (kind === 'tcp-client') return;
  const servers = engine.sockets().filter((s) => s.kind === 'tcp-server' || s.kind === 'udp').length;
  if (servers >= limits.maxServers) {
    throw new BridgeError('quota.maxServers', { limit: 'maxServers', max: limits.maxServers });
  }
}
