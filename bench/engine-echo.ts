/**
 * 1. The engine's instrumented TCP echo server against a bare Node `net` echo server doing the same
 * work, same client. Both run the learner's `data = conn.recv(N); conn.sendall(data)` with N = the
 * client's write size: a write per piece of at most N bytes, so at 16 B the engine really handles
 * 16-byte pieces, with an event for each read and each write. Each row has a time budget of its
 * own: a row that stalls fails alone, saying why, and the others still report.
 */
import { Child } from './lib/child.ts';
import { pct, withCpu } from './lib/cpu.ts';
import type { EchoResult } from './lib/load.ts';
import { type Benchmark, fmt, MiB, type Outcome, type Row, ratioRow, skipRow } from './lib/report.ts';
import { interleave } from './lib/rounds.ts';
import { measureRow } from './lib/rows.ts';
import { hasSocat, startSocatEcho } from './lib/socat.ts';
import { median, pairedRatio } from './lib/stats.ts';

interface Case {
  writeSize: number;
  total: number;
  target: number;
}

function cases(quick: boolean): Case[] {
  // 16-byte writes cost the client as much per byte as the server, so 256 MiB of them would take
  // minutes; 32 MiB keeps each run a few seconds and is still millions of pieces.
  const scale = quick ? 8 : 1;
  return [
    { writeSize: 64 * 1024, total: (256 * MiB) / scale, target: 0.9 },
    { writeSize: 1024, total: (256 * MiB) / scale, target: 0.9 },
    { writeSize: 16, total: (32 * MiB) / scale, target: 0.7 },
  ];
}

/** The helper processes; the load generator is started afresh after a row failed, so a stalled transfer goes with it. */
interface Helpers {
  bare: Child;
  engine: Child;
  load: Child;
}

const SOCAT_ROW = 'engine echo vs socat, 64 KiB writes';

export const engineEcho: Benchmark = {
  name: 'engine-echo',
  budgetMs: 480_000,
  async run(ctx) {
    const rounds = ctx.quick ? 2 : 4;
    const rowBudgetMs = ctx.quick ? 50_000 : 110_000;
    const out = ctx.partial;
    const [bare, engine, load] = await Promise.all([
      Child.spawn('host.ts', 'bare-host'),
      Child.spawn('host.ts', 'engine-host'),
      Child.spawn('load.ts', 'load'),
    ]);
    const helpers: Helpers = { bare, engine, load };
    const freshLoad = async () => {
      await helpers.load.stop();
      helpers.load = await Child.spawn('load.ts', 'load');
    };
    const row = (name: string, measure: () => Promise<Row>) =>
      measureRow(out.rows, name, rowBudgetMs, measure, freshLoad, ctx.log);
    try {
      for (const c of cases(ctx.quick)) {
        const recvSize = Math.min(c.writeSize, 65536);
        const name = `engine echo, ${fmt.size(c.writeSize)} writes, recv(${recvSize}), ${fmt.size(c.total)}`;
        await row(name, () => echoRow(ctx, out, helpers, c, rounds, name));
      }
      if (!hasSocat()) out.rows.push(skipRow(SOCAT_ROW, 'socat not installed'));
      else await row(SOCAT_ROW, () => againstSocat(ctx.quick, helpers));
      out.details.push(
        `Engine echo: ${rounds} interleaved rounds per size; ratio = median of per-round ratios; the engine's event sink only counts; the bare server writes each recv(N) piece with a write of its own, as the engine does.`,
      );
    } finally {
      await Promise.all([helpers.bare.stop(), helpers.engine.stop(), helpers.load.stop()]);
    }
    return out;
  },
};

async function echoRow(
  ctx: { log(m: string): void },
  out: Outcome,
  helpers: Helpers,
  c: Case,
  rounds: number,
  name: string,
): Promise<Row> {
  const { bare, engine } = helpers;
  const recvSize = Math.min(c.writeSize, 65536);
  const { port: barePort } = await bare.call<{ port: number }>('tcp-echo:bare', { recvSize }, 10_000);
  const { port } = await engine.call<{ port: number }>('tcp-echo:engine', { recvSize }, 10_000);
  const echo = (p: number, total: number) => () =>
    helpers.load.call<EchoResult>('tcp-echo', { port: p, total, writeSize: c.writeSize, timeoutMs: 90_000 }, 100_000);
  const measured = (host: Child, p: number) => async () => {
    const { result, busy } = await withCpu([host, helpers.load], echo(p, c.total));
    return { rate: result.received / result.ms, server: busy[0] as number, client: busy[1] as number };
  };
  const warm = Math.min(c.total, 8 * MiB);
  await echo(barePort, warm)();
  await echo(port, warm)();
  const runs = await interleave(rounds, measured(bare, barePort), measured(engine, port));
  const b = runs.baseline.map((r) => r.rate);
  const s = runs.subject.map((r) => r.rate);
  const show = (r: { rate: number; server: number; client: number }) =>
    `${fmt.gbps(r.rate)} (server ${pct(r.server)}, client ${pct(r.client)})`;
  ctx.log(
    `${name}\n    bare:   ${runs.baseline.map(show).join(', ')}\n    engine: ${runs.subject.map(show).join(', ')}`,
  );
  const busy = (r: Array<{ server: number; client: number }>) =>
    `server ${pct(median(r.map((x) => x.server)))}, client ${pct(median(r.map((x) => x.client)))}`;
  out.details.push(
    `${fmt.size(c.writeSize)} writes: CPU busy (median, share of one core): bare ${busy(runs.baseline)}; engine ${busy(runs.subject)}.`,
  );
  return ratioRow(name, fmt.gbps(median(b)), fmt.gbps(median(s)), pairedRatio(b, s), { min: c.target });
}

/** socat is the "what a C program does" reference; it is only there when installed. */
async function againstSocat(quick: boolean, helpers: Helpers): Promise<Row> {
  const socat = await startSocatEcho();
  try {
    const total = (quick ? 32 : 256) * MiB;
    const { port } = await helpers.engine.call<{ port: number }>('tcp-echo:engine', { recvSize: 65536 }, 10_000);
    const echo = (p: number) => () =>
      helpers.load.call<EchoResult>('tcp-echo', { port: p, total, writeSize: 65536, timeoutMs: 90_000 }, 100_000);
    const runs = await interleave(quick ? 2 : 4, echo(socat.port), echo(port));
    const b = runs.baseline.map((x) => x.received / x.ms);
    const s = runs.subject.map((x) => x.received / x.ms);
    return ratioRow(SOCAT_ROW, fmt.gbps(median(b)), fmt.gbps(median(s)), pairedRatio(b, s), { min: 0.9 });
  } finally {
    socat.stop();
  }
}
