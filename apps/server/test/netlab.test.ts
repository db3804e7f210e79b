import { describe, expect, it } from 'vitest';
import { MAX_RELAYS } from '../src/session/lab-commands.ts';
import { usePlaygrounds } from '../testing/playground.ts';

describe('the network lab over the bridge', () => {
  const pg = usePlaygrounds();

  it('creates a relay, changes its conditions while it runs, and reports its counts', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const relay = (
      await c.ok({
        type: 'conditions.create',
        transport: 'udp',
        target: { host: 'localhost', port: server.local!.port },
        settings: { lossPct: 0 },
        seed: 7,
      })
    ).socket!;
    expect(relay).toMatchObject({
      kind: 'relay',
      conditions: { transport: 'udp', seed: 7, target: { address: '127.0.0.1' } },
    });
    const client = (
      await c.ok({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        remote: { host: '127.0.0.1', port: relay.local!.port },
      })
    ).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'via conditions' } });
    await c.waitFor(() => c.eventsOf(client.id, 'datagram-in').length === 1, 3000, 'the echo through the relay');
    await c.waitFor(() => c.eventsOf(relay.id, 'conditions-stats').at(-1)?.stats.out === 2, 3000, 'the counts');
    expect(c.eventsOf(relay.id, 'relay-flow')[0]).toMatchObject({ flow: 'opened', peer: { port: client.local!.port } });

    const updated = (await c.ok({ type: 'conditions.update', socketId: relay.id, settings: { lossPct: 100 } })).socket!;
    expect(updated.conditions?.settings).toMatchObject({ lossPct: 100, reorderDistance: 2 });
    await c.waitFor(() => c.eventsOf(relay.id, 'conditions').length === 1, 3000, 'the conditions event');
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'lost' } });
    await c.waitFor(() => c.eventsOf(relay.id, 'conditions-stats').at(-1)?.stats.dropped === 1, 3000, 'the drop');
    expect(c.eventsOf(client.id, 'datagram-in')).toHaveLength(1);
  });

  it('holds a relay’s target to the same policy as a client’s connect', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const refused = async (command: Parameters<typeof c.request>[0]) => {
      const reply = await c.request(command);
      if (reply.ok) throw new Error(`${command.type} should have been refused`);
      return reply.error;
    };
    const target = (host: string, port: number) => ({
      type: 'conditions.create' as const,
      transport: 'tcp' as const,
      target: { host, port },
    });
    expect((await refused(target('192.168.1.1', 5000))).code).toBe('not_allowed');
    expect((await refused(target('0.0.0.0', 5000))).code).toBe('not_allowed');
    expect((await refused(target('127.0.0.1', p.port))).code).toBe('not_allowed');
    expect((await refused(target('127.0.0.1', 22))).code).toBe('not_allowed');
    expect((await refused({ ...target('127.0.0.1', 5000), host: '10.1.2.3' })).code).toBe('not_allowed');
    expect((await refused({ type: 'sensor.start', transport: 'udp', host: '169.254.169.254', port: 80 })).code).toBe(
      'not_allowed',
    );
    expect(c.events.filter((e) => e.type === 'opened')).toEqual([]);
  });

  it('answers mistakes with typed errors a learner can act on', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const bad = await c.request({
      type: 'conditions.create',
      transport: 'tcp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { segmentMin: 50, segmentMax: 10 },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'bad_command', message: expect.stringMatching(/cannot be larger/) },
    });
    const wrong = await c.request({ type: 'conditions.update', socketId: server.id, settings: { lossPct: 1 } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_socket_kind' } });
    const format = await c.request({
      type: 'sensor.start',
      transport: 'tcp',
      host: '127.0.0.1',
      port: server.local!.port,
      format: '!IIdffQ2',
    });
    expect(format).toMatchObject({
      ok: false,
      error: { code: 'bad_command', message: expect.stringMatching(/repeat count/) },
    });
    const behaviour = await c.request({
      type: 'udp.bind',
      host: '127.0.0.1',
      port: 0,
      behaviour: 'sensor',
      sensor: { format: '!If', fields: ['seq'] },
    });
    expect(behaviour).toMatchObject({
      ok: false,
      error: { code: 'bad_command', message: expect.stringMatching(/needs 2 field names/) },
    });
  });

  it(`limits a session to ${MAX_RELAYS} relays`, async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const create = () =>
      c.request({
        type: 'conditions.create',
        transport: 'tcp',
        target: { host: '127.0.0.1', port: server.local!.port },
      });
    for (let i = 0; i < MAX_RELAYS; i++) expect((await create()).ok).toBe(true);
    expect(await create()).toMatchObject({ ok: false, error: { code: 'quota', params: { limit: 'maxRelays' } } });
  });

  it('runs a sensor through a relay to a sensor server and closes everything with the session', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (
      await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'sensor', sensor: { ack: true } })
    ).socket!;
    expect(server.sensor).toMatchObject({ role: 'server', recordSize: 25, ack: true });
    const relay = (
      await c.ok({
        type: 'conditions.create',
        transport: 'tcp',
        target: { host: '127.0.0.1', port: server.local!.port },
        settings: { segmentMin: 7, segmentMax: 11 },
      })
    ).socket!;
    const sensor = (
      await c.ok({
        type: 'sensor.start',
        transport: 'tcp',
        host: '127.0.0.1',
        port: relay.local!.port,
        rateHz: 200,
        count: 40,
      })
    ).socket!;
    expect(sensor.sensor).toMatchObject({ role: 'client', rateHz: 200 });
    await c.waitFor(
      () => c.events.some((e) => e.type === 'sensor-data' && e.stats.received === 40),
      5000,
      'forty records',
    );
    // Re-cut into 7..11-byte pieces, the 25-byte records still come out whole: TCP is a byte stream.
    const data = c.events.filter((e) => e.type === 'sensor-data');
    expect(data.at(-1)).toMatchObject({ stats: { received: 40, missing: 0, bad: 0, acks: 40 } });
    await c.waitFor(() => c.eventsOf(sensor.id, 'recv').reduce((n, e) => n + e.size, 0) === 40 * 5, 5000, 'the acks');
  });
});
