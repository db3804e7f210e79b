import { createServer, type Server } from 'node:net';
import { MAX_PORT_PROBES } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { until } from '@playground/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundConfig } from '../src/config/config.ts';
import type { Playground } from '../src/index.ts';
import { joinToken, lastRoster, openSession } from '../testing/classroom.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { canCountFds, openFds } from './support/os.ts';

const pg = usePlaygrounds();
const opened: BridgeTestClient[] = [];
const outside: Server[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  for (const s of outside.splice(0)) s.close();
});

async function student(p: Playground, name: string): Promise<BridgeTestClient> {
  const c = await openSession(p, await joinToken(p, name));
  opened.push(c);
  return c;
}

/** A port an outside program (like a Python server) holds for the rest of the test. */
async function heldOutside(): Promise<number> {
  const server = createServer();
  outside.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as { port: number }).port;
}

describe('EADDRINUSE says whose server holds the port', () => {
  const CLASS: Partial<PlaygroundConfig> = { mode: 'lan', classroomIntervalMs: 50 };

  it('in a class: a classmate’s (reply and error event), and the teacher’s roster shows why the socket closed', async () => {
    const p = await pg.start(CLASS);
    const teacher = await pg.client(p);
    await teacher.ok({ type: 'class.watch' });
    const ada = await student(p, 'Ada');
    const bob = await student(p, 'Bob');
    // Port 0: the OS picks a port nobody holds.
    const adas = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const port = adas.local!.port;

    const reply = await bob.request({ type: 'tcp.listen', host: '127.0.0.1', port });
    expect(reply).toMatchObject({ ok: false, error: { code: 'EADDRINUSE', params: { port, heldBy: 'classmate' } } });
    if (reply.ok) return;
    expect(reply.error.message).toContain('classmate');
    const error = bob.events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ kind: 'tcp-server', error: { code: 'EADDRINUSE', params: { heldBy: 'classmate' } } });

    await teacher.waitFor(
      () => lastRoster(teacher)?.students.find((s) => s.name === 'Bob')?.sockets[0]?.state === 'closed',
      3000,
      'Bob’s failed server on the roster',
    );
    const bobs = lastRoster(teacher)?.students.find((s) => s.name === 'Bob')?.sockets[0];
    expect(bobs).toMatchObject({ kind: 'tcp-server', state: 'closed', error: { code: 'EADDRINUSE' } });
    expect(bobs?.error?.params).toMatchObject({ heldBy: 'classmate', port });
    // Bounded, whatever a student makes fail: forty closed sockets of short sentences.
    expect(bobs?.error?.message.length).toBeLessThanOrEqual(200);
    // Ada's server is unharmed and has no error.
    expect(lastRoster(teacher)?.students.find((s) => s.name === 'Ada')?.sockets[0]).toMatchObject({
      state: 'listening',
    });
    expect(lastRoster(teacher)?.students.find((s) => s.name === 'Ada')?.sockets[0]?.error).toBeUndefined();

    // The teacher's server is named as such.
    const teachers = (await teacher.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0 })).socket!;
    const udp = await bob.request({ type: 'udp.bind', host: '127.0.0.1', port: teachers.local!.port });
    expect(udp).toMatchObject({ ok: false, error: { code: 'EADDRINUSE', params: { heldBy: 'teacher' } } });
  });

  it('alone: the learner’s own server (named), or a program outside the playground (no holder)', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const first = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const again = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port: first.local!.port });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'EADDRINUSE', params: { heldBy: 'you', socketId: first.id } },
    });
    const port = await heldOutside();
    const taken = await c.request({ type: 'tcp.listen', host: '127.0.0.1', port });
    expect(taken).toMatchObject({ ok: false, error: { code: 'EADDRINUSE', params: { port } } });
    if (!taken.ok) expect(taken.error.params?.heldBy).toBeUndefined();
  });
});

describe('port.suggest: where a new server could listen', () => {
  it('the port asked for when it is free, the next free one when it is taken, for TCP and UDP apart', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const port = await heldOutside();
    const free = await c.ok({ type: 'port.suggest', transport: 'udp', host: '127.0.0.1', port });
    // The TCP listener does not hold the UDP port.
    expect(free.port).toBe(port);
    const next = await c.ok({ type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port });
    expect(next.port).toBeGreaterThan(port);
    expect(next.port).toBeLessThanOrEqual(port + MAX_PORT_PROBES);
    // It really is free: a server listens there.
    const server = await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: next.port! });
    expect(server.socket?.local?.port).toBe(next.port);
    // A probe is not a socket of the session: no events, no cards.
    expect(c.events.filter((e) => e.type === 'opened')).toHaveLength(1);
  });

  it('checks the port like a listen, and never proposes the bridge’s own port', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const low = await c.request({ type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port: 80 });
    expect(low).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const below = await c.ok({ type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port: p.port - 1 });
    expect(below.port).not.toBe(p.port);
  });

  it.skipIf(!canCountFds)(
    'holds nothing: a hundred suggestions later, descriptors are back to the baseline',
    async () => {
      const p = await pg.start();
      const c = await pg.client(p);
      const port = await heldOutside();
      const baseline = openFds() as number;
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          Array.from({ length: 10 }, () => c.ok({ type: 'port.suggest', transport: 'tcp', host: '127.0.0.1', port })),
        );
      }
      await until(() => (openFds() as number) <= baseline + 2, 'descriptors back to baseline');
    },
  );
});
