import { execFile } from 'node:child_process';
import { parseSsTcpInfo, type SsSocket } from './ss-tcp-info.ts';

export type TcpInfoResult =
  | { available: true; source: string; sockets: SsSocket[] }
  | { available: false; reason: string };

/** Ports one `ss` filter names at most: a session has at most a few hundred sockets. */
const MAX_PORTS = 512;
const SS_TIMEOUT_MS = 2000;

/**
 * The kernel's TCP internals of the connections on `ports`, from iproute2's `ss -tin` (the kernel's
 * sock_diag interface; no root needed). Linux only; elsewhere, or without `ss`, says why.
 */
export function readTcpInfo(ports: Iterable<number>, ss = 'ss'): Promise<TcpInfoResult> {
  if (process.platform !== 'linux') {
    return Promise.resolve({
      available: false,
      reason: `TCP internals come from Linux's ss (iproute2); ${process.platform} has no such tool.`,
    });
  }
  const list = [...new Set(ports)].filter((p) => p > 0).slice(0, MAX_PORTS);
  if (list.length === 0) return Promise.resolve({ available: true, source: 'ss -tin', sockets: [] });
  const filter = list.map((p) => `sport = :${p} or dport = :${p}`).join(' or ');
  return new Promise((resolve) => {
    execFile(
      ss,
      ['-tinH', 'state', 'all', `( ${filter} )`],
      { timeout: SS_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          const reason = missing
            ? 'The ss command (iproute2) is not installed, so TCP internals cannot be shown (apt-get install iproute2).'
            : `ss could not be run: ${err.message.split('\n')[0]}`;
          resolve({ available: false, reason });
          return;
        }
        resolve({ available: true, source: 'ss -tin', sockets: parseSsTcpInfo(stdout) });
      },
    );
  });
}
