/**
 * The OS view's rows on macOS and Windows come from the platforms' own tools. These parse recorded
 * outputs of each (fixtures/netstat/README.md says where they come from) into the same rows
 * /proc/net/tcp gives on Linux.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMacNetstat } from '../src/kernel/netstat-macos.ts';
import { parseGetNetTcpConnection, parseWindowsNetstat } from '../src/kernel/netstat-windows.ts';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/netstat/${name}`, import.meta.url), 'utf8');
const ALL_STATES = [
  'CLOSE',
  'CLOSE_WAIT',
  'CLOSING',
  'ESTABLISHED',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'LAST_ACK',
  'LISTEN',
  'SYN_RECV',
  'SYN_SENT',
  'TIME_WAIT',
];
const statesOf = (rows: { state: string }[]): string[] => [...new Set(rows.map((r) => r.state))].sort();

describe('macOS: netstat -an -p tcp', () => {
  const rows = parseMacNetstat(fixture('macos-netstat-an-p-tcp.txt'));

  it('reads every row, in every BSD state, named as on Linux', () => {
    expect(rows).toHaveLength(25);
    expect(statesOf(rows)).toEqual(ALL_STATES);
  });

  it('splits the port from the address at the last dot, IPv4 and IPv6, with queues and no inode', () => {
    expect(rows[2]).toEqual({
      family: 'IPv4',
      local: { address: '127.0.0.1', port: 65432 },
      remote: { address: '127.0.0.1', port: 52102 },
      state: 'ESTABLISHED',
      recvQueue: 16,
      sendQueue: 0,
      inode: 0,
    });
    expect(rows[3]).toMatchObject({ sendQueue: 55 });
    expect(rows.find((r) => r.local.port === 5001 && r.state === 'ESTABLISHED')).toMatchObject({
      family: 'IPv6',
      local: { address: '::1', port: 5001 },
      remote: { address: '::1', port: 60123 },
    });
    expect(rows.find((r) => r.local.port === 5002)).toMatchObject({ local: { address: 'fe80::1%lo0', port: 5002 } });
  });

  it('reads * as the wildcard: 0.0.0.0 for tcp4, :: for tcp6 and the dual-stack tcp46, port 0 for *.*', () => {
    const listen = (port: number) => rows.filter((r) => r.local.port === port && r.state === 'LISTEN');
    expect(listen(65432)[0]).toMatchObject({
      local: { address: '127.0.0.1' },
      remote: { address: '0.0.0.0', port: 0 },
    });
    expect(listen(5000)[0]).toMatchObject({ family: 'IPv6', local: { address: '::', port: 5000 } });
    expect(listen(22).map((r) => r.local.address)).toEqual(['0.0.0.0', '::']);
  });

  it('skips lines it cannot read instead of guessing', () => {
    const text =
      'tcp4 0 0 127.0.0.1 127.0.0.1.5 ESTABLISHED\ntcp4 x 0 127.0.0.1.5 127.0.0.1.6 ESTABLISHED\nudp4 0 0 *.5353 *.*\ntcp4 0 0 127.0.0.1.5 127.0.0.1.6 LISTENING\ntcp4 0 0 127.0.0.1.70000 *.* LISTEN';
    expect(parseMacNetstat(text)).toEqual([]);
  });
});

describe('Windows: netstat -ano -p TCP and -p TCPv6', () => {
  const v4 = parseWindowsNetstat(fixture('windows-netstat-ano-p-tcp.txt'));
  const v6 = parseWindowsNetstat(fixture('windows-netstat-ano-p-tcpv6.txt'));

  it('reads IPv4 rows in every state (CRLF line ends, PID column), named as on Linux', () => {
    expect(v4.unknownStates).toEqual([]);
    expect(v4.rows).toHaveLength(19);
    expect(statesOf(v4.rows)).toEqual(ALL_STATES);
    expect(v4.rows[4]).toEqual({
      family: 'IPv4',
      local: { address: '127.0.0.1', port: 5000 },
      remote: { address: '127.0.0.1', port: 60001 },
      state: 'ESTABLISHED',
      sendQueue: 0,
      recvQueue: 0,
      inode: 0,
    });
    expect(v4.rows.find((r) => r.local.port === 52099)?.state).toBe('CLOSE');
  });

  it('reads IPv6 rows in brackets, the wildcard and a link-local address with its zone', () => {
    expect(v6.unknownStates).toEqual([]);
    expect(v6.rows).toHaveLength(8);
    expect(v6.rows[0]).toMatchObject({ family: 'IPv6', local: { address: '::', port: 135 }, state: 'LISTEN' });
    expect(v6.rows[4]).toMatchObject({
      local: { address: '::1', port: 5001 },
      remote: { address: '::1', port: 60123 },
    });
    expect(v6.rows[7]?.local).toEqual({ address: 'fe80::1c2d:3e4f:5a6b:7c8d%12', port: 5002 });
  });

  it('names the states a translated netstat prints, so the caller asks PowerShell instead', () => {
    const de = parseWindowsNetstat(fixture('windows-netstat-ano-p-tcp-de.txt'));
    expect(de.unknownStates).toEqual(['ABHÖREN', 'HERGESTELLT', 'WARTEND', 'SCHLIESSEN_WARTEN']);
    expect(de.rows.map((r) => r.state)).toEqual(['FIN_WAIT2']);
  });

  it('skips lines it cannot read', () => {
    const text =
      '  TCP    127.0.0.1       127.0.0.1:5    ESTABLISHED  1\r\n  UDP    0.0.0.0:5353   *:*    1\r\n  TCP    [::1:5   [::1]:6   LISTENING  1';
    expect(parseWindowsNetstat(text)).toEqual({ rows: [], unknownStates: [] });
  });
});

describe('Windows: Get-NetTCPConnection as CSV', () => {
  const rows = parseGetNetTcpConnection(fixture('windows-get-nettcpconnection.csv'));

  it('reads IPv4 and IPv6 rows in every state, leaving out Bound sockets', () => {
    expect(rows).toHaveLength(20);
    expect(statesOf(rows)).toEqual(ALL_STATES);
    expect(rows.some((r) => r.local.port === 52103)).toBe(false);
    expect(rows[2]).toMatchObject({
      family: 'IPv6',
      local: { address: '::1', port: 5001 },
      remote: { address: '::1', port: 60123 },
      state: 'ESTABLISHED',
    });
    expect(rows[8]).toMatchObject({
      family: 'IPv4',
      local: { address: '127.0.0.1', port: 65432 },
      state: 'ESTABLISHED',
    });
  });

  it('also takes the State as a number (MIB_TCP_STATE: 2 is Listen, 11 TimeWait; 100, Bound, is left out)', () => {
    const csv =
      '"LocalAddress","LocalPort","RemoteAddress","RemotePort","State"\n"127.0.0.1","5000","0.0.0.0","0","2"\n"127.0.0.1","5001","127.0.0.1","5000","11"\n"127.0.0.1","5002","0.0.0.0","0","100"';
    expect(parseGetNetTcpConnection(csv).map((r) => r.state)).toEqual(['LISTEN', 'TIME_WAIT']);
  });
});
