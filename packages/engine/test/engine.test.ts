import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../src/index.ts';
import { tcpPair, text, until, useEngines } from './helpers.ts';

const engines = useEngines();

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('Engine', () => {
  it('numbers sockets s1, s2, … and stamps events with seq +1 and t from the injected clock', async () => {
    let clock = 1000;
    const events: EngineEvent[] = [];
    const engine = new Engine({ onEvent: (e) => events.push(e), now: () => clock });
    try {
      clock = 1005;
      const server = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
      clock = 1003; // a clock that steps back must not make t go backwards
      const udp = await engine.udpBind({ host: '127.0.0.1', port: 0 });
      expect([server.id, udp.id]).toEqual(['s1', 's2']);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.map((e) => e.t)).toEqual(events.map(() => 5));
      expect(events[0]).toMatchObject({ socketId: 's1', kind: 'tcp-server', type: 'opened' });
      expect(events.at(-1)).toMatchObject({ socketId: 's2', kind: 'udp', type: 'state', state: 'bound' });
    } finally {
      await engine.closeAll();
    }
  });

  it('keeps the event stream gap-free across a busy exchange', async () => {
    const { engine, rec } = engines();
    const { client } = await tcpPair(engine, rec, { recvSize: 3 });
    for (let i = 0; i < 20; i++) await engine.send(client.id, text(`message ${i};`));
    await until(() => rec.bytes(client.id, 'recv').length === rec.bytes(client.id, 'send').length, 'all echoes');
    rec.events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.t).toBeGreaterThanOrEqual(rec.events[i - 1]!.t);
    });
    expect(rec.violations).toEqual([]);
  });

  it('closing a server closes its accepted connections; the client sees FIN', async () => {
    const { engine, rec } = engines();
    const { server, client, connId } = await tcpPair(engine, rec);
    await engine.close(server.id);
    expect(rec.types(server.id).slice(-2)).toEqual(['state:closed', 'closed']);
    expect(rec.types(connId).slice(-2)).toEqual(['state:closed', 'closed']);
    await rec.next(client.id, 'fin-received');
    expect(engine.sockets().map((s) => s.id)).toEqual([client.id]);
    expect(engine.info(server.id)).toMatchObject({ id: server.id, kind: 'tcp-server' });
  });

  it('closeAll closes everything, is idempotent and gives every handle and file descriptor back', async (ctx) => {
    if (!existsSync('/proc/self/fd')) ctx.skip('needs /proc/self/fd to count descriptors');
    const { engine, rec } = engines();
    const before = openFds();
    const { client } = await tcpPair(engine, rec);
    await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
    await engine.send(client.id, text('x'));
    expect(engine.sockets()).toHaveLength(5);
    expect(openFds()).toBeGreaterThanOrEqual(before + 5);

    await Promise.all([engine.closeAll(), engine.closeAll()]);
    expect(engine.sockets()).toEqual([]);
    expect(openFds()).toBe(before);
    expect(process.getActiveResourcesInfo().filter((r) => /TCP|UDP/.test(r))).toEqual([]);
    await engine.closeAll();
    const closed = rec.events.filter((e) => e.type === 'closed').map((e) => e.socketId);
    expect(closed.sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });
});
