import { describe, expect, it } from 'vitest';
import { type DecodedPacket, TcpFlowTracker, type TcpHeader } from '../src/index.ts';
import { decodeCapture } from './helpers.ts';

type TcpPacket = Extract<DecodedPacket, { protocol: 'tcp' }>;

function follow(packets: (DecodedPacket | undefined)[]) {
  const tracker = new TcpFlowTracker();
  return packets.map((p) => {
    if (p?.protocol !== 'tcp') throw new Error('not TCP');
    const { tcp } = p as TcpPacket;
    return tracker.track({ src: p.src, srcPort: tcp.srcPort, dst: p.dst, dstPort: tcp.dstPort }, tcp);
  });
}

describe('relative numbers, as Wireshark shows them', () => {
  it('counts seq and ack from each side’s SYN, and the stream from the first byte', () => {
    const ctx = follow(decodeCapture('lo-tcp4.pcap'));
    expect(ctx.map((c) => [c.seq, c.ack])).toEqual([
      [0, undefined],
      [0, 1],
      [1, 1],
      [1, 1],
      [1, 56],
      [1, 56],
      [56, 56],
      [56, 56],
      [56, 57],
      [57, 57],
    ]);
    expect(ctx[3]?.streamOffset).toBe(0);
    expect(ctx[5]?.streamOffset).toBe(0);
    expect(ctx.every((c) => c.seqFromSyn && c.connection === 1 && !c.retransmission)).toBe(true);
  });

  it('scales windows once both SYNs offered a scale (never the SYNs themselves)', () => {
    const ctx = follow(decodeCapture('lo-tcp4.pcap'));
    expect(ctx[0]?.windowBytes).toBe(65495);
    expect(ctx[1]?.windowBytes).toBe(65483);
    expect(ctx[2]?.windowBytes).toBe(64 * 1024);
  });

  it('counts from the first segment seen when the handshake was not captured', () => {
    const packets = decodeCapture('lo-tcp4.pcap').slice(3);
    const ctx = follow(packets);
    expect(ctx[0]).toMatchObject({ seqFromSyn: false, seq: 1 });
    expect(ctx[0]?.streamOffset).toBeUndefined();
    expect(ctx[0]?.windowBytes).toBeUndefined();
  });

  it('marks a segment sent again as a retransmission', () => {
    const packets = decodeCapture('lo-tcp4.pcap');
    const ctx = follow([...packets.slice(0, 4), packets[3]]);
    expect(ctx.map((c) => c.retransmission)).toEqual([false, false, false, false, true]);
  });

  it('starts a new connection when a port pair is reused with a new SYN', () => {
    const packets = decodeCapture('lo-tcp4.pcap');
    const syn = packets[0] as TcpPacket;
    const again: TcpPacket = { ...syn, tcp: { ...syn.tcp, seq: (syn.tcp.seq + 100_000) >>> 0 } };
    const ctx = follow([...packets, again]);
    expect(ctx.at(-1)).toMatchObject({ connection: 2, seq: 0 });
  });

  it('marks zero windows and the window update that ends them', () => {
    const packets = decodeCapture('lo-tcp4.pcap').slice(0, 5);
    const ack = packets[4] as TcpPacket;
    const withWindow = (window: number): TcpPacket => ({ ...ack, tcp: { ...ack.tcp, window } as TcpHeader });
    const ctx = follow([...packets, withWindow(0), withWindow(0), withWindow(32)]);
    expect(ctx.slice(5).map((c) => [c.zeroWindow, c.windowUpdate])).toEqual([
      [true, true],
      [true, false],
      [false, true],
    ]);
  });

  it('marks an empty segment one byte behind as a probe (zero-window probe, keep-alive)', () => {
    const packets = decodeCapture('lo-tcp4.pcap').slice(0, 7);
    const ack = packets[6] as TcpPacket;
    // The client's next byte is 56 (relative); a probe carries 55.
    const probe: TcpPacket = { ...ack, tcp: { ...ack.tcp, seq: (ack.tcp.seq - 1) >>> 0 } };
    const ctx = follow([...packets, probe]);
    expect(ctx.map((c) => c.probe)).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('follows a connection over IPv6 that ends with a RST', () => {
    const ctx = follow(decodeCapture('any-sll2-tcp6-rst.pcap'));
    expect(ctx.at(-1)).toMatchObject({ seq: 6, ack: 1, retransmission: false, zeroWindow: false });
  });
});
