import type { Family, KernelTcpState } from '@playground/protocol';

/** One row of the kernel's TCP table, as `netstat -tan` shows it. */
export interface KernelTcpSocket {
  family: Family;
  local: { address: string; port: number };
  remote: { address: string; port: number };
  state: KernelTcpState;
  /** Bytes written but not yet acknowledged by the peer (0 for LISTEN: unlike `ss`, /proc/net/tcp omits the backlog). */
  sendQueue: number;
  /** Bytes received but not yet read by the application (for LISTEN: connections waiting for accept()). */
  recvQueue: number;
  /** The socket's inode: stable for its whole life, so rows can be followed from poll to poll. */
  inode: number;
}

/** Linux's numbering in include/net/tcp_states.h. */
const STATES: Record<number, KernelTcpState> = {
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECV',
  4: 'FIN_WAIT1',
  5: 'FIN_WAIT2',
  6: 'TIME_WAIT',
  7: 'CLOSE',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  12: 'NEW_SYN_RECV',
};

/** Parses /proc/net/tcp or /proc/net/tcp6; rows it cannot read are skipped rather than guessed. */
export function parseProcNetTcp(text: string, family: Family): KernelTcpSocket[] {
  const rows: KernelTcpSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseEndpoint(f[1] as string, family);
    const remote = parseEndpoint(f[2] as string, family);
    const state = STATES[Number.parseInt(f[3] as string, 16)];
    const [tx, rx] = (f[4] as string).split(':');
    if (!local || !remote || !state || tx === undefined || rx === undefined) continue;
    rows.push({
      family,
      local,
      remote,
      state,
      sendQueue: Number.parseInt(tx, 16),
      recvQueue: Number.parseInt(rx, 16),
      inode: Number(f[9]),
    });
  }
  return rows;
}

function parseEndpoint(field: string, family: Family): { address: string; port: number } | undefined {
  const [addr, port] = field.split(':');
  if (addr === undefined || port === undefined) return undefined;
  const address = family === 'IPv4' ? ipv4(addr) : ipv6(addr);
  return address === undefined ? undefined : { address, port: Number.parseInt(port, 16) };
}

/** The kernel prints the address as a host-order 32-bit word: on little-endian machines the bytes are reversed. */
function ipv4(hex: string): string | undefined {
  if (hex.length !== 8) return undefined;
  const bytes = wordBytes(hex);
  return bytes.join('.');
}

/** Four host-order 32-bit words; `::ffff:a.b.c.d` and `::1` are printed the way people write them. */
function ipv6(hex: string): string | undefined {
  if (hex.length !== 32) return undefined;
  const bytes = [0, 8, 16, 24].flatMap((i) => wordBytes(hex.slice(i, i + 8)));
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  return compressIPv6(groups);
}

function wordBytes(hex: string): number[] {
  const bytes = [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return littleEndian ? bytes.reverse() : bytes;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** RFC 5952: the longest run of zero groups (two or more) becomes `::`. */
function compressIPv6(groups: string[]): string {
  let best = { start: -1, len: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.len && j - i >= 2) best = { start: i, len: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.len).join(':')}`;
}
