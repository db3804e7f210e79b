import { networkInterfaces } from 'node:os';

/** The non-internal IPv4 addresses of this computer: what students on the same network can type. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((iface) => iface.family === 'IPv4' && !iface.internal)
    .map((iface) => iface.address);
}

/**
 * The addresses students open: one per network interface when the bridge listens on all of them,
 * else the one it listens on (on loopback, as in tests, that is only useful on this computer).
 */
export function joinUrls(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const addresses = wildcard ? lanAddresses() : [];
  if (addresses.length === 0) {
    const shown = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    return [`http://${shown}:${port}/`];
  }
  return addresses.slice(0, 32).map((a) => `http://${a}:${port}/`);
}
