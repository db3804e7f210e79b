/**
 * Issue 14, points 3 and 7: a reset is reported when Python's recv() or send() would report it,
 * a FIN only when recv() would return b''; a failed write is an error, never a `send`, its bytes
 * are not counted, and the socket stays open until it is closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../src/index.ts';
import { type Recorder, sleep, text, useEngines } from './helpers.ts';
import { type PythonPeer, python, runPython, startPythonServer } from './support/python.ts';

const engines = useEngines();
const peers: PythonPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

/** closing_server.py: `read` closes with a FIN, `unread` with a reset; `answer` is sent first. */
async function server(mode: 'read' | 'unread', answer?: string): Promise<number> {
  const peer = await startPythonServer('closing_server.py', answer === undefined ? [mode] : [mode, answer]);
  peers.push(peer);
  return peer.port;
}

/** 'sent', or the code of the error a send failed with. */
const outcome = (send: Promise<number>) =>
  send.then(
    () => 'sent',
    (e: { code: string }) => e.code,
  );

/** What the playground's client saw, in the words of bye_client.py: the recv()'d text, then '' or RESET. */
async function playgroundOutcome(engine: Engine, rec: Recorder, port: number): Promise<string[]> {
  const client = await engine.tcpConnect({ host: '127.0.0.1', port });
  await engine.send(client.id, text('hello'));
  await rec.next(client.id, 'state', (e) => e.state === 'reset' || e.state === 'fin-received' || e.state === 'closed');
  const seen = rec.of(client.id, 'recv').map((e) => Buffer.from(e.data).toString());
  if (rec.of(client.id, 'fin-received').length > 0) seen.push('');
  for (const e of rec.of(client.id, 'error')) seen.push(e.error.code === 'ECONNRESET' ? 'RESET' : e.error.code);
  await engine.close(client.id);
  return seen;
}

describe.skipIf(!python)('resets and failed sends, against Python peers', () => {
  it('b"bye" then a reset: Python’s client sees the data then ConnectionResetError, and so does the playground’s', async () => {
    const port = await server('unread', 'bye');
    const runs = 10;
    const py = await runPython<string[][]>('bye_client.py', [port, runs]);
    expect(py).toEqual(Array.from({ length: runs }, () => ['bye', 'RESET']));
    const { engine, rec } = engines();
    for (let i = 0; i < runs; i++) {
      expect(await playgroundOutcome(engine, rec, port)).toEqual(['bye', 'RESET']);
    }
    // Never a b'' that did not come: every client ended in `reset`, none read a FIN.
    expect(rec.events.filter((e) => e.type === 'fin-received')).toEqual([]);
    expect(rec.events.filter((e) => e.type === 'error').every((e) => e.error.syscall === 'read')).toBe(true);
  });

  it('b"bye" then a FIN: both read b"" and no error', async () => {
    const port = await server('read', 'bye');
    const py = await runPython<string[][]>('bye_client.py', [port, 5]);
    expect(py).toEqual(Array.from({ length: 5 }, () => ['bye', '']));
    const { engine, rec } = engines();
    for (let i = 0; i < 5; i++) expect(await playgroundOutcome(engine, rec, port)).toEqual(['bye', '']);
  });

  it('EPIPE after the server closed: one send goes out, the next fails, nothing counted, the socket stays open', async () => {
    const port = await server('read');
    expect(await runPython<string[]>('send_after_close_client.py', [port])).toEqual([
      'sent',
      'BrokenPipeError',
      "b''",
      'open',
    ]);

    const { engine, rec } = engines();
    const client = await engine.tcpConnect({ host: '127.0.0.1', port });
    await engine.send(client.id, text('hola'));
    await rec.next(client.id, 'fin-received');
    // The kernel takes this one (the peer is only half-closed as far as it knows); the peer answers RST.
    await engine.send(client.id, text('uno'));
    await sleep(100);
    const failed = await outcome(engine.send(client.id, text('dos')));
    expect(failed).toBe('EPIPE');
    const error = await rec.next(client.id, 'error');
    expect(error.error).toMatchObject({ code: 'EPIPE', syscall: 'write' });
    expect(rec.of(client.id, 'send').map((e) => Buffer.from(e.data).toString())).toEqual(['hola', 'uno']);
    expect(engine.counters(client.id)).toMatchObject({ writes: 2, bytesOut: 7 });
    await rec.next(client.id, 'state', (e) => e.state === 'reset');
    await sleep(50);
    expect(engine.sockets().map((s) => s.id)).toContain(client.id);
    expect(rec.of(client.id, 'closed')).toEqual([]);
    await engine.close(client.id);
    expect(rec.of(client.id, 'closed')).toHaveLength(1);
  });

  it('ECONNRESET on a send when the peer reset first: an error, not a send, and the socket stays open', async () => {
    const port = await server('unread');
    expect(await runPython<string[]>('send_after_close_client.py', [port])).toEqual([
      'ConnectionResetError',
      "b''",
      'open',
    ]);

    const { engine, rec } = engines();
    const client = await engine.tcpConnect({ host: '127.0.0.1', port });
    // Like the Python client, this one is not reading: the reset waits for its next call, a send.
    engine.setReadingPaused(client.id, true);
    await engine.send(client.id, text('hola'));
    await sleep(300);
    const failed = await outcome(engine.send(client.id, text('uno')));
    expect(failed).toBe('ECONNRESET');
    expect((await rec.next(client.id, 'error')).error).toMatchObject({ code: 'ECONNRESET', syscall: 'write' });
    expect(rec.of(client.id, 'send').map((e) => e.data.length)).toEqual([4]);
    expect(engine.counters(client.id)).toMatchObject({ writes: 1, bytesOut: 4 });
    await rec.next(client.id, 'state', (e) => e.state === 'reset');
    expect(rec.of(client.id, 'closed')).toEqual([]);
    await expect(engine.send(client.id, text('tres'))).rejects.toMatchObject({ code: 'invalid_state' });
    await engine.close(client.id);
  });
});
