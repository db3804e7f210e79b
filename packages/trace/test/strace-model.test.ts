import { readFileSync } from 'node:fs';
import type { TraceCall } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { decodeFd, decodeSockaddr, decodeString, splitArgs } from '../src/strace/decode.ts';
import { StraceModel } from '../src/strace/model.ts';
import { StraceLines } from '../src/strace/parse-line.ts';

/** A recorded `strace -f -q -ttt -xx -yy` of a Python program (UDP over ::1, a TCP echo with a thread, a fork). */
const recorded = readFileSync(new URL('./fixtures/strace-python-sockets.txt', import.meta.url), 'utf8').split('\n');

function traceOf(lines: string[]): TraceCall[] {
  const parser = new StraceLines();
  let model: StraceModel | undefined;
  const calls: TraceCall[] = [];
  for (const text of lines) {
    const line = parser.parse(text);
    if (!line) continue;
    model ??= new StraceModel(line.pid, (seconds) => seconds * 1000);
    calls.push(...model.calls(line));
  }
  return calls;
}

describe('strace’s output as trace calls', () => {
  it('splits arguments at the top level only, and decodes -xx strings and sockaddrs', () => {
    expect(
      splitArgs('5<TCP:[127.0.0.1:1->127.0.0.1:2]>, {sa_family=AF_INET, sin_port=htons(80)}, [128 => 16]'),
    ).toEqual(['5<TCP:[127.0.0.1:1->127.0.0.1:2]>', '{sa_family=AF_INET, sin_port=htons(80)}', '[128 => 16]']);
    expect(new TextDecoder().decode(decodeString('"\\x68\\x6f\\x6c\\x61"...'))).toBe('hola');
    expect(
      decodeSockaddr('{sa_family=AF_INET6, sin6_port=htons(5000), inet_pton(AF_INET6, "\\x3a\\x3a\\x31", &sin6_addr)}'),
    ).toEqual({ address: '::1', port: 5000, family: 'IPv6' });
    expect(decodeFd('6<TCPv6:[[::1]:80->[::1]:5000]>')).toEqual({
      fd: 6,
      protocol: 'TCPv6',
      local: { address: '::1', port: 80, family: 'IPv6' },
      remote: { address: '::1', port: 5000, family: 'IPv6' },
    });
    expect(decodeFd('3<TCP:[1363707]>')).toEqual({ fd: 3, protocol: 'TCP' });
  });

  it('joins calls split by another thread and keeps only sockets, in order, with what each moved', () => {
    const calls = traceOf(recorded);
    expect(calls.map((c) => `${c.sock} ${c.fn}${c.n === undefined ? '' : ` ${c.n}`}`)).toEqual([
      'fd3 socket',
      'fd3 bind',
      'fd4 socket',
      'fd4 sendto 2',
      'fd3 recvfrom 2',
      'fd5 socket',
      'fd5 setsockopt',
      'fd5 bind',
      'fd5 listen',
      'fd7 socket',
      'fd5 accept4',
      'fd7 connect',
      'fd7 sendto 10',
      'fd6 recvfrom 3',
      'fd7 shutdown',
      'fd6 recvfrom 7',
      'fd6 recvfrom 0',
      'fd6 sendto 3',
      'fd7 recvfrom 3',
      'fd6 close',
      'fd7 close',
      'fd3 close',
      'fd4 close',
      'fd5 close',
    ]);
    const byFn = (fn: string, sock: string) => calls.find((c) => c.fn === fn && c.sock === sock);
    expect(byFn('accept4', 'fd5')).toMatchObject({ op: 'accept', newSock: 'fd6', remote: { address: '127.0.0.1' } });
    expect(byFn('recvfrom', 'fd3')).toMatchObject({ op: 'recv', peer: { address: '::1', family: 'IPv6' } });
    expect(byFn('listen', 'fd5')).toMatchObject({ backlog: 128, local: { address: '127.0.0.1' } });
    expect(Buffer.from(byFn('sendto', 'fd7')?.data ?? '', 'base64').toString()).toBe('xxxxxxxxxx');
    // The thread that connected is named; the forked child's close of the listener is not the socket's close.
    expect(byFn('connect', 'fd7')?.thread).toMatch(/^tid \d+$/);
    expect(byFn('close', 'fd5')?.thread).toBeUndefined();
  });

  it('a reused descriptor is a new socket; one left open at the end is reported; EAGAIN is no step', () => {
    const lines = [
      '100 1.000000 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3<TCP:[1]>',
      '100 1.000100 connect(3<TCP:[1]>, {sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr("\\x31\\x32\\x37\\x2e\\x30\\x2e\\x30\\x2e\\x31")}, 16) = -1 ECONNREFUSED (Connection refused)',
      '100 1.000150 close(3<TCP:[1]>) = 0',
      '100 1.000200 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 3<UDP:[2]>',
      '100 1.000300 read(3<UDP:[2]>, 0x7ffd, 512) = -1 EAGAIN (Resource temporarily unavailable)',
      '100 1.000400 +++ exited with 1 +++',
    ];
    const calls = traceOf(lines);
    expect(calls.map((c) => [c.sock, c.op, c.raised?.code])).toEqual([
      ['fd3', 'socket', undefined],
      ['fd3', 'connect', 'ECONNREFUSED'],
      ['fd3', 'close', undefined],
      ['fd3#2', 'socket', undefined],
      ['fd3#2', 'exit-open', undefined],
    ]);
    expect(calls[1]?.remote).toEqual({ address: '127.0.0.1', port: 5000, family: 'IPv4' });
  });
});
