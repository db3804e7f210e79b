import { once } from 'node:events';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { MESSAGE, sleep, tcpPair, text, until, useEngines, withTimeout } from './helpers.ts';

const engines = useEngines();

function hasIpv6(): Promise<boolean> {
  const probe = net.createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

describe('TCP echo', () => {
  it('echoes a message back with the documented event order and exact counters', async () => {
    const { engine, rec } = engines();
    const { server, client, connId } = await tcpPair(engine, rec);
    expect(server.local?.port).toBeGreaterThan(0);
    expect(server).toMatchObject({ kind: 'tcp-server', behaviour: 'echo', recvSize: 1024, backlog: 128 });

    expect(await engine.send(client.id, text('ping'))).toBe(4);
    await until(() => rec.bytes(client.id, 'recv').length === 4, 'the echo');
    expect(rec.bytes(client.id, 'recv').toString()).toBe('ping');

    expect(rec.types(server.id)).toEqual(['opened', 'listening', 'state:listening', 'accept']);
    expect(rec.types(client.id)).toEqual([
      'opened',
      'state:connecting',
      'connected',
      'state:established',
      'send',
      'recv',
    ]);
    expect(rec.types(connId)).toEqual(['opened', 'state:established', 'recv', 'send']);

    const [opened] = rec.of(connId, 'opened');
    expect(opened?.socket).toMatchObject({ kind: 'tcp-conn', parentId: server.id, recvSize: 1024, behaviour: 'echo' });
    const [accept] = rec.of(server.id, 'accept');
    expect(accept?.seq).toBeGreaterThan(rec.of(connId, 'state')[0]!.seq);
    const [connected] = rec.of(client.id, 'connected');
    expect(accept?.remote).toEqual(connected?.local);
    expect(connected?.remote).toEqual(server.local);

    const exact = { bytesIn: 4, bytesOut: 4, reads: 1, writes: 1 };
    expect(engine.counters(client.id)).toEqual(exact);
    expect(engine.counters(connId)).toEqual(exact);
  });

  it('hands a 55-byte message to a recv(16) server in pieces of at most 16 bytes, echoed one write each', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { recvSize: 16 });
    expect(MESSAGE.length).toBe(55);

    await engine.send(client.id, text(MESSAGE));
    await until(() => rec.bytes(client.id, 'recv').length === 55, 'the whole echo');

    const pieces = rec.of(connId, 'recv');
    const sizes = pieces.map((e) => e.data.length);
    expect(rec.bytes(connId, 'recv').toString()).toBe(MESSAGE);
    expect(sizes.every((n) => n >= 1 && n <= 16)).toBe(true);
    expect(pieces.map((e) => e.readNo)).toEqual(sizes.map((_, i) => i + 1));
    // One write reaches a loopback peer as one chunk in practice; only then are the sizes fixed.
    if (sizes.length === 4) expect(sizes).toEqual([16, 16, 16, 7]);
    expect(rec.of(connId, 'send').map((e) => e.data.length)).toEqual(sizes);
    expect(rec.bytes(client.id, 'recv').toString()).toBe(MESSAGE);
    expect(engine.counters(connId)).toEqual({ bytesIn: 55, bytesOut: 55, reads: sizes.length, writes: sizes.length });
  });

  it('half-close: the echo server reads FIN, ends too, and both sides close cleanly', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { recvSize: 16 });

    await engine.send(client.id, text(MESSAGE));
    engine.end(client.id);
    expect(() => engine.end(client.id)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    await rec.next(client.id, 'closed');
    await rec.next(connId, 'closed');

    expect(rec.types(connId).filter((t) => t !== 'recv' && t !== 'send')).toEqual([
      'opened',
      'state:established',
      'fin-received',
      'state:fin-received',
      'fin-sent',
      'state:closed',
      'closed',
    ]);
    expect(rec.types(client.id).filter((t) => t !== 'recv')).toEqual([
      'opened',
      'state:connecting',
      'connected',
      'state:established',
      'send',
      'fin-sent',
      'state:fin-sent',
      'fin-received',
      'state:closed',
      'closed',
    ]);
    // The peer may still send after our FIN: the whole echo arrives before its FIN.
    expect(rec.bytes(client.id, 'recv').toString()).toBe(MESSAGE);
    const lastRecv = rec.of(client.id, 'recv').at(-1)!;
    expect(lastRecv.seq).toBeLessThan(rec.of(client.id, 'fin-received')[0]!.seq);
    expect(rec.of(client.id, 'closed')[0]?.hadError).toBe(false);
    expect(rec.of(connId, 'closed')[0]?.hadError).toBe(false);
    await expect(engine.send(client.id, text('x'))).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('setRecvSize applies from the next piece, even in the middle of a chunk', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { recvSize: 4, behaviour: 'none' });
    rec.tap = (e) => {
      if (e.socketId === connId && e.type === 'recv' && e.readNo === 1) engine.setRecvSize(connId, 2);
    };

    await engine.send(client.id, text('abcdefghij'));
    await until(() => rec.bytes(connId, 'recv').length === 10, 'all ten bytes');

    const [first, ...rest] = rec.of(connId, 'recv');
    expect(first!.data.length).toBeLessThanOrEqual(4);
    expect(rest.every((e) => e.data.length <= 2)).toBe(true);
    expect(rec.bytes(connId, 'recv').toString()).toBe('abcdefghij');
    const [change] = rec.of(connId, 'recv-size');
    expect(change?.recvSize).toBe(2);
    expect(change!.seq).toBe(first!.seq + 1);
    expect(engine.info(connId)?.recvSize).toBe(2);
  });

  it('works over IPv6 loopback', async (ctx) => {
    if (!(await hasIpv6())) ctx.skip('this host has no IPv6 loopback (::1)');

    const { engine, rec } = engines();
    const { server, client } = await tcpPair(engine, rec, { host: '::1' });
    expect(server.local).toMatchObject({ address: '::1', family: 'IPv6' });
    expect(rec.of(client.id, 'connected')[0]?.remote).toEqual(server.local);
    await engine.send(client.id, text('hola'));
    await until(() => rec.bytes(client.id, 'recv').toString() === 'hola', 'the echo over IPv6');
  });

  it.for([
    ['0.0.0.0', '127.0.0.1', 'IPv4'],
    ['::', '::1', 'IPv6'],
  ] as const)('a server on %s accepts a client of %s', async ([host, target, family], ctx) => {
    if (family === 'IPv6' && !(await hasIpv6())) ctx.skip('this host has no IPv6 loopback (::1)');
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host, port: 0 });
    expect(server.local).toMatchObject({ address: host, family });
    const client = await engine.tcpConnect({ host: target, port: server.local!.port });
    expect(client.remote).toMatchObject({ address: target, family });
    await engine.send(client.id, text('hi'));
    await until(() => rec.bytes(client.id, 'recv').toString() === 'hi', 'the echo');
  });

  it('shows a plain Node client as an accepted connection with its peer address', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    const peer = net.connect({ host: '127.0.0.1', port: server.local!.port, allowHalfOpen: true });
    try {
      await withTimeout(once(peer, 'connect'), 3000, 'connect');
      const accept = await rec.next(server.id, 'accept');
      expect(accept.remote).toEqual({ address: '127.0.0.1', port: peer.localPort, family: 'IPv4' });
      expect(engine.info(accept.connId)).toMatchObject({
        kind: 'tcp-conn',
        parentId: server.id,
        remote: accept.remote,
      });

      const received: Buffer[] = [];
      peer.on('data', (d: Buffer) => received.push(d));
      peer.end('hello');
      await withTimeout(once(peer, 'end'), 3000, 'FIN from the echo server');
      expect(Buffer.concat(received).toString()).toBe('hello');
      await rec.next(accept.connId, 'closed');
    } finally {
      peer.destroy();
    }
  });
});

describe('reading pauses', () => {
  it('pauseReading holds even the rest of a chunk; resumeReading delivers it, also for new connections', async () => {
    const { engine, rec } = engines();
    const { client, connId } = await tcpPair(engine, rec, { recvSize: 4, behaviour: 'none' });
    rec.tap = (e) => {
      if (e.socketId === connId && e.type === 'recv' && e.readNo === 1) engine.pauseReading();
    };
    await engine.send(client.id, text('abcdefghijkl'));
    await rec.next(connId, 'recv');
    const server = engine.info(connId)!.parentId!;
    const late = await engine.tcpConnect({ host: '127.0.0.1', port: engine.info(server)!.local!.port });
    const lateConn = (await rec.next(server, 'accept', (e) => e.remote.port === late.local?.port)).connId;
    await engine.send(late.id, text('zz'));
    await sleep(100);
    expect(rec.of(connId, 'recv')).toHaveLength(1);
    expect(rec.of(lateConn, 'recv')).toHaveLength(0);

    rec.tap = undefined;
    engine.resumeReading();
    await until(() => rec.bytes(connId, 'recv').length === 12, 'the held bytes');
    expect(rec.bytes(connId, 'recv').toString()).toBe('abcdefghijkl');
    await until(() => rec.bytes(lateConn, 'recv').toString() === 'zz', 'the new connection to read');
  });

  it('an echo connection stops reading while its writes cannot drain, and loses nothing', async () => {
    const { engine, rec } = engines((e) => e.type !== 'recv' && e.type !== 'send');
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, recvSize: 65536 });
    const peer = net.connect({ host: '127.0.0.1', port: server.local!.port });
    try {
      await withTimeout(once(peer, 'connect'), 3000, 'connect');
      peer.pause(); // a client that sends but never reads
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const limit = 256 * 1024 * 1024;
      let sent = 0;
      let stalled = false;
      while (sent < limit && !stalled) {
        sent += chunk.length;
        if (!peer.write(chunk)) {
          const drained = once(peer, 'drain').then(() => true);
          stalled = !(await Promise.race([drained, sleep(500).then(() => false)]));
        }
      }
      expect(stalled).toBe(true);
      const { connId } = await rec.next(server.id, 'accept');
      expect(engine.counters(connId)!.bytesIn).toBeLessThan(sent);

      let received = 0;
      peer.on('data', (d: Buffer) => {
        received += d.length;
      });
      peer.resume();
      await until(() => received === sent, `all ${sent} bytes echoed`, 10_000);
      expect(engine.counters(connId)).toMatchObject({ bytesIn: sent, bytesOut: sent });
    } finally {
      peer.destroy();
    }
  });
});
