import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { KernelTcpSocket } from './proc-net-tcp.ts';
import { readKernelTcpTable } from './tcp-table.ts';

/**
 * The kernel's connections that make bind(host, port) fail for a socket without SO_REUSEADDR:
 * every socket still on that port with an address that overlaps, TIME_WAIT and FIN_WAIT2 included
 * (with SO_REUSEADDR on both sides, only a LISTEN socket would stop it, and that the real listen()
 * reports). Node sets SO_REUSEADDR on Linux and macOS, so without this check a learner would never
 * see the "Address already in use" that Python's server gets after a restart; macOS, like every BSD,
 * refuses those binds too. Undefined where the table cannot be read, and on Windows, whose rules
 * for ports held by closing connections differ: there the real listen() decides.
 */
export async function bindConflicts(host: string, port: number): Promise<KernelTcpSocket[] | undefined> {
  if (process.platform === 'win32') return undefined;
  // Resolved the way net.Server.listen() resolves it.
  const address = isIP(host) ? host : (await lookup(host)).address;
  const table = await readKernelTcpTable();
  if (!table.available) return undefined;
  return table.sockets.filter((s) => s.local.port === port && s.state !== 'LISTEN' && overlaps(address, s));
}

/** Linux's rule for two bound addresses: the same, or either one a wildcard; `::` is dual-stack in Node. */
function overlaps(address: string, row: KernelTcpSocket): boolean {
  const other = row.local.address;
  if (address === '::') return true;
  if (isIP(address) === 6) return row.family === 'IPv6' && (other === address || other === '::');
  if (row.family === 'IPv4') return other === address || other === '0.0.0.0' || address === '0.0.0.0';
  const mapped = other.startsWith('::ffff:') ? other.slice(7) : undefined;
  return other === '::' || mapped === address || (address === '0.0.0.0' && mapped !== undefined);
}
