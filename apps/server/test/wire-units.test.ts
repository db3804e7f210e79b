import { describe, expect, it } from 'vitest';
import { captureFilter, NOTHING_FILTER } from '../src/wire/bpf-filter.ts';
import { calibrateClock, perfMsAt, recentClockPair } from '../src/wire/capture-clock.ts';
import { classifyCaptureExit } from '../src/wire/capture-errors.ts';
import { captureArgs, loopbackInterface, tcpdumpArgs } from '../src/wire/capture-tool.ts';
import { plainAddress } from '../src/wire/session-sockets.ts';

describe('the capture filter', () => {
  it('names exactly the session’s ports, per transport', () => {
    expect(captureFilter({ tcp: new Set([65432, 5000]), udp: new Set([6000]) })).toBe(
      '(tcp and (port 5000 or port 65432)) or (udp and (port 6000))',
    );
    expect(captureFilter({ tcp: new Set(), udp: new Set([7]) })).toBe('(udp and (port 7))');
  });

  it('matches nothing while there is nothing to capture', () => {
    expect(captureFilter({ tcp: new Set([0]), udp: new Set() })).toBe(NOTHING_FILTER);
  });

  it('runs tcpdump with a snap length, packet-buffered, immediately, writing pcap to stdout', () => {
    expect(tcpdumpArgs('lo', 200, 'tcp port 1')).toEqual([
      '-i',
      'lo',
      '-n',
      '-s',
      '200',
      '-U',
      '--immediate-mode',
      '-w',
      '-',
      'tcp port 1',
    ]);
    // During a flood: blocks from the kernel (still written as they come, so the header is there at once).
    expect(tcpdumpArgs('lo', 200, 'tcp port 1', true)).toEqual([
      '-i',
      'lo',
      '-n',
      '-s',
      '200',
      '-U',
      '-w',
      '-',
      'tcp port 1',
    ]);
    expect(captureArgs('/usr/bin/dumpcap', 'lo', 200, 'tcp port 1')).toEqual([
      '-i',
      'lo',
      '-f',
      'tcp port 1',
      '-s',
      '200',
      '-w',
      '-',
      '-P',
      '-q',
    ]);
    expect([loopbackInterface('linux'), loopbackInterface('darwin'), loopbackInterface('win32')]).toEqual([
      'lo',
      'lo0',
      undefined,
    ]);
  });
});

describe('why a capture did not start', () => {
  it('tells a refused capture (Linux, macOS) from a missing tool and other failures', () => {
    const linux =
      "tcpdump: lo: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)";
    expect(classifyCaptureExit(linux, undefined)).toEqual({
      state: 'not-permitted',
      reason:
        "tcpdump: lo: You don't have permission to perform this capture on that device (socket: Operation not permitted)",
    });
    const mac =
      "tcpdump: lo0: You don't have permission to capture on that device\n((cannot open BPF device) /dev/bpf0: Permission denied)";
    expect(classifyCaptureExit(mac, undefined).state).toBe('not-permitted');
    const missing = Object.assign(new Error('spawn tcpdump ENOENT'), { code: 'ENOENT' });
    expect(classifyCaptureExit('', missing).state).toBe('unavailable');
    expect(classifyCaptureExit('tcpdump: nosuchif: No such device exists', undefined).state).toBe('unavailable');
    expect(classifyCaptureExit('tcpdump: something else', undefined)).toEqual({
      state: 'failed',
      reason: 'tcpdump: something else',
    });
  });
});

describe('one clock', () => {
  it('maps the capture’s wall-clock microseconds onto performance.now() to within a millisecond', () => {
    const pair = calibrateClock();
    // Date.now() is the wall clock rounded down to the millisecond, read somewhere between p1 and p2.
    const p1 = performance.now();
    const wall = Date.now();
    const p2 = performance.now();
    const mapped = perfMsAt(pair, wall * 1000);
    expect(mapped).toBeGreaterThan(p1 - 1.1);
    expect(mapped).toBeLessThan(p2 + 0.1);
    expect(perfMsAt(pair, pair.wallUs + 1500)).toBeCloseTo(pair.perfMs + 1.5, 6);
  });

  it('pairs the clocks once for every capture start within seconds, so toggling the view does not spin the bridge', () => {
    const first = recentClockPair();
    expect(recentClockPair()).toBe(first);
    expect(Math.abs(perfMsAt(first, Date.now() * 1000) - performance.now())).toBeLessThan(1.1);
  });
});

describe('addresses', () => {
  it('compares IPv4-mapped addresses as the plain IPv4 the wire carries', () => {
    expect(plainAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(plainAddress('::1')).toBe('::1');
  });
});
