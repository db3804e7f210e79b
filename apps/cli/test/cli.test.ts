import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { SessionInfo, type WireStatus } from '@playground/protocol';
import { BridgeTestClient } from '@playground/testkit';
import { readyUrl, runCommand, stopAll } from '@playground/testkit/cli';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
afterEach(stopAll);

/** The command from its sources, as `pnpm start` runs it. */
const startCli = (args: string[]) =>
  runCommand(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', ...args], root);

describe('the command line', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints one ready line; on %s tells every browser, closes every socket and exits 0',
    async (signal) => {
      const cli = startCli(['--port', '0']);
      const lines = await cli.waitForLines(1);
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

      cli.signal(signal);
      expect(await page.closed).toBe(1001);
      expect(page.notices).toContainEqual(
        expect.objectContaining({ type: 'notice', code: 'shutdown', message: expect.stringContaining(signal) }),
      );
      await outsideClosed;
      expect(await cli.exit).toBe(0);
    },
  );

  it('in LAN mode prints where students connect, the join code and the teacher’s link', async () => {
    const cli = startCli(['--lan', '--host', '127.0.0.1', '--port', '0']);
    const lines = await cli.waitForLines(3);
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
    cli.signal('SIGTERM');
    await page.closed;
    expect(await cli.exit).toBe(0);
  });

  it('turns packet capture on alone and off in a class, unless --capture or --no-capture says otherwise', async () => {
    const stateWith = async (args: string[], lines: number, token: (l: string[]) => string | Promise<string>) => {
      const cli = startCli(['--host', '127.0.0.1', '--port', '0', ...args]);
      const started = await cli.waitForLines(lines);
      const port = Number(new URL(readyUrl(started[0])).port);
      const page = await BridgeTestClient.open({ port, token: await token(started) });
      await page.ok({ type: 'wire.watch' });
      await page.waitFor(() => page.notices.some((m) => m.type === 'wire-status'), 5000, 'a wire status');
      const status = page.notices.find((m) => m.type === 'wire-status') as WireStatus;
      cli.signal('SIGTERM');
      await cli.exit;
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
      [['--port', '0', '--public-url', 'https://school.example/3b/'], '--public-url is for a class (--lan)'],
      [['--lan', '--port', '0', '--public-url', 'school.example'], '--public-url school.example: not a URL'],
      [['--lan', '--port', '0', '--trust-proxy', '10.0.0.0/33'], '--trust-proxy 10.0.0.0/33: expected an IP'],
    ] as const) {
      const cli = startCli([...args]);
      expect(await cli.exit, args.join(' ')).not.toBe(0);
      expect(cli.stderr()).toContain(message);
    }
  });

  it('behind a proxy prints the public address students open, and the teacher’s link there', async () => {
    const cli = startCli(['--lan', '--host', '127.0.0.1', '--port', '0', '--public-url', 'https://school.example/3b']);
    const lines = await cli.waitForLines(4);
    expect(lines[0]).toBe('Socket Playground ready at https://school.example/3b/');
    expect(lines[1]).toMatch(/^ {2}\(listening on http:\/\/127\.0\.0\.1:\d+\/ behind it\)$/);
    expect(lines[3]).toMatch(
      /^Teacher page \(keep this link to yourself\): https:\/\/school\.example\/3b\/#teacher=[\w-]{43}$/,
    );
  });
});
