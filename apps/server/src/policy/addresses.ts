import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

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

/** `::ffff:127.0.0.1` is 127.0.0.1: a dual-stack socket reports IPv4 peers that way. */
export function unmapIPv4(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? (m[1] as string) : address;
}

/** The peer of an HTTP request or upgrade, as a plain address: the key of every per-address limit. */
export function remoteOf(req: { socket: { remoteAddress?: string | undefined } }): string {
  return unmapIPv4(req.socket.remoteAddress ?? '');
}

export function isLoopback(address: string): boolean {
  const plain = unmapIPv4(address);
  return isIP(plain) !== 0 && loopback.check(plain, familyOf(plain));
}

const unspecified = new BlockList();
unspecified.addSubnet('0.0.0.0', 8, 'ipv4');
unspecified.addAddress('::', 'ipv6');

/** 0.0.0.0 and :: mean "any address"; connecting to them reaches this computer, so they are never targets. */
export function isUnspecified(address: string): boolean {
  const plain = unmapIPv4(address);
  return isIP(plain) !== 0 && unspecified.check(plain, familyOf(plain));
}

/** The special range an address falls in, if any. */
export function specialRange(address: string): (typeof SPECIAL_RANGES)[number] | undefined {
  const plain = unmapIPv4(address);
  if (isIP(plain) === 0) return undefined;
  return SPECIAL_RANGES.find((r) => subnetContains(r.net, r.prefix, r.family, plain));
}

export function subnetContains(net: string, prefix: number, family: Family, address: string): boolean {
  if (familyOf(address) !== family) return false;
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return list.check(address, family);
}

/** Every address of this computer right now, lower-case: loopback and each interface's. */
export function localAddresses(): Set<string> {
  const out = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) {
    for (const iface of list ?? []) out.add(iface.address.toLowerCase());
  }
  return out;
}
