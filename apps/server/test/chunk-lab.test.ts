import { encodeJsonFrame, seed002PaddedLength } from '@playground/codec';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config/config.ts';
import { usePlaygrounds } from '../testing/playground.ts';

const text = (value: string) => ({ encoding: 'text' as const, value });

describe('the chunk lab over the bridge', () => {
  const pg = usePlaygrounds();

  async function pair(behaviour: 'none' | 'framed-json' = 'none') {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    await c.waitFor(() => c.events.some((e) => e.type === 'accept'), 3000, 'the accept');
    const accept = c.events.find((e) => e.type === 'accept');
    if (accept?.type !== 'accept') throw new Error('no accept');
    return { c, server, client, connId: accept.connId };
  }

  it('splits a send into writes, repeated, and says how many bytes went', async () => {
    const { c, client, connId } = await pair();
    const result = await c.ok({
      type: 'socket.send',
      socketId: client.id,
      data: text('abcdef'),
      split: { chunkSize: 4, delayMs: 0, repeat: 2 },
    });
    expect(result.bytes).toBe(12);
    await c.waitFor(() => c.eventsOf(client.id, 'send').length === 4, 3000, 'four writes');
    expect(c.eventsOf(client.id, 'send').map((e) => e.size)).toEqual([4, 2, 4, 2]);
    await c.waitFor(
      () => c.eventsOf(connId, 'recv').reduce((n, e) => n + e.size, 0) === 12,
      3000,
      'the bytes at the server',
    );
  });

  it('frames the message before sending, and the framed-json server answers in kind', async () => {
    const { c, client } = await pair('framed-json');
    const result = await c.ok({
      type: 'socket.send',
      socketId: client.id,
      data: text('"hola"'),
      framing: seed002PaddedLength,
    });
    expect(result.bytes).toBe(64);
    const expected = encodeJsonFrame(seed002PaddedLength, 'Respuesta asociada al mensaje hola');
    await c.waitFor(
      () => c.eventsOf(client.id, 'recv').reduce((n, e) => n + e.size, 0) === expected.length,
      3000,
      'the answer',
    );
    const got = Buffer.concat(c.eventsOf(client.id, 'recv').map((e) => Buffer.from(e.data, 'base64')));
    expect(got).toEqual(Buffer.from(expected));
  });

  it('explains a message the framing cannot carry, and sends nothing', async () => {
    const { c, client } = await pair();
    const reply = await c.request({
      type: 'socket.send',
      socketId: client.id,
      data: text('a\nb'),
      framing: { kind: 'delimiter', delimiter: [10], maxLength: 100 },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_payload', message: expect.stringMatching(/delimiter/) },
    });
    expect(c.eventsOf(client.id, 'send')).toEqual([]);
  });

  it('bounds a split send: the total under the message quota, the writes and the time', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxMessageBytes: 100 } });
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'none' })).socket!;
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    const send = (split: object, value = 'x'.repeat(30)) =>
      c.request({ type: 'socket.send', socketId: client.id, data: text(value), split } as never);
    expect(await send({ repeat: 4 })).toMatchObject({
      ok: false,
      error: { code: 'quota', params: { limit: 'maxMessageBytes', max: 100, size: 120 } },
    });
    expect(await send({ chunkSize: 1, delayMs: 5000, repeat: 3 })).toMatchObject({
      ok: false,
      error: { code: 'bad_command', message: expect.stringMatching(/at most 60000 ms/) },
    });
    expect(await send({ repeat: 1001 })).toMatchObject({ ok: false, error: { code: 'bad_command' } });
    expect(c.eventsOf(client.id, 'send')).toEqual([]);
  });

  it('sets TCP_NODELAY and pauses reading, each reported as an event', async () => {
    const { c, client, connId } = await pair();
    await c.ok({ type: 'socket.setNoDelay', socketId: client.id, noDelay: true });
    await c.ok({ type: 'socket.pauseReading', socketId: connId, paused: true });
    await c.ok({ type: 'socket.send', socketId: client.id, data: text('uno-dos-tres'), split: { chunkSize: 4 } });
    await new Promise((r) => setTimeout(r, 50));
    expect(c.eventsOf(connId, 'recv')).toEqual([]);
    await c.ok({ type: 'socket.pauseReading', socketId: connId, paused: false });
    await c.waitFor(() => c.eventsOf(connId, 'recv').length === 1, 3000, 'one read');
    expect(c.eventsOf(connId, 'recv')[0]!.size).toBe(12);
    await c.waitFor(() => c.eventsOf(client.id, 'no-delay').length === 1, 3000, 'the no-delay event');
    expect(c.eventsOf(connId, 'reading').map((e) => e.paused)).toEqual([true, false]);
  });
});
