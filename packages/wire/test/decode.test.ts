import { describe, expect, it } from 'vitest';
import { ipv6Text } from '../src/decode/address-text.ts';
import { decodeOptions } from '../src/decode/tcp.ts';
import { flagNames, segmentRole } from '../src/index.ts';
import { decodeCapture } from './helpers.ts';

describe('TCP over IPv4 (seed 000: a 55-byte message, its echo, FIN from both ends)', () => {
  const packets = decodeCapture('lo-tcp4.pcap');
  const tcp = packets.map((p) => (p?.protocol === 'tcp' ? p.tcp : undefined));

  it('reads addresses, ports and flags as tcpdump prints them', () => {
    expect(packets[0]).toMatchObject({ family: 'IPv4', src: '127.0.0.1', dst: '127.0.0.1' });
    expect(tcp[0]).toMatchObject({ srcPort: 35722, dstPort: 47001, seq: 1993042486, window: 65495 });
    expect(tcp.map((t) => flagNames(t?.flags ?? 0).join(','))).toEqual([
      'SYN',
      'SYN,ACK',
      'ACK',
      'PSH,ACK',
      'ACK',
      'PSH,ACK',
      'ACK',
      'FIN,ACK',
      'FIN,ACK',
      'ACK',
    ]);
    expect(tcp.map((t) => t?.payloadLength)).toEqual([0, 0, 0, 55, 0, 55, 0, 0, 0, 0]);
  });

  it('reads the handshake options', () => {
    expect(tcp[0]?.options).toEqual({
      mss: 65495,
      sackPermitted: true,
      timestamp: { value: 490378801, echo: 0 },
      wscale: 10,
    });
    expect(tcp[2]?.options).toEqual({ timestamp: { value: 490378801, echo: 1635763825 } });
  });

  it('keeps the payload bytes', () => {
    expect(new TextDecoder().decode(tcp[3]?.payload)).toBe('hola mundo, this is a message longer than sixteen bytes');
  });

  it('names each segment as a sequence diagram does', () => {
    expect(tcp.map((t) => segmentRole(flagNames(t?.flags ?? 0), t?.payloadLength ?? 0))).toEqual([
      'syn',
      'syn-ack',
      'ack',
      'data',
      'ack',
      'data',
      'ack',
      'fin',
      'fin',
      'ack',
    ]);
  });
});

describe('cut by the snap length', () => {
  it('says how long a segment was on the wire, and keeps what was captured', () => {
    const data = decodeCapture('lo-nano-tcp4.pcap')[3];
    if (data?.protocol !== 'tcp') throw new Error('not TCP');
    expect(data.tcp.payloadLength).toBe(55);
    expect(data.tcp.payload.byteLength).toBe(96 - 14 - 20 - 32);
    expect(data.tcp.options.timestamp).toBeDefined();
  });

  it('says how long a UDP datagram was, over IPv4 and IPv6', () => {
    const udp = decodeCapture('any-sll-udp.pcap').map((p) => (p?.protocol === 'udp' ? p : undefined));
    expect(udp.map((p) => [p?.family, p?.udp.payloadLength, p?.udp.payload.byteLength])).toEqual([
      ['IPv4', 20, 20],
      ['IPv4', 3000, 128 - 16 - 20 - 8],
      ['IPv6', 20, 20],
    ]);
    expect(new TextDecoder().decode(udp[0]?.udp.payload)).toBe('twenty bytes of text');
    expect(udp[2]).toMatchObject({ src: '::1', dst: '::1', udp: { dstPort: 47003 } });
  });
});

describe('TCP options', () => {
  const options = (bytes: number[]) => decodeOptions(new DataView(new Uint8Array(bytes).buffer), 0, bytes.length);

  it('reads SACK blocks', () => {
    // NOP, NOP, SACK with two blocks.
    const sack = [1, 1, 5, 18, 0, 0, 0x10, 0, 0, 0, 0x20, 0, 0, 0, 0x30, 0, 0, 0, 0x40, 0];
    expect(options(sack).sack).toEqual([
      [0x1000, 0x2000],
      [0x3000, 0x4000],
    ]);
  });

  it('stops at an option the capture cut short instead of reading past it', () => {
    expect(options([2, 4, 0x05])).toEqual({});
    expect(options([2, 4, 0x05, 0xb4, 8, 10, 0, 0])).toEqual({ mss: 1460 });
    expect(options([3, 0])).toEqual({});
  });
});

describe('IPv6 addresses as Node prints them', () => {
  const text = (hex: string) => ipv6Text(new Uint8Array(hex.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []), 0);
  it('compresses the longest run of zero groups', () => {
    expect(text('00000000000000000000000000000001')).toBe('::1');
    expect(text('00000000000000000000000000000000')).toBe('::');
    expect(text('fe800000000000000000000000000001')).toBe('fe80::1');
    expect(text('20010db8000000010000000000000001')).toBe('2001:db8:0:1::1');
    expect(text('20010db8000100010001000100010001')).toBe('2001:db8:1:1:1:1:1:1');
    expect(text('00000000000000000000ffff7f000001')).toBe('::ffff:127.0.0.1');
  });
});
