import { localAddresses } from '../policy/addresses.ts';
import type { PublicUrl } from '../proxy/public-urls.ts';
import { isOwnOrigin } from './same-origin.ts';

/**
 * DNS-rebinding defence: a page on evil.example whose name suddenly resolves to 127.0.0.1 still
 * sends `Host: evil.example`, so only names that can only mean this machine are accepted. It stays
 * on in LAN mode, where students reach the bridge by one of this machine's IP literals. Names the
 * operator gives (`--allowed-host`, the hosts of `--public-url`) are accepted too.
 */
export class HostCheck {
  private readonly names: Set<string>;
  private readonly publicOrigins: Set<string>;

  constructor(extraNames: string[] = [], publicUrls: readonly PublicUrl[] = []) {
    this.names = new Set([
      ...localAddresses(),
      ...extraNames.map((n) => n.toLowerCase()),
      ...publicUrls.map((u) => u.hostname),
    ]);
    this.publicOrigins = new Set(publicUrls.map((u) => u.origin));
  }

  /** `hostHeader` is the raw Host header, with or without a port, IPv6 in brackets. */
  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostnameOf(hostHeader);
    if (name === undefined) return false;
    return name === 'localhost' || name.endsWith('.localhost') || this.names.has(name);
  }

  /**
   * Whether a browser's Origin is our page's: the origin the request was sent to (`http://` + Host),
   * or, behind a proxy, one of the `--public-url` origins (`https://school.example`, which the proxy
   * turned into plain HTTP to us), spelled exactly.
   */
  allowsOrigin(origin: string, hostHeader: string | undefined): boolean {
    return isOwnOrigin(origin, hostHeader) || this.publicOrigins.has(origin);
  }
}

export function hostnameOf(hostHeader: string): string | undefined {
  const h = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(h);
  if (bracketed) return bracketed[1];
  const plain = /^([a-z0-9.-]+)(?::\d+)?$/.exec(h);
  return plain ? plain[1] : undefined;
}
