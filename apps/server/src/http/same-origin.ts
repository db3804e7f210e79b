import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request comes from our own page (or from no page at all, like curl). The secrets the
 * bridge hands out are behind this, on top of the Host check and the absence of CORS headers:
 * a foreign Origin, or a browser saying the request is cross-site or same-site (another
 * `*.localhost` app is same-site with us), is refused.
 */
export function fromOwnPage(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  const host = headers.host;
  if (host === undefined) return false;
  const own = origin.toLowerCase();
  return own === `http://${host}`.toLowerCase() || own === `https://${host}`.toLowerCase();
}
