import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TraceCall } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { SHIM_DIR } from '../src/launch/python.ts';
import { ShimParser } from '../src/shim-parser.ts';

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('Skipping the Python shim tests: python3 is not installed (apt-get install -y python3).');
    return false;
  }
}

/** Runs `code` the way `trace` runs a Python program; what it printed, and what the shim said. */
async function traced(
  code: string,
  extraPath: string[] = [],
): Promise<{ stdout: string; calls: TraceCall[]; hello: boolean }> {
  const child = spawn('python3', ['-c', code], {
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    env: {
      ...process.env,
      PYTHONPATH: [SHIM_DIR, ...extraPath].join(delimiter),
      SOCKET_PLAYGROUND_TRACE_FD: '3',
      SOCKET_PLAYGROUND_PYTHONPATH: extraPath.join(delimiter),
    },
  });
  let stdout = '';
  let trace = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stdio[3]?.on('data', (d: Buffer) => {
    trace += d.toString();
  });
  await new Promise((resolve) => child.once('close', resolve));
  const parser = new ShimParser(
    () => performance.now(),
    (message) => {
      throw new Error(message);
    },
  );
  const calls = trace.split('\n').flatMap((line) => {
    const call = line ? parser.line(line) : undefined;
    return call ? [call] : [];
  });
  return { stdout, calls, hello: parser.hello !== undefined };
}

describe.skipIf(!hasPython())('the Python shim', () => {
  it('leaves the program’s output alone and its environment as it was for programs it starts', async () => {
    const { stdout, hello } = await traced(
      "import os; print('hola'); print(os.environ.get('SOCKET_PLAYGROUND_TRACE_FD'), os.environ.get('PYTHONPATH'))",
    );
    expect(hello).toBe(true);
    expect(stdout).toBe('hola\nNone None\n');
  });

  it('runs the sitecustomize it hides, so the installation’s own start-up still happens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-site-'));
    writeFileSync(join(dir, 'sitecustomize.py'), 'import builtins\nbuiltins.SITE_RAN = True\n');
    const { stdout } = await traced('print(SITE_RAN)', [dir]);
    expect(stdout).toBe('True\n');
  });

  it('traces TCP and UDP sockets only, and tells a socket the garbage collector closed', async () => {
    const { calls } = await traced(
      [
        'import gc, socket',
        'a, b = socket.socketpair()',
        'a.send(b"x")',
        'u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
        'del u',
        'gc.collect()',
      ].join('\n'),
    );
    expect(calls.map((c) => [c.op, c.line, c.gc])).toEqual([
      ['socket', 4, undefined],
      ['close', 4, true],
    ]);
  });

  it('looks at what was left unread when a connection is closed, without taking it', async () => {
    const { calls, stdout } = await traced(
      [
        'import socket',
        'l = socket.create_server(("127.0.0.1", 0))',
        'c = socket.create_connection(l.getsockname())',
        's, _ = l.accept()',
        'c.sendall(b"hola mundo")',
        'print(s.recv(4))',
        's.close()',
        'c.close()',
        'l.close()',
      ].join('\n'),
    );
    expect(stdout).toBe("b'hola'\n");
    const close = calls.find((c) => c.op === 'close' && c.line === 7);
    expect(close?.unread).toBe(6);
  });
});
