import { createServer } from 'node:net';
import { PROTOCOL_VERSION } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

describe('a session over a real WebSocket', () => {
  const pg = usePlaygrounds();

  it('runs the TCP echo story: 16-byte pieces at the server, the echo back, FIN to closed', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    expect(c.welcome?.protocolVersion).toBe(PROTOCOL_VERSION);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    expect(server.local?.port).toBeGreaterThan(0);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port })).socket!;
    const sent = await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: MESSAGE } });
    expect(sent.bytes).toBe(MESSAGE.length);

    await c.waitFor(
      () => c.eventsOf(client.id, 'recv').reduce((n, e) => n + e.size, 0) === MESSAGE.length,
      5000,
      'echo',
    );
    const conn = c.events.find((e) => e.type === 'accept' && e.socketId === server.id);
    if (conn?.type !== 'accept') throw new Error('no accept event');
    const pieces = c.eventsOf(conn.connId, 'recv');
    expect(pieces.every((e) => e.size <= 16)).toBe(true);
    expect(Buffer.concat(pieces.map((e) => Buffer.from(e.data, 'base64'))).toString()).toBe(MESSAGE);

    await c.ok({ type: 'tcp.end', socketId: client.id });
    await c.waitFor(
      () => c.eventsOf(client.id, 'closed').length === 1 && c.eventsOf(conn.connId, 'closed').length === 1,
      5000,
      'both sides closed',
    );
    expect(c.eventsOf(conn.connId, 'fin-received')).toHaveLength(1);
    expect(c.eventsOf(client.id, 'fin-sent')).toHaveLength(1);
    const seqs = c.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const last = c.batches.findLast((b) => client.id in b.counters);
    expect(last?.counters[client.id]).toMatchObject({ bytesOut: MESSAGE.length, bytesIn: MESSAGE.length });
  });

  it('answers malformed commands with typed errors and keeps working', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    c.sendRaw('{not json');
    expect(await c.nextReply()).toMatchObject({ ok: false, re: null, error: { code: 'bad_json' } });
    c.sendRaw(JSON.stringify({ id: 7, type: 'tcp.listen', host: '127.0.0.1', port: 'eighty' }));
    expect(await c.nextReply()).toMatchObject({ ok: false, re: 7, error: { code: 'bad_command' } });
    c.sendRaw(JSON.stringify({ id: 8, type: 'launch.rockets' }));
    expect(await c.nextReply()).toMatchObject({ ok: false, re: 8, error: { code: 'bad_command' } });
    const r = await c.request({ type: 'socket.send', socketId: 's999', data: { encoding: 'text', value: 'x' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_socket' } });
    const bad = await c.request({ type: 'socket.send', socketId: 's1', data: { encoding: 'hex', value: 'zz' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_payload' } });
    const ok = await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 });
    expect(ok.socket?.kind).toBe('tcp-server');
  });

  it('applies the target policy: loopback only, no privileged ports, never the bridge itself', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const far = await c.request({ type: 'tcp.connect', host: '192.0.2.10', port: 8080 });
    expect(far).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const low = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: 22 });
    expect(low).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { port: 22 } } });
    const self = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port: p.port });
    expect(self).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const lowListen = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port: 80 });
    expect(lowListen).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const named = await c.request({ type: 'tcp.listen', host: '10.1.2.3', port: 0 });
    expect(named).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('reports OS errors in plain words: refused and address in use', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const inUse = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port });
      expect(inUse).toMatchObject({ ok: false, error: { code: 'EADDRINUSE' } });
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
    const refused = await c.request({ type: 'tcp.connect', host: '127.0.0.1', port });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ECONNREFUSED' } });
    if (!refused.ok) expect(refused.error.message.length).toBeGreaterThan(20);
  });

  it('closes every socket of a session when its WebSocket goes away, and other sessions are untouched', async () => {
    const p = await pg.start();
    const a = await pg.client(p);
    const b = await pg.client(p);
    const serverA = (await a.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const serverB = (await b.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    await a.close();
    await b.waitFor(() => p.sessionCount() === 1, 3000, 'session A gone');
    const deadline = Date.now() + 3000;
    let reply = await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: serverA.local!.port });
    while (reply.ok && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      reply = await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: serverA.local!.port });
    }
    expect(reply).toMatchObject({ ok: false, error: { code: 'ECONNREFUSED' } });
    const alive = await b.request({ type: 'tcp.connect', host: '127.0.0.1', port: serverB.local!.port });
    expect(alive.ok).toBe(true);
  });

  it('runs the UDP story: datagrams with their source, and truncation with the lost byte count', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, recvSize: 8, behaviour: 'echo' })).socket!;
    const client = (
      await c.ok({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        remote: { host: '127.0.0.1', port: echo.local!.port },
      })
    ).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'twenty bytes of text' } });
    await c.waitFor(() => c.eventsOf(client.id, 'datagram-in').length === 1, 5000, 'echoed datagram');
    const [arrived] = c.eventsOf(echo.id, 'datagram-in');
    expect(arrived).toMatchObject({ size: 8, lost: 12, from: { address: '127.0.0.1', port: client.local!.port } });
    expect(c.eventsOf(client.id, 'datagram-in')[0]).toMatchObject({ size: 8, lost: 0 });
  });
});
