import { describe, expect, it } from 'vitest';
import { splitWrites } from '../src/split-send.ts';
import { sleep, tcpPair, text, until, useEngines } from './helpers.ts';

const engines = useEngines();
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('how writes become reads', () => {
  it('cuts every repetition of a message into writes of K bytes', () => {
    const writes = splitWrites(text('abcdefghij'), { chunkSize: 4, repeat: 2 });
    expect(writes.map(decode)).toEqual(['abcd', 'efgh', 'ij', 'abcd', 'efgh', 'ij']);
    expect(splitWrites(text('abc'), {}).map(decode)).toEqual(['abc']);
  });

  it('three quick writes to a reader that is not calling recv() arrive as one read (coalesced)', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'none' });
    engine.setReadingPaused(connId, true);
    expect(await engine.send(client.id, text('uno-dos-tres'), undefined, { chunkSize: 4 })).toBe(12);
    expect(rec.of(client.id, 'send').map((e) => decode(e.data))).toEqual(['uno-', 'dos-', 'tres']);
    await sleep(50);
    expect(rec.of(connId, 'recv')).toEqual([]);
    engine.setReadingPaused(connId, false);
    await until(() => rec.bytes(connId, 'recv').length === 12, 'the read');
    expect(rec.of(connId, 'recv').map((e) => decode(e.data))).toEqual(['uno-dos-tres']);
    expect(rec.of(connId, 'reading').map((e) => e.paused)).toEqual([true, false]);
  });

  it('one long write read with recv(16) arrives as several reads (split)', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'none', recvSize: 16 });
    await engine.send(client.id, text('hola mundo, this is a message longer than sixteen bytes'));
    await until(() => rec.bytes(connId, 'recv').length === 55, 'the reads');
    expect(rec.of(connId, 'recv').map((e) => e.data.length)).toEqual([16, 16, 16, 7]);
  });

  it('spaces writes D ms apart and repeats the message R times', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { behaviour: 'none' });
    const started = Date.now();
    await engine.send(client.id, text('ab'), undefined, { delayMs: 40, repeat: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    const sends = rec.of(client.id, 'send');
    expect(sends.map((e) => decode(e.data))).toEqual(['ab', 'ab', 'ab']);
    expect(sends[2]!.t - sends[0]!.t).toBeGreaterThanOrEqual(70);
    // 40 ms apart, each write has long arrived before the next: one read each.
    await until(() => rec.bytes(connId, 'recv').length === 6, 'the reads');
    expect(rec.of(connId, 'recv')).toHaveLength(3);
  });

  it('stops a split send when the socket closes, saying how far it got', async () => {
    const { engine, rec } = engines();
    const { client } = await tcpPair(engine, rec, { behaviour: 'none' });
    const sending = engine.send(client.id, text('abcdef'), undefined, { chunkSize: 1, delayMs: 30 });
    await rec.next(client.id, 'send');
    await engine.close(client.id);
    await expect(sending).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/of 6 writes/),
    });
  });

  it('turns Nagle off and on with setNoDelay, as an event', async () => {
    const { engine, rec } = engines();
    const { client, server } = await tcpPair(engine, rec);
    engine.setNoDelay(client.id, true);
    engine.setNoDelay(client.id, false);
    expect(rec.of(client.id, 'no-delay').map((e) => e.noDelay)).toEqual([true, false]);
    expect(() => engine.setNoDelay(server.id, true)).toThrow(expect.objectContaining({ code: 'wrong_socket_kind' }));
  });
});

describe('UDP keeps datagram boundaries', () => {
  it('three datagrams sent in a burst to a paused reader still arrive as three reads, never merged', async () => {
    const { engine, rec } = engines();
    const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'none' });
    const client = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: server.local!.port },
    });
    engine.setReadingPaused(server.id, true);
    await engine.send(client.id, text('uno-dos-tres'), undefined, { chunkSize: 4 });
    await sleep(50);
    expect(rec.of(server.id, 'datagram-in')).toEqual([]);
    engine.setReadingPaused(server.id, false);
    expect(rec.of(server.id, 'datagram-in').map((e) => decode(e.data))).toEqual(['uno-', 'dos-', 'tres']);
    expect(() => engine.setNoDelay(server.id, true)).toThrow(expect.objectContaining({ code: 'wrong_socket_kind' }));
  });

  it('a datagram larger than recv(N) arrives truncated, whole otherwise', async () => {
    const { engine, rec } = engines();
    const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'none', recvSize: 4 });
    const client = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: server.local!.port },
    });
    await engine.send(client.id, text('abcdefghij'), undefined, { chunkSize: 6 });
    await until(() => rec.of(server.id, 'datagram-in').length === 2, 'two datagrams');
    expect(rec.of(server.id, 'datagram-in').map((e) => [decode(e.data), e.lost])).toEqual([
      ['abcd', 2],
      ['ghij', 0],
    ]);
  });
});
