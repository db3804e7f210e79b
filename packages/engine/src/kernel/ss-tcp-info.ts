import type { KernelTcpState, TcpInfo } from '@playground/protocol';

/** One socket as `ss -tin` prints it: the socket line and its indented internals line. */
export interface SsSocket {
  state: KernelTcpState | undefined;
  recvQueue: number;
  sendQueue: number;
  local: { address: string; port: number };
  remote: { address: string; port: number };
  tcp: TcpInfo;
}

/** ss's state names (`ss -t state all`) in netstat's spelling. */
const STATES: Record<string, KernelTcpState> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  UNCONN: 'CLOSE',
  CLOSE: 'CLOSE',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
  'NEW-SYN-RECV': 'NEW_SYN_RECV',
};

const CONGESTION = /^[a-z][a-z0-9_]*$/;

/**
 * Parses `ss -tin` (with or without the header line, the State column, or iproute2's `-O` one-line
 * form). Lines it cannot read are skipped rather than guessed.
 */
export function parseSsTcpInfo(text: string): SsSocket[] {
  const sockets: SsSocket[] = [];
  let current: SsSocket | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('State ') || line.startsWith('Recv-Q ')) continue;
    if (/^\s/.test(line)) {
      if (current) Object.assign(current.tcp, parseInternals(line.trim()));
      continue;
    }
    current = parseSocketLine(line);
    if (current) sockets.push(current);
  }
  return sockets;
}

function parseSocketLine(line: string): SsSocket | undefined {
  const fields = line.trim().split(/\s+/);
  const state = STATES[fields[0] as string];
  const at = state || !/^\d+$/.test(fields[0] as string) ? 1 : 0;
  const recvQueue = Number(fields[at]);
  const sendQueue = Number(fields[at + 1]);
  const local = parseAddress(fields[at + 2]);
  const remote = parseAddress(fields[at + 3]);
  if (!Number.isInteger(recvQueue) || !Number.isInteger(sendQueue) || !local || !remote) return undefined;
  const rest = fields.slice(at + 4).join(' ');
  return { state, recvQueue, sendQueue, local, remote, tcp: parseInternals(rest) };
}

/** `127.0.0.1:80`, `[::1]:80`, `[::ffff:127.0.0.1]:80`, `*:*`, `0.0.0.0:*`, `127.0.0.1%lo:80`. */
export function parseAddress(text: string | undefined): { address: string; port: number } | undefined {
  if (!text) return undefined;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const portText = text.slice(colon + 1);
  const port = portText === '*' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return undefined;
  let address = text.slice(0, colon).replace(/%[^\]]*$/, '');
  if (address.startsWith('[')) address = address.slice(1, address.indexOf(']'));
  if (address === '*') address = '0.0.0.0';
  return { address: address.toLowerCase(), port };
}

const RATE_UNITS: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** `718062219bps`, `25Gbps`, `5.5Mbps` → bits per second. */
function rate(text: string | undefined): number | undefined {
  const m = /^([\d.]+)([kKMGT]?)bps$/.exec(text ?? '');
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (RATE_UNITS[m[2] as string] as number));
}

const int = (text: string | undefined): number | undefined => {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};
const num = (text: string | undefined): number | undefined => {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Integer `name:value` fields of ss, by their TcpInfo names. */
const COUNTS: Record<string, keyof TcpInfo> = {
  mss: 'mss',
  cwnd: 'cwnd',
  ssthresh: 'ssthresh',
  bytes_sent: 'bytesSent',
  bytes_acked: 'bytesAcked',
  bytes_received: 'bytesReceived',
  segs_in: 'segsIn',
  segs_out: 'segsOut',
  data_segs_in: 'dataSegsIn',
  data_segs_out: 'dataSegsOut',
  unacked: 'unacked',
  lost: 'lost',
  snd_wnd: 'sendWindow',
  rcv_wnd: 'receiveWindow',
  rcv_space: 'receiveSpace',
  notsent: 'notSent',
};

/** The internals line: `cubic wscale:10,10 rto:204 rtt:0.038/0.016 mss:32768 … delivery_rate 5461333328bps …`. */
function parseInternals(text: string): TcpInfo {
  const info: TcpInfo = {};
  const tokens = text.split(/\s+/).filter(Boolean);
  // Counts are set through one record: every field of COUNTS is an optional number.
  const counts = info as Record<string, number | undefined>;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const colon = token.indexOf(':');
    if (colon < 0) {
      if (token === 'delivery_rate') info.deliveryRateBps = rate(tokens[++i]);
      else if (i === 0 && CONGESTION.test(token)) info.congestion = token;
      continue;
    }
    const name = token.slice(0, colon);
    const value = token.slice(colon + 1);
    const field = COUNTS[name];
    if (field) {
      const n = int(value);
      if (n !== undefined) counts[field] = n;
      continue;
    }
    switch (name) {
      case 'rtt': {
        const [rtt, variation] = value.split('/');
        info.rttMs = num(rtt);
        info.rttVarMs = num(variation);
        break;
      }
      case 'minrtt':
        info.minRttMs = num(value);
        break;
      case 'rto':
        info.rtoMs = num(value);
        break;
      case 'wscale': {
        const [send, receive] = value.split(',').map(int);
        if (send !== undefined && receive !== undefined) info.wscale = { send, receive };
        break;
      }
      case 'retrans': {
        const [now, total] = value.split('/').map(int);
        info.retrans = now;
        info.retransTotal = total;
        break;
      }
      case 'rwnd_limited':
        info.receiveWindowLimitedMs = int(/^(\d+)ms/.exec(value)?.[1]);
        break;
    }
  }
  for (const key of Object.keys(info) as (keyof TcpInfo)[]) if (info[key] === undefined) delete info[key];
  return info;
}
