import type { Endpoint } from '@playground/protocol';
import { formatNumber } from './numbers.ts';

/** `127.0.0.1:5000`, or `[::1]:5000` for IPv6 as in URLs, so the port never blurs into the address. */
export function formatEndpoint(endpoint: Pick<Endpoint, 'address' | 'port'>): string {
  return endpoint.address.includes(':')
    ? `[${endpoint.address}]:${endpoint.port}`
    : `${endpoint.address}:${endpoint.port}`;
}

/** Milliseconds with microsecond digits: the engine's clock is finer than one event per millisecond. */
export function formatTime(ms: number): string {
  return formatNumber(ms, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false });
}

export function isIPv6(host: string): boolean {
  return host.includes(':');
}
