import type { IncomingMessage } from 'node:http';
import type { Mode } from '@playground/protocol';
import type { HostCheck } from '../http/host-check.ts';
import { isLoopback, remoteOf } from '../policy/addresses.ts';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 403; reason: string };

/**
 * Decides before the WebSocket handshake completes, so a refused page never gets a session.
 * A browser always sends Origin; it must be exactly the page's own origin (scheme, host and port)
 * or a `--public-url` origin, which refuses `null`, `https://` and `ws://` spellings, look-alike
 * hosts and other ports. Tools that are not browsers send no Origin and cannot be tricked by a web
 * page, so they pass on the Host check (and still need the token).
 * In local mode only this computer may connect, whatever interface the bridge listens on.
 */
export function checkUpgrade(req: IncomingMessage, hosts: HostCheck, mode: Mode): UpgradeVerdict {
  const host = req.headers.host;
  if (!hosts.allows(host)) return { ok: false, status: 403, reason: 'Host not allowed' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.allowsOrigin(origin, host))
    return { ok: false, status: 403, reason: 'Origin not allowed' };
  if (mode === 'local' && !isLoopback(remoteOf(req))) {
    return { ok: false, status: 403, reason: 'Local mode accepts this computer only' };
  }
  return { ok: true };
}

/** The token travels in the query string: browsers cannot set headers on a WebSocket. */
export function tokenOf(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://placeholder').searchParams.get('token');
}
