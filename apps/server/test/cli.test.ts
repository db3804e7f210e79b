import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function startCli(args: string[]): Promise<{ line: string; exit: Promise<number | null> }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: root });
  const proc = child;
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ready line within 15 s; got: ${out}`)), 15_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('Socket Playground ready at '));
      if (line) {
        clearTimeout(timer);
        resolve({ line, exit });
      }
    });
    proc.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
  });
}

describe('the command line', () => {
  it('prints one ready line with the URL, serves health there, and stops cleanly on SIGTERM', async () => {
    const { line, exit } = await startCli(['--port', '0', '--host', '127.0.0.1']);
    const url = /^Socket Playground ready at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line)?.[1];
    expect(url).toBeDefined();
    const res = await fetch(`${url}api/health`);
    expect(res.status).toBe(200);
    child?.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a port that is not a number with a clear message', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', '--port', 'abc'], { cwd: root });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child?.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toContain('a port is a whole number');
  });
});
