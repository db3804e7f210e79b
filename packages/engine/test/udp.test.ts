import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/index.ts';
import { text, useEngines } from './helpers.ts';

const engines = useEngines();

async function hasIpv6Udp(): Promise<boolean> {
  const probe = dgram.createSocket('udp6');
  return new Promise((resolve) => {
    probe.once('error', () => probe.close(() => resolve(false)));
    probe.bind(0, '::1', () => probe.close(() => resolve(true)));
  });
}

describe('UDP', () => {
  it('an echo endpoint sends each datagram back to its sender', async () => {
    const { engine, rec } = engines();
    const echo = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
    const local = echo.local!;
    const client = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: local.address, port: local.port },
    });
    expect(rec.types(echo.id)).toEqual(['opened', 'listening', 'state:bound']);
    expect(client).toMatchObject({ kind: 'udp', behaviour: 'none', remote: local });

    expect(await engine.send(client.id, text('hello'))).toBe(5);
    const back = await rec.next(client.id, 'datagram-in');
    expect(Buffer.from(back.data).toString()).toBe('hello');
    expect(back).toMatchObject({ from: local, lost: 0, readNo: 1 });

    const [out] = rec.of(client.id, 'datagram-out');
    expect(out).toMatchObject({ to: local, writeNo: 1 });
    const [arrived] = rec.of(echo.id, 'datagram-in');
    expect(arrived?.from).toEqual(client.local);
    const [returned] = rec.of(echo.id, 'datagram-out');
    expect(returned?.to).toEqual(client.local);
    const exact = { bytesIn: 5, bytesOut: 5, reads: 1, writes: 1 };
    expect(engine.counters(echo.id)).toEqual(exact);
    expect(engine.counters(client.id)).toEqual(exact);
  });

  it('cuts a datagram longer than recvSize like recvfrom(N), reporting the lost bytes', async () => {
    const { engine, rec } = engines();
    const small = await engine.udpBind({ host: '127.0.0.1', port: 0, recvSize: 8, behaviour: 'echo' });
    const client = await engine.udpBind({ host: '127.0.0.1', port: 0 });
    await engine.send(client.id, text('0123456789abcdefghij'), { host: '127.0.0.1', port: small.local!.port });

    const cut = await rec.next(small.id, 'datagram-in');
    expect(Buffer.from(cut.data).toString()).toBe('01234567');
    expect(cut.lost).toBe(12);
    const back = await rec.next(client.id, 'datagram-in');
    expect(Buffer.from(back.data).toString()).toBe('01234567');
    expect(engine.counters(small.id)).toMatchObject({ bytesIn: 8, bytesOut: 8 });
  });

  it('carries 65,507 bytes but refuses 65,508 with EMSGSIZE', async () => {
    const { engine, rec } = engines();
    const sink = await engine.udpBind({ host: '127.0.0.1', port: 0, recvSize: 65536 });
    const client = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: sink.local!.port },
    });

    await expect(engine.send(client.id, new Uint8Array(65507))).resolves.toBe(65507);
    expect((await rec.next(sink.id, 'datagram-in')).data.length).toBe(65507);

    const err = await engine.send(client.id, new Uint8Array(65508)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: 'EMSGSIZE', params: { size: 65508 } });
    expect((err as EngineError).message).toBe(
      'A UDP datagram carries at most 65507 bytes, and this one has 65508; split the data or use TCP.',
    );
    expect(rec.of(client.id, 'datagram-out')).toHaveLength(1);
    expect(engine.counters(client.id)).toMatchObject({ writes: 1, bytesOut: 65507 });
  });

  it('needs a destination when it has no default remote', async () => {
    const { engine } = engines();
    const lone = await engine.udpBind({ host: '127.0.0.1', port: 0 });
    await expect(engine.send(lone.id, text('x'))).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('binding a port in use rejects with EADDRINUSE and leaves nothing open', async () => {
    const { engine, rec } = engines();
    const first = await engine.udpBind({ host: '127.0.0.1', port: 0 });
    const err = await engine.udpBind({ host: '127.0.0.1', port: first.local!.port }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EADDRINUSE', params: { host: '127.0.0.1', port: first.local!.port } });
    expect(rec.types('s2')).toEqual(['opened', 'error', 'state:closed', 'closed']);
    expect(engine.sockets()).toHaveLength(1);
  });

  it('echoes over IPv6 with a udp6 socket', async (ctx) => {
    if (!(await hasIpv6Udp())) ctx.skip('this host has no IPv6 loopback (::1)');
    const { engine, rec } = engines();
    const echo = await engine.udpBind({ host: '::1', port: 0, behaviour: 'echo' });
    expect(echo.local).toMatchObject({ address: '::1', family: 'IPv6' });
    const client = await engine.udpBind({ host: '::1', port: 0 });
    await engine.send(client.id, text('hola'), { host: '::1', port: echo.local!.port });
    const back = await rec.next(client.id, 'datagram-in');
    expect(back.from).toEqual(echo.local);
  });
});
