import type { Endpoint } from '@playground/protocol';

/** How strace writes the pieces of a system call's arguments and result (`-xx -yy` output). */

const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };

/** The arguments at the top level: commas inside quotes, braces, brackets, parentheses and `<…>` do not split. */
export function splitArgs(text: string): string[] {
  const parts: string[] = [];
  const stack: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c in CLOSERS && (c !== '<' || /\d$/.test(text.slice(start, i)))) stack.push(CLOSERS[c] as string);
    else if (c === stack.at(-1)) stack.pop();
    else if (c === ',' && stack.length === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts;
}

/** A quoted string's bytes (`"\x68\x69"...`): strace escapes every byte with `-xx`. */
export function decodeString(arg: string): Uint8Array | undefined {
  const match = /^"((?:[^"\\]|\\.)*)"/.exec(arg);
  if (!match) return undefined;
  const body = match[1] as string;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[i + 1] as string;
    if (next === 'x') {
      bytes.push(Number.parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      bytes.push(({ n: 10, r: 13, t: 9, v: 11, f: 12, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? 0);
      i += 1;
    }
  }
  return Uint8Array.from(bytes);
}

/** Every `iov_base="…"` of a readv/writev/sendmsg/recvmsg, joined. */
export function decodeIovecs(arg: string): Uint8Array | undefined {
  const chunks = [...arg.matchAll(/iov_base=("(?:[^"\\]|\\.)*")/g)].map(
    (m) => decodeString(m[1] as string) ?? new Uint8Array(),
  );
  if (chunks.length === 0) return undefined;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

/** `{sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr("…")}` (or AF_INET6) as an endpoint. */
export function decodeSockaddr(arg: string): Endpoint | undefined {
  const family = /sa_family=(AF_INET6?)\b/.exec(arg)?.[1];
  const port = /sin6?_port=htons\((\d+)\)/.exec(arg)?.[1];
  if (!family || port === undefined) return undefined;
  const quoted = family === 'AF_INET' ? /inet_addr\(("[^"]*")\)/.exec(arg) : /inet_pton\(AF_INET6, ("[^"]*")/.exec(arg);
  const address = text(decodeString(quoted?.[1] ?? ''));
  if (address === undefined) return undefined;
  return { address, port: Number(port), family: family === 'AF_INET6' ? 'IPv6' : 'IPv4' };
}

export interface FdInfo {
  fd: number;
  /** `TCP`, `TCPv6`, `UDP`, `UDPv6` for the sockets the playground shows; else undefined. */
  protocol?: 'TCP' | 'TCPv6' | 'UDP' | 'UDPv6';
  local?: Endpoint;
  remote?: Endpoint;
}

/** `[::1]:80` or `127.0.0.1:80`. */
function hostPort(text: string, family: 'IPv4' | 'IPv6'): Endpoint | undefined {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(text);
  if (!match) return undefined;
  return { address: match[1] as string, port: Number(match[2]), family };
}

/** `5<TCP:[127.0.0.1:43589->127.0.0.1:43126]>` (`-yy`): the descriptor, and what it is. */
export function decodeFd(arg: string): FdInfo | undefined {
  const match = /^(-?\d+)(?:<(.*)>)?$/.exec(arg.trim());
  if (!match) return undefined;
  const fd = Number(match[1]);
  const socket = /^(TCP|TCPv6|UDP|UDPv6):\[(.*)\]$/.exec(match[2] ?? '');
  if (!socket) return { fd };
  const protocol = socket[1] as FdInfo['protocol'];
  const family = protocol?.endsWith('v6') ? 'IPv6' : 'IPv4';
  const [localText, remoteText] = (socket[2] as string).split('->');
  const info: FdInfo = { fd, protocol };
  // A bare number is the socket's inode: no address yet.
  const local = localText && !/^\d+$/.test(localText) ? hostPort(localText, family) : undefined;
  const remote = remoteText ? hostPort(remoteText, family) : undefined;
  if (local) info.local = local;
  if (remote) info.remote = remote;
  return info;
}

export interface Result {
  /** The value, when the call succeeded. */
  value?: number;
  /** What the value names, for descriptors (`-yy`). */
  fd?: FdInfo;
  errno?: string;
  message?: string;
}

/** `= 16`, `= 3<TCP:[…]>`, `= -1 ECONNREFUSED (Connection refused)`, `= ? ERESTARTSYS (…)`. */
export function decodeResult(result: string): Result {
  const failed = /^(?:-1|\?) (E[A-Z0-9]+)(?: \((.*)\))?/.exec(result);
  if (failed) return { errno: failed[1] as string, message: failed[2] ?? (failed[1] as string) };
  const fd = decodeFd(result.split(' ')[0] ?? '');
  if (fd) return { value: fd.fd, fd };
  return {};
}
