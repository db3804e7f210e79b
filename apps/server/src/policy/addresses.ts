import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { forwardedClientOf } from './forwarded-client.ts';

export type Family = 'ipv4' | 'ipv6';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Addresses that are never a learner's business: link-local ranges, which include the cloud
 * metadata service at 169.254.169.254, and the other well-known metadata endpoints (AWS over IPv6,
 * Alibaba, Azure's wire server). A broad --allow-target (0.0.0.0/0) does not cover them.
 */
export const SPECIAL_RANGES: ReadonlyArray<{ net: string; prefix: number; family: Family; what: string }> = [
  { net: '169.254.0.0', prefix: 16, family: 'ipv4', what: 'link-local (and cloud metadata)' },
  { net: 'fe80::', prefix: 10, family: 'ipv6', what: 'link-local' },
  { net: 'fd00:ec2::254', prefix: 128, family: 'ipv6', what: 'cloud metadata' },
  { net: '100.100.100.200', prefix: 32, family: 'ipv4', what: 'cloud metadata' },
  { net: '168.63.129.16', prefix: 32, family: 'ipv4', what: 'cloud metadata' },
];

export function familyOf(address: string): Family {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

const MAPPED = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;
/** NAT64's well-known prefix: on a network with NAT64, `64:ff9b::a9fe:a9fe` reaches 169.254.169.254. */
const NAT64 = /^64:ff9b::([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One spelling per address, so every check sees the same text: IPv6 compressed and lower-case, and
 * an IPv4-mapped IPv6 address in any form (`::ffff:169.254.169.254`, `::ffff:a9fe:a9fe`,
 * `0:0:0:0:0:ffff:A9FE:A9FE`, …) as the IPv4 address it is, which is how a dual-stack socket reports
 * IPv4 peers and where a connect to it goes. The WHATWG URL parser does the IPv6 normalising.
 * Anything that is not an IP address comes back unchanged.
 */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6 || address.includes('%')) return address;
  let compressed: string;
  try {
    compressed = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
  const m = MAPPED.exec(compressed);
  return m ? embeddedIPv4(m) : compressed;
}

function embeddedIPv4(m: RegExpExecArray): string {
  const high = Number.parseInt(m[1] as string, 16);
  const low = Number.parseInt(m[2] as string, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * The client of an HTTP request or upgrade, as a plain address: the key of every per-address limit.
 * The peer itself, or behind a `--trust-proxy` the client it named in X-Forwarded-For.
 */
export function remoteOf(req: { socket: { remoteAddress?: string | undefined } }): string {
  return forwardedClientOf(req) ?? canonicalAddress(req.socket.remoteAddress ?? '');
}

export function isLoopback(address: string): boolean {
  const plain = canonicalAddress(address);
  return isIP(plain) !== 0 && loopback.check(plain, familyOf(plain));
}

const unspecified = new BlockList();
unspecified.addSubnet('0.0.0.0', 8, 'ipv4');
unspecified.addAddress('::', 'ipv6');

/** 0.0.0.0 and :: mean "any address"; connecting to them reaches this computer, so they are never targets. */
export function isUnspecified(address: string): boolean {
  const plain = canonicalAddress(address);
  return isIP(plain) !== 0 && unspecified.check(plain, familyOf(plain));
}

/** The special range an address falls in, if any; an IPv4 address behind NAT64's prefix counts as itself. */
export function specialRange(address: string): (typeof SPECIAL_RANGES)[number] | undefined {
  const plain = canonicalAddress(address);
  if (isIP(plain) === 0) return undefined;
  const nat64 = NAT64.exec(plain);
  const candidates = nat64 ? [plain, embeddedIPv4(nat64)] : [plain];
  for (const candidate of candidates) {
    const range = SPECIAL_RANGES.find((r) => subnetContains(r.net, r.prefix, r.family, candidate));
    if (range) return range;
  }
  return undefined;
}

export function subnetContains(net: string, prefix: number, family: Family, address: string): boolean {
  if (familyOf(address) !== family) return false;
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return list.check(address, family);
}

let cached: { at: number; addresses: Set<string> } | undefined;
/** A relay asks for every datagram it forwards; interfaces change far more slowly than that. */
const LOCAL_ADDRESSES_MAX_AGE_MS = 1000;

/** Every address of this computer (as of at most a second ago), canonical: loopback and each interface's. */
export function localAddresses(): Set<string> {
  const now = performance.now();
  if (cached && now - cached.at < LOCAL_ADDRESSES_MAX_AGE_MS) return cached.addresses;
  const addresses = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) {
    for (const iface of list ?? []) addresses.add(canonicalAddress(iface.address).toLowerCase());
  }
  cached = { at: now, addresses };
  return addresses;
}
