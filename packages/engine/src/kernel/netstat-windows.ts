import type { Family, KernelTcpState } from '@playground/protocol';
import type { KernelTcpSocket } from './proc-net-tcp.ts';

/** Windows's names (MIB_TCP_STATE), as an English Windows's netstat prints them, in Linux's spelling. */
const NETSTAT_STATES = new Map<string, KernelTcpState>(
  Object.entries({
    CLOSED: 'CLOSE',
    LISTENING: 'LISTEN',
    SYN_SENT: 'SYN_SENT',
    SYN_RECEIVED: 'SYN_RECV',
    ESTABLISHED: 'ESTABLISHED',
    FIN_WAIT_1: 'FIN_WAIT1',
    FIN_WAIT_2: 'FIN_WAIT2',
    CLOSE_WAIT: 'CLOSE_WAIT',
    CLOSING: 'CLOSING',
    LAST_ACK: 'LAST_ACK',
    TIME_WAIT: 'TIME_WAIT',
    DELETE_TCB: 'CLOSE',
  } as const),
);

/** Get-NetTCPConnection's State names, in the order of their numbers from 1 (100 is Bound). */
const CIM_STATES = new Map<string, KernelTcpState>(
  Object.entries({
    Closed: 'CLOSE',
    Listen: 'LISTEN',
    SynSent: 'SYN_SENT',
    SynReceived: 'SYN_RECV',
    Established: 'ESTABLISHED',
    FinWait1: 'FIN_WAIT1',
    FinWait2: 'FIN_WAIT2',
    CloseWait: 'CLOSE_WAIT',
    Closing: 'CLOSING',
    LastAck: 'LAST_ACK',
    TimeWait: 'TIME_WAIT',
    DeleteTCB: 'CLOSE',
  } as const),
);
const CIM_BY_NUMBER = [...CIM_STATES.values()];

export interface WindowsNetstat {
  rows: KernelTcpSocket[];
  /**
   * State words this parser does not know. A Windows in another language prints them translated
   * (`ABHÖREN`, not `LISTENING`); the caller then asks PowerShell, whose names do not change.
   */
  unknownStates: string[];
}

/**
 * Parses Windows's `netstat -ano -p TCP` and `-p TCPv6`:
 * `TCP    127.0.0.1:65432    127.0.0.1:52100    ESTABLISHED    4321`, IPv6 in brackets
 * (`[::1]:5001`). netstat gives neither queues nor inode, so they are 0.
 */
export function parseWindowsNetstat(text: string): WindowsNetstat {
  const rows: KernelTcpSocket[] = [];
  const unknown = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'TCP' || f.length < 4) continue;
    const local = endpoint(f[1] as string);
    const remote = endpoint(f[2] as string);
    if (!local || !remote) continue;
    const word = f[3] as string;
    const state = NETSTAT_STATES.get(word);
    if (!state) {
      unknown.add(word);
      continue;
    }
    rows.push(row(local, remote, state));
  }
  return { rows, unknownStates: [...unknown] };
}

/**
 * Parses `Get-NetTCPConnection | Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,State
 * | ConvertTo-Csv -NoTypeInformation`: a header line, then one quoted CSV line per connection.
 * Bound sockets (bound, neither listening nor connected) have no TCP state and are left out.
 */
export function parseGetNetTcpConnection(text: string): KernelTcpSocket[] {
  const rows: KernelTcpSocket[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const f = line.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    if (f.length < 5) continue;
    const [localAddress, localPort, remoteAddress, remotePort, stateText] = f as [
      string,
      string,
      string,
      string,
      string,
    ];
    const local = address(localAddress, localPort);
    const remote = address(remoteAddress, remotePort);
    // ConvertTo-Csv writes the State enum's name; a number (as some PowerShell versions give) works too.
    const state = CIM_STATES.get(stateText) ?? CIM_BY_NUMBER[Number(stateText) - 1];
    if (!local || !remote || !state) continue;
    rows.push(row(local, remote, state));
  }
  return rows;
}

type Address = { address: string; port: number };

function row(local: Address, remote: Address, state: KernelTcpState): KernelTcpSocket {
  const family: Family = local.address.includes(':') ? 'IPv6' : 'IPv4';
  return { family, local, remote, state, sendQueue: 0, recvQueue: 0, inode: 0 };
}

/** `127.0.0.1:5000`, `[::1]:5000`, `[fe80::1%12]:5000`; `*:*` does not occur for TCP. */
function endpoint(field: string): Address | undefined {
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(field);
  if (bracketed) return address(bracketed[1] as string, bracketed[2] as string);
  const plain = /^([\d.]+):(\d+)$/.exec(field);
  return plain ? address(plain[1] as string, plain[2] as string) : undefined;
}

function address(host: string, portText: string): Address | undefined {
  const port = Number(portText);
  if (host === '' || !/^\d+$/.test(portText) || port > 65535) return undefined;
  return { address: host.toLowerCase(), port };
}
