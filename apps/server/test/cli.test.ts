import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { SessionInfo, type WireStatus } from '@playground/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeTestClient } from './support/bridge-client.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the CLI and resolves once it printed `lines` lines on stdout. */
function startCli(args: string[], lines = 1): Promise<{ lines: string[]; exit: Promise<number | null> }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: root });
  const proc = child;
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no ready output within 15 s; got: ${out}${err}`)), 15_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const got = out.split('\n').filter((l) => l !== '');
      if (got.length >= lines) {
        clearTimeout(timer);
        resolve({ lines: got, exit });
      }
    });
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
  });
}

function readyUrl(line: string | undefined): string {
  const url = /^Socket Playground ready at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line ?? '')?.[1];
  if (!url) throw new Error(`not a ready line: ${line}`);
  return url;
}

describe('the command line', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints one ready line; on %s tells every browser, closes every socket and exits 0',
    async (signal) => {
      const { lines, exit } = await startCli(['--port', '0']);
      expect(lines).toHaveLength(1);
      const url = readyUrl(lines[0]);
      expect((await fetch(`${url}api/health`)).status).toBe(200);
      const port = Number(new URL(url).port);
      const { token } = SessionInfo.parse(await (await fetch(`${url}api/session`)).json());
      const page = await BridgeTestClient.open({ port, token: token ?? '' });
      const server = (await page.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
      const outside = net.connect({ host: '127.0.0.1', port: server.local!.port });
      outside.on('error', () => {});
      const outsideClosed = new Promise<void>((resolve) => outside.on('close', () => resolve()));
      await page.waitFor(() => page.events.some((e) => e.type === 'accept'), 3000, 'accept');

      child?.kill(signal);
      expect(await page.closed).toBe(1001);
      expect(page.notices).toContainEqual(
        expect.objectContaining({ type: 'notice', code: 'shutdown', message: expect.stringContaining(signal) }),
      );
      await outsideClosed;
      expect(await exit).toBe(0);
    },
  );

  it('in LAN mode prints where students connect, the join code and the teacher’s link', async () => {
    const { lines, exit } = await startCli(['--lan', '--host', '127.0.0.1', '--port', '0'], 3);
    const url = readyUrl(lines[0]);
    expect(lines[1]).toMatch(/^Join code for students: [A-Z2-9]{6}$/);
    const teacher =
      /^Teacher page \(keep this link to yourself\): (http:\/\/127\.0\.0\.1:\d+\/)#teacher=([\w-]{43})$/.exec(
        lines[2] ?? '',
      );
    expect(teacher?.[1]).toBe(url);
    const port = Number(new URL(url).port);
    const page = await BridgeTestClient.open({ port, token: teacher?.[2] ?? '' });
    expect(page.welcome?.role).toBe('teacher');
    child?.kill('SIGTERM');
    await page.closed;
    expect(await exit).toBe(0);
  });

  it('turns packet capture on alone and off in a class, unless --capture or --no-capture says otherwise', async () => {
    const stateWith = async (args: string[], lines: number, token: (l: string[]) => string | Promise<string>) => {
      const started = await startCli(['--host', '127.0.0.1', '--port', '0', ...args], lines);
      const port = Number(new URL(readyUrl(started.lines[0])).port);
      const page = await BridgeTestClient.open({ port, token: await token(started.lines) });
      await page.ok({ type: 'wire.watch' });
      await page.waitFor(() => page.notices.some((m) => m.type === 'wire-status'), 5000, 'a wire status');
      const status = page.notices.find((m) => m.type === 'wire-status') as WireStatus;
      child?.kill('SIGTERM');
      await started.exit;
      return status;
    };
    const local = async (l: string[]) => {
      const { token } = SessionInfo.parse(await (await fetch(`${readyUrl(l[0])}api/session`)).json());
      return token ?? '';
    };
    const teacher = (l: string[]) => /#teacher=([\w-]{43})$/.exec(l[2] ?? '')?.[1] ?? '';
    expect((await stateWith(['--no-capture'], 1, local)).reason).toContain('--no-capture');
    expect((await stateWith([], 1, local)).state).not.toBe('disabled');
    expect((await stateWith(['--lan'], 3, teacher)).reason).toContain('--lan --capture');
    expect((await stateWith(['--lan', '--capture'], 3, teacher)).state).not.toBe('disabled');
  }, 60_000);

  it('refuses a port that is not a number, or an --allow-target it cannot read, with a clear message', async () => {
    for (const [args, message] of [
      [['--port', 'abc'], 'a port is a whole number'],
      [['--port', '0', '--allow-target', '10.0.0.0/40'], '--allow-target 10.0.0.0/40: the prefix length must be 0-32'],
      [['--port', '0', '--host', '0.0.0.0'], 'use --lan'],
    ] as const) {
      child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: root });
      let err = '';
      child.stderr?.on('data', (d: Buffer) => {
        err += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child?.on('exit', resolve));
      expect(code, args.join(' ')).not.toBe(0);
      expect(err).toContain(message);
    }
  });
});
