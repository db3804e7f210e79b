import { toBase64 } from '@playground/codec';
import type { SocketEvent, WireSegment } from '@playground/protocol';
import { decodePacket, PcapStreamParser, recordTimeUs } from '@playground/wire';
import { describe, expect, it } from 'vitest';
import { SessionRecorder } from '../src/features/replay/model/recorder.ts';
import { Replay } from '../src/features/replay/replay.ts';
import { pcapBytes } from '../src/features/wire/exportPcap.ts';
import { wireRows } from '../src/features/wire/timeline.ts';
import { eventsForSegment, findLogEntry, segmentsForEvent } from '../src/store/wireLinks.ts';
import { applyWireBatch, emptyWireView, segmentId, type WireEntry } from '../src/store/wireView.ts';
import { storeWith, welcome } from './support/render.tsx';
import { client, conn, server, text, Wire } from './support/wire.ts';

/** A TCP segment from `from` to `to` as the bridge sends it (the frame is a real IPv4/TCP packet, Ethernet-framed). */
function seg(n: number, t: number, o: Partial<WireSegment> & { flags?: string[]; offset?: number } = {}): WireSegment {
  const length = o.length ?? 0;
  return {
    n,
    t,
    timeUs: 1_700_000_000_000_000 + Math.round(t * 1000),
    transport: 'tcp',
    family: 'IPv4',
    src: { address: '127.0.0.1', port: 50000 },
    dst: { address: '127.0.0.1', port: 65432 },
    from: 's2',
    to: 's3',
    length,
    wireLength: 66 + length,
    tcp: {
      flags: (o.flags ?? ['ACK']) as NonNullable<WireSegment['tcp']>['flags'],
      seq: (o.offset ?? 0) + 1,
      ack: 1,
      seqFromSyn: true,
      ...(length > 0 ? { streamOffset: o.offset ?? 0 } : {}),
      window: 64,
      windowBytes: 65536,
      options: {},
      retransmission: false,
      zeroWindow: false,
      windowUpdate: false,
      connection: 1,
    },
    data: '',
    frame: toBase64(tcpFrame(n, length)),
    ...o,
  };
}

/** Ethernet + IPv4 + a 20-byte TCP header with `length` payload bytes (only the lengths and ports matter here). */
function tcpFrame(n: number, length: number): Uint8Array {
  const frame = new Uint8Array(14 + 20 + 20 + length);
  const view = new DataView(frame.buffer);
  view.setUint16(12, 0x0800);
  frame[14] = 0x45;
  view.setUint16(16, 40 + length);
  frame[23] = 6;
  frame.set([127, 0, 0, 1, 127, 0, 0, 1], 26);
  view.setUint16(34, 50000);
  view.setUint16(36, 65432);
  view.setUint32(38, n);
  frame[46] = 0x50;
  frame[47] = 0x10;
  return frame;
}

const entries = (...segments: WireSegment[]): WireEntry[] => segments.map((segment) => ({ epoch: 1, segment }));

describe('the store keeps captured segments', () => {
  it('in time order, at most MAX of them, counting what it dropped', () => {
    let view = applyWireBatch(emptyWireView(), { type: 'wire', segments: [seg(1, 1), seg(3, 3)], notShown: 0 }, 1, 3);
    // A restart of the capture may hand over an older one late.
    view = applyWireBatch(view, { type: 'wire', segments: [seg(2, 2), seg(4, 4)], notShown: 7 }, 1, 3);
    expect(view.entries.map((e) => e.segment.n)).toEqual([2, 3, 4]);
    expect(view.dropped).toBe(1);
    expect(view.notShown).toBe(7);
  });
});

describe('links between the reads and writes and the segments', () => {
  const wire = new Wire();
  const events: SocketEvent[] = [
    wire.opened(server),
    wire.opened(client),
    wire.opened(conn),
    { ...wire.send('s2', text('a'.repeat(10))), offset: 0 } as SocketEvent,
    { ...wire.send('s2', text('b'.repeat(10))), offset: 10 } as SocketEvent,
    { ...wire.recv('s3', text('a'.repeat(16))), offset: 0 } as SocketEvent,
    { ...wire.recv('s3', text('b'.repeat(4))), offset: 16 } as SocketEvent,
  ];
  const store = storeWith(events);
  const log = store.getState().log;
  // Nagle: the two writes went out in one segment of 20 bytes; a pure ACK came back.
  const wires = entries(
    seg(1, 1.3, { length: 20, flags: ['PSH', 'ACK'], offset: 0 }),
    seg(2, 1.35, { from: 's3', to: 's2' }),
  );
  const entry = (seq: number) => findLogEntry(log, '1:s2', seq) ?? findLogEntry(log, '1:s3', seq);

  it('links each write and each read to the segment that carried its bytes', () => {
    for (const seq of [4, 5, 6, 7]) {
      expect(segmentsForEvent(wires, log, entry(seq)!).map(segmentId)).toEqual(['1:1']);
    }
  });

  it('links a segment back to both writes and both reads', () => {
    expect(eventsForSegment(log, wires, wires[0]!)).toEqual(['1:s2#4', '1:s2#5', '1:s3#6', '1:s3#7']);
    expect(eventsForSegment(log, wires, wires[1]!)).toEqual([]);
  });

  it('interleaves the calls with the segments on one clock, and narrows to one connection', () => {
    const rows = wireRows(wires, log, { calls: true, socket: null });
    expect(rows.map((r) => (r.kind === 'segment' ? `#${r.entry.segment.n}` : r.log.event.type))).toEqual([
      'send',
      'send',
      '#1',
      '#2',
      'recv',
      'recv',
    ]);
    expect(wireRows(wires, log, { calls: false, socket: '1:s9' })).toEqual([]);
    expect(wireRows(wires, log, { calls: false, socket: '1:s3' })).toHaveLength(2);
  });

  it('pairs a cut UDP datagram with the whole datagram on the wire', () => {
    const udp = new Wire();
    const udpEvents: SocketEvent[] = [udp.datagramIn('s5', text('twenty b'), 12)];
    const udpLog = storeWith(udpEvents).getState().log;
    const datagram = seg(1, 0.25, {
      transport: 'udp',
      tcp: undefined,
      from: undefined,
      to: 's5',
      length: 20,
      src: { address: '127.0.0.1', port: 50000 },
    });
    const found = segmentsForEvent(entries(datagram), udpLog, findLogEntry(udpLog, '1:s5', 1)!);
    expect(found.map((e) => e.segment.length)).toEqual([20]);
  });
});

describe('the capture in a saved session', () => {
  it('is exported with the session and replayed up to the timeline’s point', () => {
    const recorder = new SessionRecorder();
    recorder.welcome(welcome);
    const wire = new Wire();
    const events = [wire.opened(server), wire.opened(client), wire.send('s2', text('hola'))];
    recorder.batch({ type: 'events', events, folded: 0, counters: {} });
    recorder.wire({
      type: 'wire-status',
      state: 'capturing',
      platform: 'linux',
      segmentsPerSecond: 1000,
      capture: { tool: 'tcpdump', interface: 'lo', filter: 'tcp port 1', snaplen: 200, linkType: 1 },
    });
    recorder.wire({
      type: 'wire',
      segments: [seg(1, 0.1, { flags: ['SYN'] }), seg(2, 0.6, { length: 4 })],
      notShown: 3,
    });
    const file = recorder.export(storeWith(events).getState());
    expect(file.wire).toMatchObject({ linkType: 1, snaplen: 200, notShown: 3 });
    const replay = new Replay(file);
    expect(replay.stateAt(1).wire.entries.map((e) => e.segment.n)).toEqual([1]);
    expect(replay.stateAt(replay.length).wire.entries.map((e) => e.segment.n)).toEqual([1, 2]);
  });

  it('exports a .pcap that a pcap reader reads back, packet for packet', () => {
    const wires = entries(seg(1, 1.5), seg(2, 2.25, { length: 5 }));
    const parser = new PcapStreamParser();
    const records = parser.push(pcapBytes(wires, { linkType: 1, snaplen: 200 }));
    expect(parser.header).toMatchObject({ linkType: 1, snaplen: 200 });
    expect(records.map((r) => recordTimeUs(r, parser.header!))).toEqual(wires.map((w) => w.segment.timeUs));
    const decoded = records.map((r) => decodePacket(1, r.data));
    expect(decoded.map((p) => (p?.protocol === 'tcp' ? [p.tcp.seq, p.tcp.payloadLength] : null))).toEqual([
      [1, 0],
      [2, 5],
    ]);
  });
});
