import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { canonicalAddress, familyOf } from '../policy/addresses.ts';
import { setForwardedClient } from '../policy/forwarded-client.ts';

/**
 * `--trust-proxy ADDRESS|CIDR`: behind a reverse proxy every request comes from the proxy, so the
 * per-computer limits (joins, sessions, upgrades) would count the whole class as one computer.
 * When the peer is a trusted proxy, `X-Forwarded-For` is read from the right: each hop a trusted
 * proxy added is believed, and the first address that is not a trusted proxy is the client.
 * Anyone else's header is ignored, so a student cannot claim another address.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(specs: readonly string[]) {
    for (const spec of specs) this.add(spec);
    this.empty = specs.length === 0;
  }

  private add(spec: string): void {
    const [address = '', bits] = spec.trim().split('/');
    const family = familyOf(address);
    const max = family === 'ipv6' ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (isIP(address) === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`--trust-proxy ${spec}: expected an IP address or a CIDR (10.0.0.0/8, fd00::/8).`);
    this.list.addSubnet(canonicalAddress(address), prefix, family);
  }

  trusts(address: string): boolean {
    const plain = canonicalAddress(address);
    return isIP(plain) !== 0 && this.list.check(plain, familyOf(plain));
  }

  /** Records the client a trusted proxy named for this request (nothing when none did). */
  note(req: IncomingMessage): void {
    let client = canonicalAddress(req.socket.remoteAddress ?? '');
    if (!this.trusts(client)) return;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim());
    while (this.trusts(client)) {
      const hop = hops.pop();
      if (hop === undefined || isIP(canonicalAddress(hop)) === 0) break;
      client = canonicalAddress(hop);
    }
    setForwardedClient(req, client);
  }
}
