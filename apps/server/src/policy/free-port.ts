import { createSocket } from 'node:dgram';
import { createServer, isIPv6 } from 'node:net';
import { MAX_PORT_PROBES } from '@playground/protocol';
import type { Transport } from './listener-registry.ts';

/**
 * Binds a throwaway socket to `host`:`port` and closes it at once: the port it got (the OS's
 * choice for port 0), or null when the port is taken (or cannot be used). Sockets are made the
 * way the engine makes them (Node's defaults, SO_REUSEADDR for TCP), so "free" means free for them.
 */
export function probePort(transport: Transport, host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    if (transport === 'tcp') {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen({ host, port, exclusive: true }, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
      return;
    }
    const socket = createSocket(isIPv6(host) || host === '::' ? 'udp6' : 'udp4');
    socket.once('error', () => {
      socket.close();
      resolve(null);
    });
    socket.bind({ address: host === 'localhost' ? '127.0.0.1' : host, port, exclusive: true }, () => {
      const got = socket.address().port;
      socket.close(() => resolve(got));
    });
  });
}

/**
 * A port a new server can listen on now: `port` if free, else the first free one of the next
 * ports `allowed` accepts (at most MAX_PORT_PROBES tried, one at a time), else the OS's choice.
 */
export async function suggestPort(
  transport: Transport,
  host: string,
  port: number,
  allowed: (port: number) => boolean,
): Promise<number> {
  for (let candidate = port, tried = 0; candidate <= 65535 && tried < MAX_PORT_PROBES; candidate++) {
    if (!allowed(candidate)) continue;
    tried++;
    if ((await probePort(transport, host, candidate)) !== null) return candidate;
  }
  const chosen = await probePort(transport, host, 0);
  if (chosen === null) throw new Error(`no port could be bound on ${host}`);
  return chosen;
}
