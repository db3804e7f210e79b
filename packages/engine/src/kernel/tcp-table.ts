import { readFile } from 'node:fs/promises';
import { type KernelTcpSocket, parseProcNetTcp } from './proc-net-tcp.ts';

export type KernelTableResult =
  | { available: true; source: string; sockets: KernelTcpSocket[] }
  | { available: false; reason: string };

/**
 * Reads the kernel's TCP table. Only Linux exposes it as files; elsewhere the view says plainly
 * that it is not available instead of guessing states from the socket API.
 */
export async function readKernelTcpTable(): Promise<KernelTableResult> {
  if (process.platform !== 'linux') {
    return {
      available: false,
      reason: `The kernel's socket table is read from /proc/net/tcp, which ${process.platform} does not have.`,
    };
  }
  const [v4, v6] = await Promise.all([readOrEmpty('/proc/net/tcp'), readOrEmpty('/proc/net/tcp6')]);
  if (v4 === undefined && v6 === undefined) {
    return { available: false, reason: '/proc/net/tcp could not be read on this machine.' };
  }
  return {
    available: true,
    source: '/proc/net/tcp, /proc/net/tcp6',
    sockets: [...parseProcNetTcp(v4 ?? '', 'IPv4'), ...parseProcNetTcp(v6 ?? '', 'IPv6')],
  };
}

async function readOrEmpty(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The rows that touch any of these ports, locally or remotely: the playground's sockets and their peers. */
export function socketsOnPorts(sockets: KernelTcpSocket[], ports: ReadonlySet<number>): KernelTcpSocket[] {
  return sockets.filter((s) => ports.has(s.local.port) || ports.has(s.remote.port));
}
