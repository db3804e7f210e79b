import { isIP } from 'node:net';
import type { Endpoint, Family } from '@playground/protocol';

/** Host names count as IPv4: the bridge resolves names before they get here, so this is the rare case. */
export function familyOf(host: string): Family {
  return isIP(host) === 6 ? 'IPv6' : 'IPv4';
}

/** Node leaves addresses undefined once a socket is gone (e.g. reset before accept ran). */
export function endpoint(address: string | undefined, port: number | undefined): Endpoint {
  const host = address ?? '';
  return { address: host, port: port ?? 0, family: familyOf(host) };
}

/** How a learner writes an address: `127.0.0.1:80`, `[::1]:80`. */
export function hostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
