import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { canonicalAddress, type Family, familyOf, SPECIAL_RANGES, subnetContains } from './addresses.ts';

/** One `--allow-target`: a set of addresses, optionally one port. */
export interface AllowRule {
  spec: string;
  port: number | undefined;
  /** True when the rule lies inside a link-local or metadata range: only then may it reach one. */
  namesSpecial: boolean;
  matches(address: string, port: number): boolean;
}

interface ParsedSpec {
  host: string;
  prefix: number | undefined;
  port: number | undefined;
}

/**
 * Parses HOST, HOST:PORT, CIDR and CIDR:PORT (IPv6 in brackets when a port follows:
 * `[fd00::1]:8080`, `[fd00::/8]:8080`). Names are resolved here, once, at start: the rule then
 * holds their addresses, like every other target check.
 */
export async function parseAllowTargets(
  specs: string[],
  resolveAll: (name: string) => Promise<string[]> = defaultResolveAll,
): Promise<AllowRule[]> {
  const rules: AllowRule[] = [];
  for (const spec of specs) {
    const parsed = splitSpec(spec.trim());
    const addresses = isIP(parsed.host) ? [parsed.host] : await resolveName(spec, parsed.host, resolveAll);
    for (const address of addresses) rules.push(makeRule(spec, address, parsed));
  }
  return rules;
}

function splitSpec(spec: string): ParsedSpec {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(spec);
  if (bracketed) return withPrefix(spec, bracketed[1] as string, bracketed[2]);
  const cidr = /^([^/]+\/\d{1,3})(?::(\d+))?$/.exec(spec);
  if (cidr) return withPrefix(spec, cidr[1] as string, cidr[2]);
  if (isIP(spec)) return { host: spec, prefix: undefined, port: undefined };
  const hostPort = /^([^:/]+):(\d+)$/.exec(spec);
  if (hostPort) return { host: hostPort[1] as string, prefix: undefined, port: portOf(spec, hostPort[2]) };
  if (/^[a-z0-9.-]+$/i.test(spec)) return { host: spec, prefix: undefined, port: undefined };
  throw invalid(spec, 'expected HOST, HOST:PORT, CIDR or CIDR:PORT');
}

function withPrefix(spec: string, hostPart: string, port: string | undefined): ParsedSpec {
  const [host, bits] = hostPart.split('/') as [string, string | undefined];
  if (!isIP(host)) throw invalid(spec, `${host} is not an IP address`);
  const max = isIP(host) === 6 ? 128 : 32;
  const prefix = bits === undefined ? undefined : Number(bits);
  if (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max)) {
    throw invalid(spec, `the prefix length must be 0-${max}`);
  }
  return { host, prefix, port: portOf(spec, port) };
}

function portOf(spec: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(spec, 'the port must be 1-65535');
  return port;
}

async function resolveName(
  spec: string,
  name: string,
  resolveAll: (name: string) => Promise<string[]>,
): Promise<string[]> {
  const addresses = await resolveAll(name).catch(() => []);
  if (addresses.length === 0) throw invalid(spec, `the name ${name} does not resolve to any address`);
  return addresses;
}

function makeRule(spec: string, rawAddress: string, parsed: ParsedSpec): AllowRule {
  // Targets are checked in canonical form (`::ffff:10.0.0.5` is 10.0.0.5), so rules are too.
  const address = canonicalAddress(rawAddress);
  const family: Family = familyOf(address);
  const mapped = family === 'ipv4' && isIP(rawAddress) === 6;
  const prefix = parsed.prefix === undefined ? (family === 'ipv6' ? 128 : 32) : parsed.prefix - (mapped ? 96 : 0);
  if (prefix < 0) throw invalid(spec, 'an IPv4-mapped range needs a prefix length of at least 96');
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  const namesSpecial = SPECIAL_RANGES.some(
    (r) => r.family === family && prefix >= r.prefix && subnetContains(r.net, r.prefix, r.family, address),
  );
  return {
    spec,
    port: parsed.port,
    namesSpecial,
    matches: (target, port) =>
      (parsed.port === undefined || parsed.port === port) && familyOf(target) === family && list.check(target, family),
  };
}

function invalid(spec: string, why: string): Error {
  return new Error(`--allow-target ${spec}: ${why}.`);
}

async function defaultResolveAll(name: string): Promise<string[]> {
  return (await lookup(name, { all: true })).map((a) => a.address);
}
