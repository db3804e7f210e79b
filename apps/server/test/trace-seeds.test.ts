import { seed002PaddedLength } from '@playground/codec';
import type { SocketEvent } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';
import {
  EXAMPLES,
  lineOf,
  programCalls,
  programMessages,
  SEED_EXAMPLES,
  SEEDS,
  type SeenCall,
  trace,
  waitForProgram,
} from './support/trace.ts';

const python = findPython('the traced seed programs');
const MESSAGE = 'hola mundo, this is a message longer than sixteen bytes';

/** `[fn, line]` of a program's calls, the shape a learner reads in the log. */
const steps = (calls: SeenCall[]) => calls.map((c) => [c.fn, c.line]);

/** The port a traced server listens on, once its listen() has been seen. */
async function listeningPort(c: BridgeTestClient): Promise<number> {
  let port = 0;
  await c.waitFor(
    () => {
      const e = c.events.find((x) => x.type === 'listening' && x.witness === 'program');
      if (e?.type === 'listening') port = e.local.port;
      return port > 0;
    },
    15_000,
    'the traced server listening',
  );
  return port;
}

function pidOf(c: BridgeTestClient): number {
  const pid = programMessages(c).find((m) => m.pid > 0)?.pid;
  if (!pid) throw new Error('the program has no pid yet');
  return pid;
}

const ofType = <T extends SocketEvent['type']>(c: BridgeTestClient, type: T) =>
  c.events.filter((e): e is Extract<SocketEvent, { type: T }> => e.type === type && e.witness === 'program');

describe.skipIf(!python)('tracing the seeds’ own Python programs against the playground', () => {
  const pg = usePlaygrounds();

  it('seed 000 client: socket, connect, sendall, recv(16) until it has all, close — at their lines', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize: 16 })).socket!;
    const file = `${EXAMPLES}seed000_echo_client.py`;
    const run = await trace(p, c, ['python3', file, MESSAGE, String(server.local!.port)]);
    const out = await run.exited;
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("b'hola mundo, this'");
    await waitForProgram(c, 'exited');

    const calls = programCalls(c);
    const recvs = calls.filter((x) => x.fn === 'recv');
    expect(steps(calls)).toEqual([
      ['socket', lineOf(file, 'sock = socket.socket(')],
      ['connect', lineOf(file, 'sock.connect(')],
      ['sendall', lineOf(file, 'sock.sendall(msg)')],
      ...recvs.map(() => ['recv', lineOf(file, 'data = sock.recv(16)')]),
      ['close', lineOf(file, 'sock.close()')],
    ]);
    expect(calls[1]?.args).toBe(`('localhost', ${server.local!.port})`);
    expect(calls[2]?.size).toBe(MESSAGE.length);
    expect(recvs.every((x) => x.args === '16' && (x.size ?? 0) <= 16)).toBe(true);
    expect(recvs.reduce((n, x) => n + (x.size ?? 0), 0)).toBe(MESSAGE.length);
    expect(
      calls.every((x) => x.thread === 'MainThread' && x.call.file === 'docs/examples/python/seed000_echo_client.py'),
    ).toBe(true);

    // Joined to the playground's end: the accepted connection's peer is the program's socket.
    const [connected] = ofType(c, 'connected');
    const accept = c.events.find((e) => e.type === 'accept' && e.witness === undefined);
    if (accept?.type !== 'accept' || !connected) throw new Error('both ends should be seen');
    expect(accept.remote.port).toBe(connected.local.port);
    const program = programMessages(c).at(-1);
    expect(program).toMatchObject({ name: 'seed000_echo_client.py', tracer: 'python', status: 'exited', exitCode: 0 });
    expect(c.events.filter((e) => e.type === 'hint')).toEqual([]);
  });

  it("seed 000 server: recv(16) returns a 55-byte message in four pieces, each echoed; b'' ends it", async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${SEED_EXAMPLES}seed000_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    const port = await listeningPort(c);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: MESSAGE } });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').reduce((n, e) => n + e.size, 0) === MESSAGE.length, 10_000);
    await c.ok({ type: 'tcp.end', socketId: client.id });
    await c.waitFor(() => ofType(c, 'closed').length === 1, 10_000, 'the connection closed by the program');
    process.kill(pidOf(c), 'SIGINT');
    await run.exited;
    await waitForProgram(c, 'exited');

    const recv = lineOf(file, 'data = connection.recv(16)');
    const send = lineOf(file, 'connection.sendall(data)');
    const calls = programCalls(c);
    expect(steps(calls).slice(0, 4)).toEqual([
      ['socket', lineOf(file, 'sock = socket.socket(')],
      ['bind', lineOf(file, 'sock.bind(server_address)')],
      ['listen', lineOf(file, 'sock.listen(1)')],
      ['accept', lineOf(file, 'sock.accept()')],
    ]);
    expect(calls[1]?.args).toBe("('localhost', 0)");
    expect(calls[2]?.args).toBe('1');
    const conn = calls.filter((x) => x.socketId === ofType(c, 'accept')[0]?.connId);
    expect(conn.map((x) => [x.type, x.fn, x.line, x.size])).toEqual([
      ['recv', 'recv', recv, 16],
      ['send', 'sendall', send, 16],
      ['recv', 'recv', recv, 16],
      ['send', 'sendall', send, 16],
      ['recv', 'recv', recv, 16],
      ['send', 'sendall', send, 16],
      ['recv', 'recv', recv, 7],
      ['send', 'sendall', send, 7],
      ['fin-received', 'recv', recv, undefined],
      ['closed', 'close', lineOf(file, 'connection.close()'), undefined],
    ]);
    // Ctrl+C in accept(): the listening socket was never closed.
    const interrupted = calls.find((x) => x.fn === 'accept' && x.call.raised);
    expect(interrupted?.call.raised?.type).toBe('KeyboardInterrupt');
    const never = c.events.find((e) => e.type === 'hint' && e.hint.code === 'never-closed');
    expect(never?.type === 'hint' && never.hint.line).toBe(lineOf(file, 'sock = socket.socket('));
  });

  it('seed 001 server: one recv(1024) gets the whole message; with-blocks close both sockets', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${SEEDS}seed001_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    const port = await listeningPort(c);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: MESSAGE } });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').length > 0, 10_000);
    await c.ok({ type: 'tcp.end', socketId: client.id });
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');

    const recv = lineOf(file, 'data = csocket.recv(1024)');
    expect(steps(programCalls(c))).toEqual([
      ['socket', lineOf(file, 'with socket.socket(')],
      ['bind', lineOf(file, 's.bind((HOST, PORT))')],
      ['listen', lineOf(file, 's.listen()')],
      ['accept', lineOf(file, 's.accept()')],
      ['recv', recv],
      ['sendall', lineOf(file, 'csocket.sendall(data)')],
      ['recv', recv],
      ['close', lineOf(file, 'with csocket:')],
      ['close', lineOf(file, 'with socket.socket(')],
    ]);
    expect(programCalls(c)[4]?.size).toBe(MESSAGE.length);
    expect(programCalls(c)[2]?.args).toBe('');
    expect(c.events.filter((e) => e.type === 'hint')).toEqual([]);
  });

  it('seed 002 server: a thread per client, each call with its thread’s name; framed JSON answered', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${SEEDS}seed002_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    const port = await listeningPort(c);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    await c.ok({
      type: 'socket.send',
      socketId: client.id,
      data: { encoding: 'text', value: '{"nombre": "Margot"}' },
      framing: seed002PaddedLength,
    });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').reduce((n, e) => n + e.size, 0) === 64, 10_000, 'the answer');
    process.kill(pidOf(c), 'SIGTERM');
    await run.exited;
    await waitForProgram(c, 'exited');

    const calls = programCalls(c);
    const accept = calls.find((x) => x.fn === 'accept');
    expect(accept?.line).toBe(lineOf(file, 'self.socket_servidor.accept()'));
    expect(accept?.thread).toMatch(/^Thread-1/);
    const conn = calls.filter((x) => x.socketId === ofType(c, 'accept')[0]?.connId);
    expect(conn.slice(0, 3).map((x) => [x.fn, x.args, x.line, x.size])).toEqual([
      ['recv', '4', lineOf(file, 'socket_cliente.recv(4)'), 4],
      ['recv', '60', lineOf(file, 'socket_cliente.recv(60)'), 60],
      ['sendall', expect.stringContaining("b'\\x00\\x00\\x00<"), lineOf(file, 'socket_cliente.sendall('), 64],
    ]);
    // The client's thread is not the one that accepted it.
    expect(conn[0]?.thread).toMatch(/^Thread-2/);
    expect(programMessages(c).at(-1)).toMatchObject({ status: 'exited', signal: 'SIGTERM' });
  });

  it('seed 002 client: the main thread sends what is typed, its listening thread reads the answers', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'framed-json' })).socket!;
    const file = `${EXAMPLES}seed002_json_client.py`;
    const run = await trace(p, c, ['python3', file, String(server.local!.port)]);
    run.child.stdin?.write('hola\n');
    await c.waitFor(() => ofType(c, 'recv').reduce((n, e) => n + e.size, 0) >= 64, 15_000, 'the answer read');
    run.child.stdin?.end();
    await run.exited;
    await waitForProgram(c, 'exited');

    const calls = programCalls(c);
    const sent = calls.find((x) => x.fn === 'sendall');
    expect(sent).toMatchObject({ line: lineOf(file, 'self.socket_cliente.sendall('), thread: 'MainThread', size: 64 });
    const reads = calls.filter((x) => x.fn === 'recv');
    expect(reads.slice(0, 2).map((x) => [x.args, x.line, x.size])).toEqual([
      ['4', lineOf(file, 'self.socket_cliente.recv(4)'), 4],
      ['60', lineOf(file, 'self.socket_cliente.recv(60)'), 60],
    ]);
    expect(reads.every((x) => x.thread !== 'MainThread')).toBe(true);
    // Ctrl+D ends input() with EOFError: the program ends without closing its socket.
    const never = c.events.find((e) => e.type === 'hint' && e.hint.code === 'never-closed');
    expect(never?.type === 'hint' && never.hint.line).toBe(lineOf(file, 'self.socket_cliente = socket.socket('));
  });

  it('seed 003: the UDP receiver’s recv(512) gets one datagram, with its sender', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${SEEDS}seed003_udp_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    const port = await listeningPort(c);
    const sender = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0 })).socket!;
    await c.ok({
      type: 'socket.send',
      socketId: sender.id,
      data: { encoding: 'text', value: 'Hola, mundo!' },
      to: { host: '127.0.0.1', port },
    });
    expect((await run.exited).stdout.trim()).toBe("b'Hola, mundo!'");
    await waitForProgram(c, 'exited');
    const [datagram] = ofType(c, 'datagram-in');
    expect(datagram).toMatchObject({ size: 12, from: { port: sender.local!.port } });
    expect(datagram?.call).toMatchObject({ fn: 'recv', args: '512', line: lineOf(file, 'udp_socket.recv(512)') });
    expect(ofType(c, 'opened')[0]?.kind).toBe('udp');
  });

  it('seed 003 client: sendto a playground UDP echo and recv(512) its datagram back', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const echo = (await c.ok({ type: 'udp.bind', host: '127.0.0.1', port: 0, behaviour: 'echo' })).socket!;
    const file = `${EXAMPLES}seed003_udp_client.py`;
    const run = await trace(p, c, ['python3', file, String(echo.local!.port)]);
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');
    const [out] = ofType(c, 'datagram-out');
    expect(out).toMatchObject({ size: 12, to: { port: echo.local!.port } });
    expect(out?.call?.line).toBe(lineOf(file, 'udp_socket.sendto('));
    expect(steps(programCalls(c)).map(([fn]) => fn)).toEqual([
      'socket',
      'bind',
      'sendto',
      'settimeout',
      'recv',
      'exit',
    ]);
  });

  it("seed 004 echo server: accept() returns the connection and the address, recv(1024) until b''", async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const file = `${SEED_EXAMPLES}seed004_echo_server.py`;
    const run = await trace(p, c, ['python3', file, '0']);
    const port = await listeningPort(c);
    const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port })).socket!;
    await c.ok({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value: 'Hola, mundo' } });
    await c.waitFor(() => c.eventsOf(client.id, 'recv').length > 0, 10_000);
    await c.ok({ type: 'tcp.end', socketId: client.id });
    expect((await run.exited).code).toBe(0);
    await waitForProgram(c, 'exited');
    const [accepted] = ofType(c, 'accept');
    expect(accepted?.remote.port).toBe(client.local!.port);
    expect(accepted?.call?.result).toBe(`(<socket>, ('127.0.0.1', ${client.local!.port}))`);
    const fin = ofType(c, 'fin-received')[0];
    expect(fin?.call).toMatchObject({ fn: 'recv', args: '1024', line: lineOf(file, 'data = connection.recv(1024)') });
  });
});
