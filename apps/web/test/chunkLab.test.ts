import { encodeJsonFrame, seed002ChunkCount, seed002PaddedLength } from '@playground/codec';
import { describe, expect, it } from 'vitest';
import { choiceOf, configOf } from '../src/features/framing/framingChoice.ts';
import { FrameTracker } from '../src/features/framing/model/frameTracker.ts';
import { positionOf, SEED_SIZES, SLIDER_STEPS, sizeAt } from '../src/features/lab/recvScale.ts';
import { plannedWrites, sendExtras } from '../src/features/lab/sendPlan.ts';
import { findPeer, layoutRibbonRow, ribbonSource } from '../src/features/ribbon/ribbonModel.ts';
import { fieldNames, formatValue, parseFieldInput } from '../src/features/struct/structValues.ts';
import { appendPiece, EMPTY_BYTES } from '../src/store/byteLog.ts';
import { storeWith } from './support/render.tsx';
import { client, conn, server, text, Wire } from './support/wire.ts';

/** A client and the connection it talks to, with three writes that arrived as one read. */
function coalesced() {
  const wire = new Wire();
  return storeWith([
    ...wire.openedConnection(),
    wire.send('s2', text('uno ')),
    wire.send('s2', text('dos ')),
    wire.send('s2', text('tres')),
    wire.recv('s3', text('uno dos tres')),
  ]).getState();
}

describe('the byte ribbon model', () => {
  it('finds the peer by endpoints and colours each received byte by the write it came from', () => {
    const state = coalesced();
    const connEntry = state.sockets['1:s3']!;
    const peer = findPeer(state.sockets, connEntry);
    expect(peer?.info.id).toBe('s2');
    const cells = layoutRibbonRow(ribbonSource(connEntry, 'received', peer), 0, 32, new Set());
    expect(cells.map((c) => c.write)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(new Set(cells.map((c) => c.read))).toEqual(new Set([1]));
    expect(cells.filter((c) => c.readStart).map((c) => c.offset)).toEqual([0]);
    expect(new Set(cells.map((c) => c.colour)).size).toBe(3);
  });

  it('marks the peer’s reads on a socket’s sent bytes', () => {
    const state = coalesced();
    const clientEntry = state.sockets['1:s2']!;
    const source = ribbonSource(clientEntry, 'sent', findPeer(state.sockets, clientEntry));
    const cells = layoutRibbonRow(source, 0, 32, new Set([4]));
    expect(cells.map((c) => c.read)).toEqual(Array(12).fill(1));
    expect(cells[4]?.frameStart).toBe(true);
  });

  it('colours by read, and says nothing of writes, when the peer is outside the playground', () => {
    const wire = new Wire();
    const store = storeWith([
      wire.opened(server),
      wire.opened(conn),
      wire.recv('s3', text('0123456789abcdef')),
      wire.recv('s3', text('gh')),
    ]);
    const entry = store.getState().sockets['1:s3']!;
    expect(findPeer(store.getState().sockets, entry)).toBeNull();
    const source = ribbonSource(entry, 'received', null);
    expect(source.colouring).toBe('read');
    const cells = layoutRibbonRow(source, 0, 18, new Set());
    expect(cells.map((c) => c.write)).toEqual(Array(18).fill(undefined));
    expect(cells.filter((c) => c.readStart).map((c) => c.offset)).toEqual([0, 16]);
  });

  it('lines writes and reads up by stream offset even when a write reached the page only as a preview', () => {
    let sent = EMPTY_BYTES;
    sent = appendPiece(sent, text('abcd'), { callNo: 1, seq: 1, t: 0, size: 10 }, 1024);
    sent = appendPiece(sent, text('klmn'), { callNo: 2, seq: 2, t: 0, size: 4 }, 1024);
    let received = EMPTY_BYTES;
    received = appendPiece(received, text('abcdefghijklmn'), { callNo: 1, seq: 3, t: 0, size: 14 }, 1024);
    expect(sent.pieces.items.map((p) => p.stream)).toEqual([0, 10]);
    expect(sent.gaps).toBe(true);
    const source = { shown: received, writes: sent, reads: received, colouring: 'write' as const, peer: null };
    const cells = layoutRibbonRow(source, 0, 14, new Set());
    expect(cells.map((c) => c.write)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('marks the end of a datagram that recvfrom(N) cut', () => {
    const wire = new Wire();
    const udp = {
      id: 's4',
      kind: 'udp' as const,
      local: { address: '127.0.0.1', port: 9, family: 'IPv4' as const },
      recvSize: 4,
    };
    const store = storeWith([
      wire.opened(udp),
      wire.datagramIn('s4', text('abcd'), 6),
      wire.datagramIn('s4', text('x')),
    ]);
    const entry = store.getState().sockets['1:s4']!;
    const cells = layoutRibbonRow(ribbonSource(entry, 'received', null), 0, 8, new Set());
    expect(cells.map((c) => c.cut)).toEqual([0, 0, 0, 6, 0]);
    expect(cells.map((c) => c.write)).toEqual([1, 1, 1, 1, 2]);
  });
});

describe('the frame tracker', () => {
  it('decodes incrementally, piece by piece, to the same frames as at once', () => {
    const frame = encodeJsonFrame(seed002PaddedLength, { nombre: 'Margot' });
    const twice = new Uint8Array([...frame, ...frame]);
    let log = EMPTY_BYTES;
    const tracker = new FrameTracker(seed002PaddedLength, false, log);
    for (let at = 0, call = 1; at < twice.length; at += 16, call++) {
      const piece = twice.subarray(at, at + 16);
      log = appendPiece(log, piece, { callNo: call, seq: call, t: 0, size: piece.length }, 1024);
      const result = tracker.update(log);
      if (at === 16) expect(result.partial).toMatchObject({ have: 32, need: 64 });
    }
    const result = tracker.update(log);
    expect(result.frames.map((f) => f.frame.range)).toEqual([
      { start: 0, end: 64 },
      { start: 64, end: 128 },
    ]);
    expect(result.partial).toBeUndefined();
  });

  it('decodes every UDP datagram on its own', () => {
    let log = EMPTY_BYTES;
    const frame = encodeJsonFrame(seed002ChunkCount, 'hola');
    log = appendPiece(log, frame, { callNo: 1, seq: 1, t: 0, size: frame.length }, 1024);
    log = appendPiece(log, frame.subarray(0, 6), { callNo: 2, seq: 2, t: 0, size: 6 }, 1024);
    const result = new FrameTracker(seed002ChunkCount, true, log).update(log);
    expect(result.frames.map((f) => f.base)).toEqual([0]);
    expect(result.errors.map((e) => [e.code, e.base])).toEqual([['truncated', frame.length]]);
  });

  it('says when the stream’s beginning is gone', () => {
    let log = EMPTY_BYTES;
    log = appendPiece(log, new Uint8Array(40), { callNo: 1, seq: 1, t: 0, size: 40 }, 16);
    const result = new FrameTracker(seed002PaddedLength, false, log).update(log);
    expect(result.startMissing).toBe(true);
    expect(result.frames).toEqual([]);
  });
});

describe('framing choices', () => {
  it('recognises the seed 002 presets and keeps a custom framing of the same kind', () => {
    expect(choiceOf(seed002PaddedLength)).toBe('seed002-padded-length');
    expect(choiceOf({ kind: 'delimiter', delimiter: [0x7c], maxLength: 10 })).toBe('delimiter');
    const custom = { kind: 'delimiter' as const, delimiter: [0x3b], maxLength: 10 };
    expect(configOf('delimiter', custom)).toBe(custom);
    expect(configOf('seed002-chunk-count', custom)).toEqual(seed002ChunkCount);
  });
});

describe('send options', () => {
  const base = { mode: 'one' as const, chunkSize: '4', delayMs: '0', repeat: '1', framing: { kind: 'raw' as const } };

  it('sends one plain write without extra fields', () => {
    expect(sendExtras(base)).toEqual({ extras: {}, problem: null });
  });

  it('splits, repeats and frames, and counts the writes', () => {
    const { extras } = sendExtras({
      ...base,
      mode: 'split',
      chunkSize: '16',
      delayMs: '5',
      repeat: '2',
      framing: seed002PaddedLength,
    });
    expect(extras).toEqual({ framing: seed002PaddedLength, split: { chunkSize: 16, delayMs: 5, repeat: 2 } });
    expect(plannedWrites(text('"hola"'), extras)).toEqual({ bytes: 64, writes: 8 });
  });

  it('names the field out of range', () => {
    expect(sendExtras({ ...base, repeat: '1001' }).problem).toEqual({ field: 'repeat', min: 1, max: 1000 });
    expect(sendExtras({ ...base, mode: 'split', chunkSize: '0' }).problem).toMatchObject({ field: 'chunkSize' });
  });
});

describe('the recv() size slider', () => {
  it('is logarithmic from 1 to 65,536 and lands exactly on the seeds’ sizes', () => {
    expect(sizeAt(0)).toBe(1);
    expect(sizeAt(SLIDER_STEPS)).toBe(65_536);
    for (const size of SEED_SIZES) expect(sizeAt(positionOf(size))).toBe(size);
  });
});

describe('struct field inputs', () => {
  it('reads integers (also hex and 64-bit), floats and bytes the way pack takes them', () => {
    expect(parseFieldInput('i', '-7')).toBe(-7n);
    expect(parseFieldInput('Q', '0xffffffffffffffff')).toBe(0xffffffffffffffffn);
    expect(parseFieldInput('d', '1.5')).toBe(1.5);
    expect(parseFieldInput('f', 'inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseFieldInput('s', 'ab\\x00c')).toEqual(new Uint8Array([97, 98, 0, 99]));
    expect(() => parseFieldInput('i', '1.5')).toThrow(/not a whole number/);
  });

  it('prints values as Python does and names fields', () => {
    expect([
      formatValue(true),
      formatValue(new Uint8Array([104, 0])),
      formatValue(2n),
      formatValue(Number.NaN),
    ]).toEqual(['True', "b'h\\x00'", '2', 'nan']);
    expect(fieldNames('temp, hum', 3)).toEqual(['temp', 'hum', '#3']);
  });
});

describe('socket options in the store', () => {
  it('follows the no-delay and reading events', () => {
    const wire = new Wire();
    const store = storeWith([
      wire.opened(client),
      wire.event('no-delay', 's2', 'tcp-client', { noDelay: true }),
      wire.event('reading', 's2', 'tcp-client', { paused: true }),
    ]);
    expect(store.getState().sockets['1:s2']).toMatchObject({ noDelay: true, readingPaused: true });
  });
});
