import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BridgeTestClient, findPython } from '@playground/testkit';
import { readBridgeFile } from '@playground/trace';
import { afterEach, describe, expect, it } from 'vitest';
import { straceProblem } from '../../../packages/trace/src/launch/strace.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { EXAMPLES, programCalls, TRACE_CLI, trace, waitForProgram } from './support/trace.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const python = findPython('the trace command’s tests');
const strace = straceProblem();
if (strace) console.warn(`Skipping the strace tracing test: ${strace}.`);

let bridge: ChildProcess | undefined;
afterEach(() => {
  bridge?.kill('SIGTERM');
  bridge = undefined;
});

/** `node trace …` with this environment; resolves with its exit status and what it said. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', TRACE_CLI, ...args], { cwd: root, env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/** The traced client's connection is the one the playground's server accepted: both ends seen. */
function expectJoinedToPlayground(c: BridgeTestClient): void {
  const connected = c.events.find((e) => e.type === 'connected' && e.witness === 'program');
  const accept = c.events.find((e) => e.type === 'accept' && e.witness === undefined);
  if (connected?.type !== 'connected' || accept?.type !== 'accept') throw new Error('both ends should be seen');
  expect(accept.remote.port).toBe(connected.local.port);
}

describe.skipIf(!python)('the trace command', () => {
  const pg = usePlaygrounds();

  it('finds the local playground without a code, through the file only its user can read', async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'sp-runtime-'));
    const env: NodeJS.ProcessEnv = { ...process.env, SOCKET_PLAYGROUND_RUNTIME_DIR: join(runtime, 'run') };
    delete env.INIT_CWD;
    bridge = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', '--port', '0'], { cwd: root, env });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bridge did not start')), 15_000);
      bridge?.stdout?.on('data', (d: Buffer) => {
        const found = /ready at (\S+)/.exec(d.toString())?.[1];
        if (!found) return;
        clearTimeout(timer);
        resolve(found);
      });
    });
    const port = Number(new URL(url).port);
    const published = readBridgeFile(port, env);
    expect(published).toMatchObject({ url, port });
    const page = await BridgeTestClient.open({ port, token: published!.token });
    try {
      const out = await runCli(['--url', url, '--', 'python3', '-c', 'import socket; socket.socket().close()'], env);
      expect(out.code).toBe(0);
      expect(out.stderr).toContain('runs traced');
      await page.waitFor(() => page.events.some((e) => e.call?.fn === 'close'), 10_000, 'the program’s close()');
    } finally {
      await page.close();
    }
  });

  it('says what is wrong, starts nothing and exits 2 when it cannot attach', async () => {
    const env = { ...process.env, SOCKET_PLAYGROUND_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'sp-none-')) };
    const p = await pg.start();
    const noFile = await runCli(['--url', p.url, '--', 'python3', '-c', 'open("/nonexistent-should-not-run")'], env);
    expect(noFile).toMatchObject({ code: 2, stderr: expect.stringContaining('No playground of yours is running') });
    const wrong = await runCli(['--url', p.url, '--code', 'AAAA-BBBB', '--', 'python3', '-c', 'pass'], env);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('That code is not valid') });
    const remote = await runCli(['--url', 'http://192.0.2.1:4780/', '--', 'python3', '-c', 'pass'], env);
    expect(remote).toMatchObject({ code: 2, stderr: expect.stringContaining('needs the code its page shows') });
  });

  it('ends with the program’s own exit status', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const out = await (await trace(p, c, ['python3', '-c', 'import sys; sys.exit(3)'])).exited;
    expect(out.code).toBe(3);
    await waitForProgram(c, 'exited');
  });

  it.skipIf(strace !== undefined)('any language on Linux: strace’s system calls, without source lines', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const run = await trace(
      p,
      c,
      ['python3', `${EXAMPLES}seed001_echo_client.py`, String(server.local!.port)],
      ['--tracer', 'strace'],
    );
    const out = await run.exited;
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Data received by the server');
    await waitForProgram(c, 'exited');
    const calls = programCalls(c);
    const steps = calls
      .map((x) => x.fn)
      .filter((fn) => ['socket', 'connect', 'sendto', 'recvfrom', 'close'].includes(fn));
    expect(steps).toEqual(['socket', 'connect', 'sendto', 'recvfrom', 'close']);
    expect(calls.every((x) => x.line === undefined)).toBe(true);
    expect(calls.find((x) => x.fn === 'sendto')?.size).toBe(52);
    expectJoinedToPlayground(c);
    expect(c.notices.find((m) => m.type === 'program')).toMatchObject({ tracer: 'strace' });
  });

  it.skipIf(strace !== undefined)(
    'a program in another language (Node) under strace: its calls, sizes and peer',
    async () => {
      const p = await pg.start();
      const c = await pg.client(p);
      const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
      const port = server.local!.port;
      // A client in JavaScript: one write, reads until the playground's echo has it all, then ends.
      const program = `const s = require('net').connect(${port}, '127.0.0.1', () => s.write('hola desde node'));
let got = 0; s.on('data', (d) => { got += d.length; if (got >= 15) s.end(); }); s.on('close', () => console.log('done', got));`;
      const out = await (await trace(p, c, [process.execPath, '-e', program])).exited;
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('done 15');
      await waitForProgram(c, 'exited');
      expect(c.notices.find((m) => m.type === 'program')).toMatchObject({ tracer: 'strace' });
      const calls = programCalls(c);
      const fns = calls.map((x) => x.fn);
      // libuv's non-blocking socket: the calls are the kernel's, with no source lines.
      expect(fns).toEqual(['socket', 'connect', 'write', 'read', 'shutdown', 'read', 'close']);
      expect(calls.every((x) => x.line === undefined)).toBe(true);
      expect(calls[1]?.args).toBe(`127.0.0.1:${port}`);
      expect(calls.filter((x) => x.fn === 'write' || x.fn === 'read').map((x) => x.size ?? 0)).toEqual([15, 15, 0]);
      expectJoinedToPlayground(c);
    },
  );
});
