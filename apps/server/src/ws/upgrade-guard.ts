import type { IncomingMessage } from 'node:http';
import type { HostCheck } from '../http/host-check.ts';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 403; reason: string };

/**
 * Decides before the WebSocket handshake completes, so a refused page never gets a session.
 * A browser always sends Origin; it must be exactly the page's own origin (scheme, host and port),
 * which refuses `null`, look-alike hosts and other ports. Tools that are not browsers send no Origin
 * and cannot be tricked by a web page, so they pass on the Host check alone.
 */
export function checkUpgrade(req: IncomingMessage, hosts: HostCheck): UpgradeVerdict {
  const host = req.headers.host;
  if (!hosts.allows(host)) return { ok: false, status: 403, reason: 'Host not allowed' };
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true };
  const expected = new Set([`http://${host}`.toLowerCase(), `https://${host}`.toLowerCase()]);
  if (!expected.has(origin.toLowerCase())) return { ok: false, status: 403, reason: 'Origin not allowed' };
  return { ok: true };
}
