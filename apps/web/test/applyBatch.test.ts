import { describe, expect, it } from 'vitest';
import { logSize } from '../src/store/appendLog.ts';
import { applyBatch } from '../src/store/applyBatch.ts';
import { applyStatus, applyWelcome } from '../src/store/applyConnection.ts';
import { initialData, type PlaygroundData } from '../src/store/state.ts';
import { toArray } from './support/logs.ts';
import { welcome } from './support/render.tsx';
import { batch, client, conn, endpoint, server, text, Wire } from './support/wire.ts';

const MESSAGE = text('hola mundo, this is a message longer than sixteen bytes\n');

function connected(): PlaygroundData {
  return applyWelcome(initialData(), welcome);
}

/** The server side of the seed: the accepted connection reads the 56-byte message with recv(16). */
function echoRound(wire: Wire) {
  const events = [wire.opened(server), wire.opened(client), wire.opened(conn), wire.send('s2', MESSAGE)];
  for (let i = 0; i < MESSAGE.length; i += 16) events.push(wire.recv('s3', MESSAGE.subarray(i, i + 16)));
  return events;
}

describe('applyBatch', () => {
  it('nests accepted connections under their server and keeps creation order', () => {
    const wire = new Wire();
    const state = applyBatch(connected(), batch([wire.opened(server), wire.opened(client), wire.opened(conn)]));
    expect(state.order).toEqual(['1:s1', '1:s2', '1:s3']);
    expect(state.sockets['1:s1']?.children).toEqual(['1:s3']);
    expect(state.sockets['1:s1']?.state).toBe('listening');
    expect(state.sockets['1:s2']?.state).toBe('connecting');
  });

  it('records every recv piece with its offset, length, readNo and seq', () => {
    const wire = new Wire();
    const state = applyBatch(connected(), batch(echoRound(wire)));
    const received = state.sockets['1:s3']?.received;
    expect(received?.end).toBe(56);
    expect(toArray(received!.pieces).map((p) => [p.no, p.offset, p.length, p.callNo])).toEqual([
      [1, 0, 16, 1],
      [2, 16, 16, 2],
      [3, 32, 16, 3],
      [4, 48, 8, 4],
    ]);
    const seqs = toArray(received!.pieces).map((p) => p.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new TextDecoder().decode(received!.bytes.subarray(0, 56))).toBe(new TextDecoder().decode(MESSAGE));
    expect(toArray(state.sockets['1:s2']!.sent.pieces)).toHaveLength(1);
  });

  it('takes counters from the batch as they are, even when events were folded', () => {
    const wire = new Wire();
    const first = applyBatch(connected(), batch(echoRound(wire)));
    const counters = { bytesIn: 5000, bytesOut: 56, reads: 400, writes: 1 };
    const state = applyBatch(first, batch([], { s3: counters }, 37));
    expect(state.sockets['1:s3']?.counters).toEqual(counters);
    expect(state.folded).toBe(37);
    // A socket whose counters did not change keeps its identity, so its card does not re-render.
    expect(state.sockets['1:s2']).toBe(first.sockets['1:s2']);
  });

  it('keeps only the last bytes of a direction, and the pieces that still have bytes there', () => {
    const wire = new Wire();
    let state = applyBatch(connected(), batch([wire.opened(conn)]));
    const chunk = new Uint8Array(1000).fill(0x61);
    const limits = { bytesPerDirection: 2500, logEvents: 100 };
    for (let i = 0; i < 5; i++) state = applyBatch(state, batch([wire.recv('s3', chunk)]), limits);
    const received = state.sockets['1:s3']!.received;
    expect(received.end - received.start).toBe(2500);
    expect(received.start).toBe(2500);
    const pieces = toArray(received.pieces);
    // Piece #3 (offsets 2000..3000) is cut by the window but still has bytes in it.
    expect(pieces.map((p) => p.no)).toEqual([3, 4, 5]);
    expect(received.bytes.length).toBeLessThanOrEqual(2 * 2500);
  });

  it('notes on a piece how many calls before it were folded away', () => {
    const wire = new Wire();
    const reads = [1, 2, 3, 4, 5].map(() => wire.recv('s3', text('ab')));
    const state = applyBatch(connected(), batch([wire.opened(conn), reads[0]!, reads[3]!, reads[4]!], {}, 2));
    const pieces = toArray(state.sockets['1:s3']!.received.pieces);
    expect(pieces.map((p) => [p.no, p.callNo, p.offset, p.skipped])).toEqual([
      [1, 1, 0, 0],
      [2, 4, 2, 2],
      [3, 5, 4, 0],
    ]);
  });

  it('bounds the event log as a ring', () => {
    const wire = new Wire();
    let state = applyBatch(connected(), batch([wire.opened(conn)]));
    const limits = { bytesPerDirection: 1024, logEvents: 50 };
    for (let i = 0; i < 30; i++) {
      state = applyBatch(state, batch([wire.recv('s3', text('ab')), wire.recv('s3', text('cd'))]), limits);
    }
    expect(logSize(state.log)).toBe(50);
    expect(state.log.dropped).toBe(11);
    expect(toArray(state.log).at(-1)?.event.seq).toBe(61);
  });

  it('logs data events with a Python-style preview and no raw payload', () => {
    const wire = new Wire();
    const state = applyBatch(connected(), batch([wire.opened(conn), wire.recv('s3', text('hola\x00'))]));
    const entry = toArray(state.log)[1];
    expect(entry?.preview).toBe("b'hola\\x00'");
    expect(entry?.event).not.toHaveProperty('data');
  });

  it('follows FIN, state, accept-before-open and close', () => {
    const wire = new Wire();
    const events = [
      wire.opened(server),
      wire.event('accept', 's1', 'tcp-server', { connId: 's3', remote: endpoint('127.0.0.1', 51234) }),
      wire.event('fin-received', 's3', 'tcp-conn', {}),
    ];
    let state = applyBatch(connected(), batch(events));
    expect(state.sockets['1:s1']?.children).toEqual(['1:s3']);
    expect(state.sockets['1:s3']?.state).toBe('fin-received');
    expect(state.sockets['1:s3']?.finReceived).toBe(true);
    state = applyBatch(state, batch([wire.opened(conn), wire.event('closed', 's3', 'tcp-conn', { hadError: false })]));
    expect(state.sockets['1:s3']?.state).toBe('closed');
    expect(state.sockets['1:s3']?.info.remote?.port).toBe(51234);
    expect(state.sockets['1:s1']?.children).toEqual(['1:s3']);
  });

  it('marks the sockets of a dropped session closed and keys the next session apart', () => {
    const wire = new Wire();
    let state = applyBatch(connected(), batch([wire.opened(server), wire.opened(client)]));
    state = applyStatus(state, { status: 'reconnecting', retryAt: Date.now() + 1000 });
    expect(state.sessionLost).toEqual({ closed: 2 });
    expect(state.sockets['1:s1']).toMatchObject({ state: 'closed', stale: true });
    state = applyWelcome(state, { ...welcome, sessionId: 'second' });
    state = applyBatch(state, batch([new Wire().opened(server)]));
    expect(state.order).toEqual(['1:s1', '1:s2', '2:s1']);
    expect(state.sockets['2:s1']).toMatchObject({ state: 'listening', stale: false });
    expect(logSize(state.log)).toBe(3);
  });
});
