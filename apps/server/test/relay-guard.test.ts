import dgram from 'node:dgram';
import { once } from 'node:events';
import net from 'node:net';
import type { SocketEvent } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { sleep, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config/config.ts';
import { joinToken, openSession } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';

type ErrorEvent = Extract<SocketEvent, { type: 'error' }>;

const errorsOf = (c: BridgeTestClient, socketId: string): ErrorEvent['error'][] =>
  c.eventsOf(socketId, 'error').map((e) => e.error);

/** A plain TCP client of the relay; resolves with what happened to it: `reset`, `closed`, or `open` after 500 ms. */
async function throughRelay(port: number): Promise<'reset' | 'closed' | 'open'> {
  const socket = net.connect({ host: '127.0.0.1', port });
  const outcome = new Promise<'reset' | 'closed' | 'open'>((resolve) => {
    socket.once('error', () => resolve('reset'));
    socket.once('close', () => resolve('closed'));
    setTimeout(() => resolve('open'), 500);
  });
  const result = await outcome;
  socket.destroy();
  return result;
}

/** A service of the host that takes a port the moment a playground server lets it go. */
async function hostService(port: number): Promise<{ accepted(): number; close(): Promise<void> }> {
  let accepted = 0;
  const server = net.createServer((s) => {
    accepted++;
    s.destroy();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { accepted: () => accepted, close: () => new Promise((r) => server.close(() => r())) };
}

describe('relays and default peers check their target each time they use it', () => {
  const pg = usePlaygrounds();

  it('a relay whose server closed does not reach the host process that took its port, and says why', async () => {
    const p = await pg.start({ mode: 'lan' });
    const ada = await openSession(p, await joinToken(p, 'Ada'));
    const echo = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const port = echo.local!.port;
    const relay = (await ada.ok({ type: 'conditions.create', transport: 'tcp', target: { host: '127.0.0.1', port } }))
      .socket!;
    expect(await throughRelay(relay.local!.port)).toBe('open');

    await ada.ok({ type: 'socket.close', socketId: echo.id });
    const host = await hostService(port);
    try {
      expect(await ada.request({ type: 'tcp.connect', host: '127.0.0.1', port })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', params: { reason: 'notListening' } },
      });
      expect(await throughRelay(relay.local!.port)).not.toBe('open');
      await ada.waitFor(() => errorsOf(ada, relay.id).length > 0, 3000, 'the relay to say why');
      expect(errorsOf(ada, relay.id)[0]).toMatchObject({
        code: 'not_allowed',
        params: { reason: 'relayNotListening', port },
      });
      expect(errorsOf(ada, relay.id)[0]?.message).toMatch(/^The relay turned a client away/);
      expect(host.accepted()).toBe(0);
    } finally {
      await ada.close();
      await host.close();
    }
  });

  it('a relay to a classmate’s server stops when peers are no longer allowed, and to the teacher’s when unpublished', async () => {
    const p = await pg.start({ mode: 'lan', classroomIntervalMs: 20 });
    const teacher = await pg.client(p);
    const ada = await openSession(p, await joinToken(p, 'Ada'));
    const bob = await openSession(p, await joinToken(p, 'Bob'));
    try {
      const bobs = (await bob.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
      const teachers = (await teacher.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' }))
        .socket!;
      await teacher.ok({ type: 'class.allowPeers', allowed: true });
      await teacher.ok({ type: 'class.publish', socketId: teachers.id, published: true });
      const relayTo = async (port: number) =>
        (await ada.ok({ type: 'conditions.create', transport: 'tcp', target: { host: '127.0.0.1', port } })).socket!;
      const toBob = await relayTo(bobs.local!.port);
      const toTeacher = await relayTo(teachers.local!.port);
      expect(await throughRelay(toBob.local!.port)).toBe('open');
      expect(await throughRelay(toTeacher.local!.port)).toBe('open');
      await until(() => bob.eventsOf(bobs.id, 'accept').length === 1, 'Bob’s server to accept the relayed client');

      await teacher.ok({ type: 'class.allowPeers', allowed: false });
      await teacher.ok({ type: 'class.publish', socketId: teachers.id, published: false });
      expect(await throughRelay(toBob.local!.port)).not.toBe('open');
      expect(await throughRelay(toTeacher.local!.port)).not.toBe('open');
      await ada.waitFor(() => errorsOf(ada, toTeacher.id).length > 0, 3000, 'the relays to say why');
      expect(errorsOf(ada, toBob.id)[0]).toMatchObject({ code: 'not_allowed', params: { reason: 'relayNotShared' } });
      expect(errorsOf(ada, toTeacher.id)[0]).toMatchObject({
        code: 'not_allowed',
        params: { reason: 'relayNotShared' },
      });
      await sleep(100);
      expect(bob.eventsOf(bobs.id, 'accept')).toHaveLength(1);
      expect(teacher.eventsOf(teachers.id, 'accept')).toHaveLength(1);
    } finally {
      await ada.close();
      await bob.close();
    }
  });

  it('UDP: a default peer, a UDP relay and a sensor stop at a host service that took a closed server’s port', async () => {
    const p = await pg.start({ mode: 'lan' });
    const ada = await openSession(p, await joinToken(p, 'Ada'));
    const host = dgram.createSocket('udp4');
    let received = 0;
    host.on('message', () => received++);
    try {
      const echo = (await ada.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
      const port = echo.local!.port;
      const client = (
        await ada.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, remote: { host: '127.0.0.1', port } })
      ).socket!;
      const relay = (await ada.ok({ type: 'conditions.create', transport: 'udp', target: { host: '127.0.0.1', port } }))
        .socket!;
      const sensor = (
        await ada.ok({
          type: 'sensor.start',
          transport: 'udp',
          host: '127.0.0.1',
          port,
          format: '>if',
          fields: ['id', 'value'],
          rateHz: 50,
          durationS: 30,
        })
      ).socket!;
      const send = () =>
        ada.request({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'hola' } });
      expect((await send()).ok).toBe(true);
      await ada.waitFor(() => ada.eventsOf(client.id, 'datagram-in').length === 1, 3000, 'the echo');

      await ada.ok({ type: 'socket.close', socketId: echo.id });
      host.bind(port, '127.0.0.1');
      await once(host, 'listening');
      expect(await send()).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', params: { reason: 'notListening' } },
      });

      const viaRelay = dgram.createSocket('udp4');
      for (let i = 0; i < 5; i++) viaRelay.send('through the relay', relay.local!.port, '127.0.0.1');
      await ada.waitFor(() => errorsOf(ada, relay.id).length > 0, 3000, 'the relay to say why');
      await ada.waitFor(() => errorsOf(ada, sensor.id).length > 0, 3000, 'the sensor to stop and say why');
      await sleep(200);
      viaRelay.close();
      expect(errorsOf(ada, relay.id)).toHaveLength(1);
      expect(errorsOf(ada, relay.id)[0]).toMatchObject({
        code: 'not_allowed',
        params: { reason: 'relayNotListening' },
      });
      expect(errorsOf(ada, sensor.id)).toEqual([expect.objectContaining({ code: 'not_allowed' })]);
      const sent = ada.eventsOf(sensor.id, 'datagram-out').length;
      await sleep(100);
      expect(ada.eventsOf(sensor.id, 'datagram-out')).toHaveLength(sent);
      expect(received).toBe(0);
    } finally {
      host.close();
      await ada.close();
    }
  });
});

describe('the socket quota', () => {
  const pg = usePlaygrounds();

  it('counts the sockets a relay opens for its clients: past the quota they are turned away and say why', async () => {
    const p = await pg.start({ limits: { ...DEFAULT_LIMITS, maxSockets: 12 } });
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const relay = (
      await c.ok({ type: 'conditions.create', transport: 'tcp', target: { host: '127.0.0.1', port: echo.local!.port } })
    ).socket!;
    // Each client of the relay: the relay's two connections and the one the echo server accepts.
    const clients: net.Socket[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const s = net.connect({ host: '127.0.0.1', port: relay.local!.port });
        s.on('error', () => {});
        clients.push(s);
        await until(() => c.eventsOf(echo.id, 'accept').length === i + 1, 'the relayed connection');
      }
      // 2 + 3 × 3 = 11 of 12: one more socket fits, a fourth client (two more) does not.
      expect((await c.request({ type: 'udp.bind', host: '127.0.0.1', port: 0 })).ok).toBe(true);
      expect(await c.request({ type: 'udp.bind', host: '127.0.0.1', port: 0 })).toMatchObject({
        ok: false,
        error: { code: 'quota', params: { limit: 'maxSockets', max: 12 } },
      });
      expect(await throughRelay(relay.local!.port)).not.toBe('open');
      await c.waitFor(() => errorsOf(c, relay.id).length > 0, 3000, 'the relay to say why');
      expect(errorsOf(c, relay.id)[0]).toMatchObject({
        code: 'quota',
        params: { limit: 'maxSockets', max: 12, via: 'relay' },
      });
      expect(c.eventsOf(echo.id, 'accept')).toHaveLength(3);
    } finally {
      for (const s of clients) s.destroy();
    }
  });
});
