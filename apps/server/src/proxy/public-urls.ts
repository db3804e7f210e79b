/**
 * `--public-url`: where people really open this playground when something stands in front of it (a
 * reverse proxy serving it under a path, a container's port mapping). Each is an http(s) URL of a
 * folder; the page uses relative addresses, so the proxy only has to strip the path before passing
 * requests on.
 */
export interface PublicUrl {
  /** Normalised, ending in `/`: what the teacher's page and the banner show. */
  href: string;
  /** The page's origin there (`https://school.example`): accepted as our own by the Origin checks. */
  origin: string;
  /** Lower-case host name without port or brackets: accepted by the Host check. */
  hostname: string;
}

export function parsePublicUrl(text: string): PublicUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--public-url ${text}: not a URL (write it in full, like https://school.example/class-3b/).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--public-url ${text}: only http:// and https:// addresses can serve the page.`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new Error(`--public-url ${text}: give the page's folder only, without ?query, #fragment or user name.`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return { href: url.href, origin: url.origin, hostname };
}
