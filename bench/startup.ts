/**
 * 8. Start-up and memory of the published package against today's `pnpm start`, in the same run:
 * the package is packed and installed with npm into an empty folder (apps/cli/test/support), then
 * each command is started with `--port 0`, alternately. Measured: command to ready line; resident
 * memory of the process that serves the port once idle (nobody connected, one health probe), and
 * after one page session (the page's token, a WebSocket, a TCP echo, then closed). Linux only.
 */
import { fileURLToPath } from 'node:url';
import { sleep } from '@playground/testkit';
import { echoOnce, type InstalledPackage, packAndInstall, runCommand, stopAll } from '@playground/testkit/cli';
import { listeningProcess, processTree, rssOf } from './lib/processes.ts';
import { type Benchmark, fmt, infoRow, type Outcome, type Row, skipRow } from './lib/report.ts';
import { deadline, interleave } from './lib/rounds.ts';
import { median } from './lib/stats.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
/** How long a started playground sits untouched before its memory is read. */
const IDLE_MS = 1500;
const READY_TARGET_MS = 1000;
const IDLE_RSS_TARGET = 60e6;

interface Command {
  cmd: string;
  args: string[];
  cwd: string;
}

interface Launch {
  readyMs: number;
  idleRss: number;
  /** Every process the command started: pnpm, a shell, tsx's wrapper… */
  idleTreeRss: number;
  afterSessionRss: number;
}

async function launch({ cmd, args, cwd }: Command, withSession = true): Promise<Launch> {
  const t0 = performance.now();
  const run = runCommand(cmd, [...args, '--port', '0'], cwd);
  try {
    const url = await run.waitForReady(60_000);
    const readyMs = performance.now() - t0;
    // An idle instance still answers health probes (Docker's HEALTHCHECK, Kubernetes).
    if (!(await fetch(`${url}api/health`)).ok) throw new Error(`${url}api/health did not answer`);
    await sleep(IDLE_MS);
    const tree = processTree(run.child.pid as number);
    const server = listeningProcess(Number(new URL(url).port), tree);
    if (server === undefined) throw new Error(`no process of ${cmd} listens on ${url}`);
    const idleRss = rssOf(server);
    const idleTreeRss = tree.reduce((n, pid) => n + rssOf(pid), 0);
    let afterSessionRss = Number.NaN;
    if (withSession) {
      if ((await fetch(url)).status !== 200) throw new Error(`${url} did not serve the page`);
      const { session } = await echoOnce(url);
      await session.close();
      await sleep(IDLE_MS);
      afterSessionRss = rssOf(server);
    }
    return { readyMs, idleRss, idleTreeRss, afterSessionRss };
  } finally {
    run.signal('SIGINT');
    await deadline(run.exit, 10_000, `${cmd} to stop`).catch(() => run.signal('SIGKILL'));
  }
}

export const startup: Benchmark = {
  name: 'startup',
  budgetMs: 300_000,
  async run(ctx) {
    const out: Outcome = { rows: [], details: [] };
    if (process.platform !== 'linux')
      return { rows: [skipRow('start-up', 'reads memory from /proc: Linux only')], details: [] };
    let installed: InstalledPackage;
    try {
      installed = packAndInstall();
    } catch (err) {
      return { rows: [skipRow('start-up', (err as Error).message.split('\n')[0] as string)], details: [] };
    }
    try {
      const today: Command = { cmd: 'pnpm', args: ['--silent', 'start'], cwd: repo };
      const bin: Command = { cmd: installed.bin, args: [], cwd: installed.dir };
      const npx: Command = { cmd: 'npx', args: ['--no-install', 'socket-playground'], cwd: installed.dir };
      // Once each first, so both read their files from the page cache like the rounds after.
      await launch(today, false);
      await launch(bin, false);
      const rounds = ctx.quick ? 2 : 4;
      const runs = await interleave(
        rounds,
        () => launch(today),
        () => launch(bin),
      );
      const viaNpx: number[] = [];
      for (let i = 0; i < rounds; i++) viaNpx.push((await launch(npx, false)).readyMs);
      const m = (list: Launch[], key: keyof Launch) => median(list.map((r) => r[key]));
      const b = { ready: m(runs.baseline, 'readyMs'), idle: m(runs.baseline, 'idleRss') };
      const s = { ready: m(runs.subject, 'readyMs'), idle: m(runs.subject, 'idleRss') };
      out.rows.push(
        targetRow(
          'start-up: command to ready line',
          fmt.ms(b.ready),
          fmt.ms(s.ready),
          b.ready / s.ready,
          '< 1 s',
          s.ready < READY_TARGET_MS,
        ),
        infoRow(
          'start-up: npx socket-playground to ready line',
          fmt.ms(b.ready),
          fmt.ms(median(viaNpx)),
          fmt.ratio(b.ready / median(viaNpx)),
        ),
        targetRow(
          'idle RSS of the serving process (health probes only)',
          fmt.mb(b.idle),
          fmt.mb(s.idle),
          b.idle / s.idle,
          '< 60 MB',
          s.idle < IDLE_RSS_TARGET,
        ),
        infoRow(
          'RSS after one page session, idle again',
          fmt.mb(m(runs.baseline, 'afterSessionRss')),
          fmt.mb(m(runs.subject, 'afterSessionRss')),
          fmt.ratio(m(runs.baseline, 'afterSessionRss') / m(runs.subject, 'afterSessionRss')),
        ),
      );
      const show = (list: Launch[]) => list.map((r) => `${fmt.ms(r.readyMs)}/${fmt.mb(r.idleRss)}`).join(', ');
      ctx.log(`pnpm start:        ${show(runs.baseline)}\n    socket-playground: ${show(runs.subject)}`);
      out.details.push(
        `Baseline: \`pnpm start --port 0\` (tsx, from the sources); subject: the package from \`npm pack\`, installed with npm in an empty folder, its bin run with Node (${rounds} rounds each, alternating, medians). Ratios are baseline ÷ subject.`,
        `Whole process tree while idle: pnpm start ${fmt.mb(m(runs.baseline, 'idleTreeRss'))} (pnpm, a shell, tsx's wrapper and the server); the package's bin ${fmt.mb(m(runs.subject, 'idleTreeRss'))}.`,
        'Both answer /api/health at once and load Express, the WebSocket server, the engine and the protocol on the first other request, so the idle figure is what a class instance waiting for its lesson holds; the row after a session shows what a class in use holds.',
      );
    } finally {
      stopAll();
      installed.remove();
    }
    return out;
  },
};

/** A row with an absolute target that also shows how the subject compares with the baseline. */
function targetRow(name: string, baseline: string, subject: string, ratio: number, target: string, pass: boolean): Row {
  return { name, baseline, subject, ratio: fmt.ratio(ratio), target, status: pass ? 'PASS' : 'MISS' };
}
