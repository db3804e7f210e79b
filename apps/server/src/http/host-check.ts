import { localAddresses } from '../policy/addresses.ts';

/**
 * DNS-rebinding defence: a page on evil.example whose name suddenly resolves to 127.0.0.1 still
 * sends `Host: evil.example`, so only names that can only mean this machine are accepted. It stays
 * on in LAN mode, where students reach the bridge by one of this machine's IP literals.
 */
export class HostCheck {
  private readonly names: Set<string>;

  constructor(extraNames: string[] = []) {
    this.names = new Set([...localAddresses(), ...extraNames.map((n) => n.toLowerCase())]);
  }

  /** `hostHeader` is the raw Host header, with or without a port, IPv6 in brackets. */
  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostnameOf(hostHeader);
    if (name === undefined) return false;
    return name === 'localhost' || name.endsWith('.localhost') || this.names.has(name);
  }
}

export function hostnameOf(hostHeader: string): string | undefined {
  const h = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(h);
  if (bracketed) return bracketed[1];
  const plain = /^([a-z0-9.-]+)(?::\d+)?$/.exec(h);
  return plain ? plain[1] : undefined;
}
