import { describe, expect, it } from 'vitest';
import { MESSAGE, text, useEngines } from './helpers.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('manual sockets: a program in the page drives recv and accept', () => {
  const make = useEngines();

  it('accepts only when asked, and hands out exactly one recv(N) per call: 16, 16, 16, 7, then b""', async () => {
    const { engine, rec } = make();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, manual: true });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: server.local!.port, manual: true });
    expect(server.manual).toBe(true);
    await rec.next(server.id, 'queued');
    expect(rec.of(server.id, 'accept')).toHaveLength(0);
    const conn = await engine.accept(server.id, 1000);
    expect(rec.of(server.id, 'accept').map((e) => e.connId)).toEqual([conn.id]);

    await engine.send(client.id, text(MESSAGE));
    await engine.end(client.id);
    await rec.next(conn.id, 'state', () => true);
    expect(await engine.select([conn.id], 2000)).toEqual([conn.id]);
    const sizes: number[] = [];
    let got = '';
    for (let i = 0; i < 5; i++) {
      const { data } = await engine.recv(conn.id, 16, 2000);
      sizes.push(data.byteLength);
      got += decode(data);
    }
    expect(sizes).toEqual([16, 16, 16, 7, 0]);
    expect(got).toBe(MESSAGE);
    expect(rec.of(conn.id, 'recv').map((e) => e.data.byteLength)).toEqual([16, 16, 16, 7]);
    expect(rec.of(conn.id, 'fin-received')).toHaveLength(1);
    // b'' again, as Python's recv after the end of the stream.
    expect((await engine.recv(conn.id, 16, 100)).data.byteLength).toBe(0);
  });

  it('gives up after the timeout with ETIMEDOUT, takes nothing, and refuses a second waiting recv', async () => {
    const { engine } = make();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, manual: true });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: server.local!.port, manual: true });
    const conn = await engine.accept(server.id, 1000);
    await expect(engine.recv(client.id, 16, 50)).rejects.toMatchObject({ code: 'ETIMEDOUT', syscall: 'recv' });
    expect(await engine.select([client.id], 50)).toEqual([]);
    const waiting = engine.recv(client.id, 1024, 2000);
    expect(() => engine.recv(client.id, 1024, 2000)).toThrow(/already waiting/);
    await engine.send(conn.id, text('hola'));
    expect(decode((await waiting).data)).toBe('hola');
  });

  it('keeps datagrams for recvfrom(N), cut to N with the rest lost', async () => {
    const { engine } = make();
    const a = await engine.udpBind({ host: '127.0.0.1', port: 0, manual: true });
    const b = await engine.udpBind({ host: '127.0.0.1', port: 0 });
    await engine.send(b.id, text('0123456789'), { host: '127.0.0.1', port: a.local!.port });
    expect(await engine.select([a.id], 2000)).toEqual([a.id]);
    const got = await engine.recv(a.id, 4, 1000);
    expect(decode(got.data)).toBe('0123');
    expect('lost' in got && got.lost).toBe(6);
  });
});
