import { isIP } from 'node:net';
import type { Family, KernelTcpState } from '@playground/protocol';
import type { KernelTcpSocket } from './proc-net-tcp.ts';

/** BSD's names (netinet/tcp_fsm.h), as macOS's netstat prints them, in Linux's spelling. */
const STATES = new Map<string, KernelTcpState>(
  Object.entries({
    CLOSED: 'CLOSE',
    LISTEN: 'LISTEN',
    SYN_SENT: 'SYN_SENT',
    SYN_RCVD: 'SYN_RECV',
    ESTABLISHED: 'ESTABLISHED',
    CLOSE_WAIT: 'CLOSE_WAIT',
    FIN_WAIT_1: 'FIN_WAIT1',
    CLOSING: 'CLOSING',
    LAST_ACK: 'LAST_ACK',
    FIN_WAIT_2: 'FIN_WAIT2',
    TIME_WAIT: 'TIME_WAIT',
  } as const),
);

/**
 * Parses macOS's `netstat -an -p tcp`:
 * `tcp4  0  0  127.0.0.1.65432  127.0.0.1.52100  ESTABLISHED`. The port follows the address's last
 * dot; `*` is the wildcard (`0.0.0.0`, or `::` for tcp6 and the dual-stack tcp46). netstat gives
 * no inode, so rows carry 0. Rows it cannot read are skipped rather than guessed.
 */
export function parseMacNetstat(text: string): KernelTcpSocket[] {
  const rows: KernelTcpSocket[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    const proto = f[0];
    if (f.length < 6 || (proto !== 'tcp4' && proto !== 'tcp6' && proto !== 'tcp46')) continue;
    const family: Family = proto === 'tcp4' ? 'IPv4' : 'IPv6';
    const local = endpoint(f[3] as string, family);
    const remote = endpoint(f[4] as string, family);
    const state = STATES.get(f[5] as string);
    const recvQueue = Number(f[1]);
    const sendQueue = Number(f[2]);
    if (!local || !remote || !state || !Number.isInteger(recvQueue) || !Number.isInteger(sendQueue)) continue;
    rows.push({ family, local, remote, state, sendQueue, recvQueue, inode: 0 });
  }
  return rows;
}

function endpoint(field: string, family: Family): { address: string; port: number } | undefined {
  const dot = field.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const host = field.slice(0, dot);
  const portText = field.slice(dot + 1);
  const port = portText === '*' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return undefined;
  if (host === '*') return { address: family === 'IPv4' ? '0.0.0.0' : '::', port };
  // An address cut short or run into its port (`127.0.0.1` read as `127.0.0` port 1) is not one.
  return isIP(host.replace(/%.*$/, '')) === 0 ? undefined : { address: host, port };
}
