import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether `origin` is exactly the page's own origin: the bridge serves plain HTTP, so the scheme
 * must be `http:`, and host and port must be the ones the request was sent to (`Host`). URL
 * parsing makes `HTTP://LocalHost:80` and `http://localhost` the same; `https://` of the same host,
 * `null`, look-alike hosts and other ports are not.
 */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const given = new URL(origin);
    const own = new URL(`http://${host}`);
    return given.origin === origin.toLowerCase().replace(/\/$/, '') && given.origin === own.origin;
  } catch {
    return false;
  }
}

/**
 * Whether a request comes from our own page (or from no page at all, like curl). The secrets the
 * bridge hands out are behind this, on top of the Host check and the absence of CORS headers:
 * a foreign Origin, or a browser saying the request is cross-site or same-site (another
 * `*.localhost` app is same-site with us), is refused.
 */
export function fromOwnPage(
  headers: IncomingHttpHeaders,
  hosts: { allowsOrigin(origin: string, host: string | undefined): boolean },
): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.origin;
  return origin === undefined || hosts.allowsOrigin(origin, headers.host);
}
