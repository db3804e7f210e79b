/**
 * Issue 14, point 6: a server that closed first leaves its port in TIME_WAIT, and the seeds' servers
 * (no SO_REUSEADDR) cannot bind it again until that ends. The playground's server can (Node always
 * sets SO_REUSEADDR), unless started with reuseAddress: false, which refuses as Python would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../src/index.ts';
import { readKernelTcpTable } from '../src/kernel/tcp-table.ts';
import { useEngines } from './helpers.ts';
import { type PythonPeer, python, runPython, startPythonServer } from './support/python.ts';

const engines = useEngines();
const peers: PythonPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

async function timeWaitOn(port: number): Promise<boolean> {
  const table = await readKernelTcpTable();
  return table.available && table.sockets.some((s) => s.local.port === port && s.state === 'TIME_WAIT');
}

describe.skipIf(!python || process.platform !== 'linux')('restarting on a port in TIME_WAIT', () => {
  it('Python: the server that closed first cannot bind its port again without SO_REUSEADDR', async () => {
    const server = await startPythonServer('close_first_server.py', [0]);
    peers.push(server);
    expect(await runPython('read_until_closed_client.py', [server.port])).toBe('done');
    expect(await server.line()).toBe('closed');
    expect(await timeWaitOn(server.port)).toBe(true);
    expect(await runPython('bind_port.py', [server.port])).toBe('EADDRINUSE');
    // SO_REUSEADDR helps only when the socket that left TIME_WAIT behind had it too, and this one did not.
    expect(await runPython('bind_port.py', [server.port, 'reuse'])).toBe('EADDRINUSE');
  });

  it('playground: reuseAddress false refuses where Python would, naming the TIME_WAIT row; the default starts', async () => {
    const { engine, rec } = engines();
    const first = await engine.tcpListen({ host: '127.0.0.1', port: 0, reuseAddress: false });
    const port = first.local!.port;
    expect(first.reuseAddress).toBe(false);
    const client = runPython('read_until_closed_client.py', [port]);
    await rec.next(first.id, 'accept');
    // Close all: the server's side closes first, so it is the one left in TIME_WAIT.
    await engine.close(first.id);
    expect(await client).toBe('done');
    expect(await timeWaitOn(port)).toBe(true);
    expect(await runPython('bind_port.py', [port])).toBe('EADDRINUSE');
    // The playground's connection had SO_REUSEADDR, so a server that sets it too may bind.
    expect(await runPython('bind_port.py', [port, 'reuse'])).toBe('ok');

    const refused = await engine.tcpListen({ host: '127.0.0.1', port, reuseAddress: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineError);
    expect((refused as EngineError).toInfo()).toMatchObject({
      code: 'EADDRINUSE',
      syscall: 'bind',
      params: { host: '127.0.0.1', port, reason: 'noReuseAddr', state: 'TIME_WAIT', local: `127.0.0.1:${port}` },
    });
    expect((refused as EngineError).message).toMatch(/TIME_WAIT .* SO_REUSEADDR, like the seeds' Python servers/);
    const errors = rec.events.filter((e) => e.type === 'error');
    expect(errors.at(-1)).toMatchObject({ error: { code: 'EADDRINUSE' } });

    // With SO_REUSEADDR (Node's and the form's default) the same port works, as it does for Python with it.
    const again = await engine.tcpListen({ host: '127.0.0.1', port });
    expect(again.local!.port).toBe(port);
    expect(again.reuseAddress).toBeUndefined();
  });

  it('reuseAddress false on a port nobody holds listens as usual', async () => {
    const { engine } = engines();
    const probe = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    const port = probe.local!.port;
    await engine.close(probe.id);
    const server = await engine.tcpListen({ host: '127.0.0.1', port, reuseAddress: false });
    expect(server.local!.port).toBe(port);
  });
});
