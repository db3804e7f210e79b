import { describe, expect, it } from 'vitest';
import { LinkType, PcapFormatError, PcapStreamParser, recordTimeUs, writePcap } from '../src/index.ts';
import { decodeCapture, fixture, readCapture } from './helpers.ts';

describe('pcap stream parser on recorded captures', () => {
  it('reads tcpdump -w on Linux loopback (Ethernet headers, microseconds)', () => {
    const { header, records, leftover } = readCapture('lo-tcp4.pcap');
    expect(header).toMatchObject({
      bigEndian: false,
      fractionsPerSecond: 1e6,
      versionMajor: 2,
      versionMinor: 4,
      snaplen: 262144,
      linkType: LinkType.ETHERNET,
    });
    expect(records).toHaveLength(10);
    expect(leftover).toBe(0);
    // SYN at 10:37:48.431175, SYN-ACK 11 µs later (as tcpdump -r prints them).
    const [syn, synAck] = records.map((r) => recordTimeUs(r, header)) as [number, number];
    expect(synAck - syn).toBe(11);
    expect(syn % 1e6).toBe(431175);
    expect(new Date(syn / 1000).toISOString()).toMatch(/T\d\d:37:48\.431Z$/);
  });

  it('gives the same records whatever the chunks the pipe delivers', () => {
    const whole = readCapture('lo-tcp4.pcap').records;
    for (const chunk of [1, 7, 16, 17, 100]) {
      const cut = readCapture('lo-tcp4.pcap', chunk).records;
      expect(cut.map((r) => [r.seconds, r.fraction, r.originalLength, [...r.data]])).toEqual(
        whole.map((r) => [r.seconds, r.fraction, r.originalLength, [...r.data]]),
      );
    }
  });

  it('holds a partial record until the rest arrives', () => {
    const bytes = fixture('lo-tcp4.pcap');
    const parser = new PcapStreamParser();
    expect(parser.push(bytes.subarray(0, 30))).toEqual([]);
    expect(parser.buffered).toBe(6);
    expect(parser.push(bytes.subarray(30))).toHaveLength(10);
  });

  it('reads nanosecond files and keeps the snap length', () => {
    const { header, records } = readCapture('lo-nano-tcp4.pcap');
    expect(header.fractionsPerSecond).toBe(1e9);
    expect(header.snaplen).toBe(96);
    const data = records[3];
    expect(data?.originalLength).toBe(14 + 20 + 32 + 55);
    expect(data?.data.byteLength).toBe(96);
    const [syn, synAck] = records.map((r) => recordTimeUs(r, header)) as [number, number];
    expect(syn % 1e6).toBe(278749);
    expect(synAck - syn).toBe(13);
  });

  it('reads big-endian files', () => {
    const { header, records } = readCapture('raw-be-tcp4.pcap');
    expect(header.bigEndian).toBe(true);
    expect(header.linkType).toBe(LinkType.RAW);
    expect(records).toHaveLength(10);
  });

  it('refuses what is not pcap, naming pcapng', () => {
    const pcapng = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, ...new Array(28).fill(0)]);
    expect(() => new PcapStreamParser().push(pcapng)).toThrow(/pcapng/);
    expect(() => new PcapStreamParser().push(new TextEncoder().encode('tcpdump: permission denied....'))).toThrow(
      PcapFormatError,
    );
  });

  it('refuses a record longer than any real packet', () => {
    const bytes = fixture('lo-tcp4.pcap').slice(0, 40);
    new DataView(bytes.buffer).setUint32(24 + 8, 0x7fffffff, true);
    expect(() => new PcapStreamParser().push(bytes)).toThrow(/not a pcap stream/);
  });
});

describe('pcap writer', () => {
  it('writes back a capture byte for byte (what Wireshark opens is what tcpdump wrote)', () => {
    const original = fixture('lo-tcp4.pcap');
    const { header, records } = readCapture('lo-tcp4.pcap');
    const written = writePcap(
      header.linkType,
      header.snaplen,
      records.map((r) => ({ timeUs: recordTimeUs(r, header), originalLength: r.originalLength, data: r.data })),
    );
    expect([...written]).toEqual([...original]);
  });

  it('keeps the original length of truncated packets', () => {
    const { header, records } = readCapture('any-sll-udp.pcap');
    const written = writePcap(
      header.linkType,
      header.snaplen,
      records.map((r) => ({ timeUs: recordTimeUs(r, header), originalLength: r.originalLength, data: r.data })),
    );
    const again = new PcapStreamParser().push(written);
    expect(again.map((r) => [r.originalLength, r.data.byteLength])).toEqual(
      records.map((r) => [r.originalLength, r.data.byteLength]),
    );
  });
});

describe('link types', () => {
  const strip = (name: string) =>
    decodeCapture(name).map((p) =>
      p?.protocol === 'tcp' ? { ...p, tcp: { ...p.tcp, payload: [...p.tcp.payload] } } : p,
    );

  it('decodes the same packets behind Ethernet, BSD null, OpenBSD loop and raw IP headers', () => {
    const ethernet = strip('lo-tcp4.pcap');
    expect(ethernet.every((p) => p?.protocol === 'tcp')).toBe(true);
    expect(strip('null-tcp4.pcap')).toEqual(ethernet);
    expect(strip('loop-tcp4.pcap')).toEqual(ethernet);
    expect(strip('raw-be-tcp4.pcap')).toEqual(ethernet);
  });

  it('decodes Linux cooked v2 and BSD null with macOS AF_INET6 alike', () => {
    const sll2 = strip('any-sll2-tcp6-rst.pcap');
    expect(sll2).toHaveLength(5);
    expect(sll2[0]).toMatchObject({ family: 'IPv6', src: '::1', dst: '::1' });
    expect(strip('null-tcp6-rst.pcap')).toEqual(sll2);
  });
});
