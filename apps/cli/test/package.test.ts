/**
 * The published package, checked as a teacher gets it: `npm pack` of apps/cli (its prepack
 * compiles the command and copies the built page; `pnpm build` must have built the page), the
 * tarball installed with npm into an empty folder, then `npx socket-playground` started from there
 * with only Node: the page, /api/health, a WebSocket session with one echo, `--lan` and `--lessons`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JoinReply, LessonFiles } from '@playground/protocol';
import {
  echoOnce,
  type InstalledPackage,
  MESSAGE,
  packAndInstall,
  readyUrl,
  runCommand,
  stopAll,
} from '@playground/testkit/cli';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureProblem } from '../../server/src/wire/capture-probe.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
let installed: InstalledPackage;
const capture = await captureProblem();

beforeAll(() => {
  installed = packAndInstall();
}, 240_000);
afterAll(() => installed?.remove());
afterEach(stopAll);

describe('the published package', () => {
  it('holds compiled JavaScript and the built page, and depends on nothing', () => {
    const pkg = join(installed.dir, 'node_modules/socket-playground');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ 'socket-playground': 'dist/socket-playground.js' });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(installed.dir, 'node_modules'))).toEqual([
      '.bin',
      '.package-lock.json',
      'socket-playground',
    ]);
    const files = readdirSync(pkg, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(files).toContain('web/index.html');
    expect(files).toContain('python/sitecustomize.py');
    expect(files.filter((f) => f.includes('__pycache__'))).toEqual([]);
    expect(readFileSync(join(pkg, 'dist/socket-playground.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(readFileSync(join(pkg, 'THIRD_PARTY_LICENSES.txt'), 'utf8')).toContain('express@');
  });

  it('npx socket-playground --port 0 serves the page, /api/health and a WebSocket session that echoes', async () => {
    const cli = runCommand('npx', ['--no-install', 'socket-playground', '--port', '0'], installed.dir);
    const url = await cli.waitForReady(30_000);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Relative, so the page also works under a proxy's path.
    const script = /<script type="module" crossorigin src="(\.\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(new URL(script as string, url))).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${url}api/health`)).json()).toMatchObject({ ok: true, sessions: 0 });

    const { session, echoed } = await echoOnce(url);
    expect(echoed).toBe(MESSAGE);

    // Ctrl+C: the playground says goodbye to the page (1001) and ends; npx itself dies of the signal.
    cli.signal('SIGINT');
    expect(await session.closed).toBe(1001);
    await cli.exit;
  }, 60_000);

  it('--lan --lessons DIR: prints the join code and the teacher’s link, and serves the lessons to a student', async () => {
    const lessons = join(installed.work, 'lessons');
    mkdirSync(lessons, { recursive: true });
    const lesson = JSON.parse(readFileSync(join(repo, 'apps/web/src/lessons/01-echo.json'), 'utf8'));
    writeFileSync(join(lessons, 'ours.json'), JSON.stringify({ ...lesson, id: 'ours' }));
    const args = ['--lan', '--host', '127.0.0.1', '--port', '0', '--lessons', lessons];
    const cli = runCommand(installed.bin, args, installed.dir);
    const lines = await cli.waitForLines(4, 30_000);
    const url = readyUrl(lines[0]);
    const code = /^Join code for students: ([A-Z2-9]{6})$/.exec(lines[1] ?? '')?.[1];
    expect(lines[2]).toMatch(/^Teacher page \(keep this link to yourself\): http:\/\/127\.0\.0\.1:\d+\/#teacher=/);
    expect(lines[3]).toBe(`Lessons from ${lessons}: 1 ready`);

    const headers = { origin: new URL(url).origin, 'content-type': 'application/json' };
    const join_ = await fetch(`${url}api/join`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code, name: 'Ada' }),
    });
    const { token } = JoinReply.parse(await join_.json());
    const served = await fetch(`${url}api/lessons`, { headers: { authorization: `Bearer ${token}` } });
    expect(LessonFiles.parse(await served.json()).lessons.map((l) => l.file)).toEqual(['ours.json']);

    cli.signal('SIGTERM');
    expect(await cli.exit).toBe(0);
  }, 60_000);

  it('socket-playground trace -- python3 …: the program runs with the package’s own tracer, its calls on the page', async () => {
    // Its own runtime folder: the served playground leaves its token there for `trace` (local mode).
    // Run from a shell, not a pnpm script: pnpm's INIT_CWD (the suite's folder) would be the program's folder.
    const { INIT_CWD: _fromPnpm, ...shell } = process.env;
    const env = { ...shell, SOCKET_PLAYGROUND_RUNTIME_DIR: join(installed.work, 'run') };
    const cli = runCommand(installed.bin, ['--port', '0'], installed.dir, env);
    const url = await cli.waitForReady(30_000);
    const { session } = await echoOnce(url);
    const server = (await session.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
    const client = join(repo, 'docs/examples/python/seed001_echo_client.py');
    const program = `import runpy, sys, socket_playground_trace as t; print(t.__file__); sys.argv = ['c', '${server.local!.port}']; runpy.run_path(${JSON.stringify(client)})`;
    const traced = runCommand(
      installed.bin,
      ['trace', '--url', url, '--', 'python3', '-c', program],
      installed.dir,
      env,
    );
    expect(await traced.exit).toBe(0);
    // Its output stays its own; the tracer it loaded is the package's copy.
    expect(traced.lines[0]).toBe(
      join(installed.dir, 'node_modules/socket-playground/python/socket_playground_trace/__init__.py'),
    );
    expect(traced.lines[1]).toContain('Data received by the server');
    expect(traced.stderr()).toContain('[trace] -c runs traced');
    // The bridge says the program ended after every call of it went out.
    const ended = () => session.notices.some((m) => m.type === 'program' && m.status === 'exited');
    await session.waitFor(ended, 20_000, `the traced program's end (${traced.stderr()})`);
    const calls = session.events.flatMap((e) => (e.call ? [`${e.call.fn}@${e.call.line}:${e.call.file}`] : []));
    expect(calls).toContain(`recv@12:${client}`);
    cli.signal('SIGTERM');
    expect(await cli.exit).toBe(0);
  }, 60_000);

  it.skipIf(capture !== undefined)(
    `captures packets for the wire view with its compiled worker${capture ? ` (skipped: ${capture})` : ''}`,
    async () => {
      const cli = runCommand(installed.bin, ['--port', '0'], installed.dir);
      const url = await cli.waitForReady(30_000);
      const { session } = await echoOnce(url);
      const segments = () => session.notices.filter((m) => (m as { type: string }).type === 'wire');
      await session.ok({ type: 'wire.watch' });
      const server = (await session.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
      await session.ok({ type: 'tcp.connect', host: '127.0.0.1', port: server.local!.port });
      await session.waitFor(() => segments().length > 0, 10_000, 'captured segments');
      cli.signal('SIGTERM');
      expect(await cli.exit).toBe(0);
    },
    60_000,
  );
});
