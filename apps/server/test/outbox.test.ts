import type { EngineEvent } from '@playground/engine';
import type { EventBatch, Reply } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/config.ts';
import { Outbox } from '../src/session/outbox.ts';
import { ManualClock } from '../testing/index.ts';

let seq = 0;
function recv(socketId: string, size: number): EngineEvent {
  seq++;
  return { seq, t: seq, socketId, kind: 'tcp-conn', type: 'recv', data: new Uint8Array(size).fill(65), readNo: seq };
}
function send(socketId: string, size: number): EngineEvent {
  seq++;
  return { seq, t: seq, socketId, kind: 'tcp-conn', type: 'send', data: new Uint8Array(size).fill(66), writeNo: seq };
}
function state(socketId: string): EngineEvent {
  seq++;
  return { seq, t: seq, socketId, kind: 'tcp-conn', type: 'state', state: 'established' };
}

function harness(overrides: Partial<ReturnType<typeof defaultConfig>['outbox']> = {}, buffered = () => 0) {
  const batches: EventBatch[] = [];
  /** What reached the page, message by message: each batch's events (by count) and replies (by id). */
  const wire: string[] = [];
  const config = { ...defaultConfig().outbox, ...overrides };
  // Frames and lingers are on a clock that moves only when a test says; loop turns (ticks) stay real.
  const clock = new ManualClock();
  const outbox = new Outbox(
    {
      send: (b) => {
        batches.push(b);
        wire.push(`events ${b.events.length}${(b.replies ?? []).map((r) => `, reply ${r.re}`).join('')}`);
      },
      bufferedAmount: buffered,
    },
    config,
    4,
    clock,
  );
  return { outbox, batches, wire, clock };
}

const ok = (re: number): Reply => ({ type: 'reply', re, ok: true, result: {} });

const tick = () => new Promise((r) => setImmediate(r));

describe('outbox', () => {
  it('sends a reply with the events before it and what follows a loop turn later, in one message', async () => {
    const { outbox, batches, wire } = harness({ flushIntervalMs: 1000 });
    outbox.push(recv('s1', 3));
    outbox.reply(ok(1));
    await tick();
    outbox.push(recv('s2', 3));
    outbox.push(recv('s2', 3));
    await tick();
    await tick();
    expect(wire).toEqual(['events 3, reply 1']);
    expect(batches[0]?.events.map((e) => e.socketId)).toEqual(['s1', 's2', 's2']);
  });

  it('keeps a reply for the echo of a peer that takes longer than a loop turn, within the linger', async () => {
    const { outbox, wire, clock } = harness({ flushIntervalMs: 1000, replyLingerMs: 200 });
    outbox.push(recv('s1', 3));
    outbox.reply(ok(1));
    await tick();
    clock.advance(199);
    await tick();
    expect(wire).toEqual([]);
    outbox.push(recv('s1', 3));
    await tick();
    await tick();
    expect(wire).toEqual(['events 2, reply 1']);
  });

  it('sends a reply that nothing follows once the linger is over', async () => {
    const { outbox, wire, clock } = harness({ flushIntervalMs: 1000, replyLingerMs: 5 });
    outbox.reply(ok(1));
    await tick();
    await tick();
    clock.advance(4);
    expect(wire).toEqual([]);
    clock.advance(1);
    expect(wire).toEqual(['events 0, reply 1']);
  });

  it('does not keep a reply for a frame when a burst after it waits for one', async () => {
    const { outbox, wire } = harness({ flushIntervalMs: 1000, replyLingerMs: 5 });
    outbox.push(recv('s1', 1));
    outbox.reply(ok(1));
    for (let i = 0; i < 40; i++) outbox.push(recv('s1', 1));
    await tick();
    await tick();
    expect(wire).toEqual(['events 41, reply 1']);
  });

  it('waits a loop turn for the answer to bytes that went out, not for bytes that only came in', async () => {
    const { outbox, wire } = harness({ flushIntervalMs: 1000 });
    outbox.flush();
    outbox.push(recv('s1', 3));
    await tick();
    expect(wire).toEqual(['events 1']);
    outbox.push(recv('s2', 3));
    outbox.push(send('s2', 3));
    await tick();
    expect(wire).toEqual(['events 1']);
    outbox.push(recv('s3', 3));
    await tick();
    expect(wire).toEqual(['events 1', 'events 3']);
  });

  it('sends a lone event on the next tick, not a frame later', async () => {
    const { outbox, batches } = harness({ flushIntervalMs: 1000 });
    outbox.push(recv('s1', 3));
    await tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.events).toHaveLength(1);
  });

  it('coalesces a burst into one batch and caps previews, with exact sizes', async () => {
    const { outbox, batches } = harness();
    for (let i = 0; i < 10; i++) outbox.push(recv('s1', 10));
    outbox.flush();
    const events = batches.flatMap((b) => b.events);
    expect(events).toHaveLength(10);
    const first = events[0];
    if (first?.type !== 'recv') throw new Error('expected recv');
    expect(first.size).toBe(10);
    expect(Buffer.from(first.data, 'base64')).toHaveLength(4);
  });

  it('shortens previews beyond the full-preview rate, keeping sizes and counters exact', () => {
    const { outbox, batches } = harness({
      fullPreviewBytesPerSecond: 4,
      fullPreviewBurstBytes: 8,
      floodPreviewBytes: 2,
    });
    for (let i = 0; i < 5; i++) outbox.push(recv('s1', 10));
    outbox.flush();
    const events = batches.flatMap((b) => b.events);
    const shown = events.map((e) => (e.type === 'recv' ? Buffer.from(e.data, 'base64').length : -1));
    // The burst holds two full (4-byte) previews; the rest are short ones.
    expect(shown).toEqual([4, 4, 2, 2, 2]);
    expect(events.every((e) => e.type === 'recv' && e.size === 10)).toBe(true);
    expect(batches.at(-1)?.counters.s1).toEqual({ bytesIn: 50, bytesOut: 0, reads: 5, writes: 0 });
  });

  it('folds byte events beyond the budget but never state events, and keeps counters exact', () => {
    const { outbox, batches } = harness({ maxEventsPerFlush: 5 });
    for (let i = 0; i < 100; i++) outbox.push(recv('s1', 7));
    outbox.push(state('s1'));
    outbox.flush();
    const [batch] = batches;
    expect(batch?.events).toHaveLength(6);
    expect(batch?.events.at(-1)?.type).toBe('state');
    expect(batch?.folded).toBe(95);
    expect(batch?.counters.s1).toEqual({ bytesIn: 700, bytesOut: 0, reads: 100, writes: 0 });
  });

  it('gives each TCP recv its stream offset, exact after folded events too', () => {
    const { outbox, batches } = harness({ maxEventsPerFlush: 2 });
    for (let i = 0; i < 4; i++) outbox.push(recv('s1', 7));
    outbox.flush();
    outbox.push(recv('s1', 3));
    outbox.flush();
    const offsets = batches.flatMap((b) => b.events.map((e) => (e.type === 'recv' ? e.offset : undefined)));
    expect(offsets).toEqual([0, 7, 28]);
  });

  it('holds batches while the browser is behind, counts what waits, and sends it once the browser caught up', async () => {
    let buffered = 10_000_000;
    const { outbox, batches, clock } = harness(
      { flushIntervalMs: 5, highWaterBytes: 1000, lowWaterBytes: 100 },
      () => buffered,
    );
    outbox.flush();
    outbox.push(recv('s1', 3));
    outbox.push(state('s1'));
    expect(outbox.queuedBytes).toBeGreaterThanOrEqual(2 * 100 + 4);
    await tick();
    await tick();
    clock.advance(30);
    expect(batches).toHaveLength(0);
    buffered = 0;
    clock.advance(5);
    expect(batches.map((b) => b.events.length)).toEqual([2]);
    expect(outbox.queuedBytes).toBe(0);
    outbox.close();
  });
});
