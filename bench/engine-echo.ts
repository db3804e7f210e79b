/**
 * 1. The engine's instrumented TCP echo server against a bare Node `net` echo server, same client.
 * The engine server runs recv(N) with N = the client's write size (the learner's `data = conn.recv(N);
 * conn.sendall(data)`), so at 16 B it really handles 16-byte pieces, an event for each read and write.
 */
import { Child } from './lib/child.ts';
import { pct, withCpu } from './lib/cpu.ts';
import type { EchoResult } from './lib/load.ts';
import { type Benchmark, fmt, MiB, type Outcome, type Row, ratioRow, skipRow } from './lib/report.ts';
import { interleave } from './lib/rounds.ts';
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

export const engineEcho: Benchmark = {
  name: 'engine-echo',
  budgetMs: 240_000,
  async run(ctx) {
    const rounds = ctx.quick ? 2 : 4;
    const out: Outcome = { rows: [], details: [] };
    const [bare, engine, load] = await Promise.all([
      Child.spawn('host.ts', 'bare-host'),
      Child.spawn('host.ts', 'engine-host'),
      Child.spawn('load.ts', 'load'),
    ]);
    try {
      const { port: barePort } = await bare.call<{ port: number }>('tcp-echo:bare', {}, 10_000);
      const echo = (port: number, c: Case) => () =>
        load.call<EchoResult>('tcp-echo', { port, total: c.total, writeSize: c.writeSize, timeoutMs: 90_000 }, 100_000);
      const measured = (host: Child, port: number, c: Case) => async () => {
        const { result, busy } = await withCpu([host, load], echo(port, c));
        return { rate: result.received / result.ms, server: busy[0] as number, client: busy[1] as number };
      };
      for (const c of cases(ctx.quick)) {
        const recvSize = Math.min(c.writeSize, 65536);
        const { port } = await engine.call<{ port: number }>('tcp-echo:engine', { recvSize }, 10_000);
        const warm = { ...c, total: Math.min(c.total, 8 * MiB) };
        await echo(barePort, warm)();
        await echo(port, warm)();
        const runs = await interleave(rounds, measured(bare, barePort, c), measured(engine, port, c));
        const b = runs.baseline.map((r) => r.rate);
        const s = runs.subject.map((r) => r.rate);
        const name = `engine echo, ${fmt.size(c.writeSize)} writes, recv(${recvSize}), ${fmt.size(c.total)}`;
        out.rows.push(ratioRow(name, fmt.gbps(median(b)), fmt.gbps(median(s)), pairedRatio(b, s), { min: c.target }));
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
      }
      out.rows.push(...(await againstSocat(ctx.quick, engine, load)));
      out.details.push(
        `Engine echo: ${rounds} interleaved rounds per size; ratio = median of per-round ratios; the engine's event sink only counts.`,
      );
    } finally {
      await Promise.all([bare.stop(), engine.stop(), load.stop()]);
    }
    return out;
  },
};

/** socat is the "what a C program does" reference; it is only there when installed. */
async function againstSocat(quick: boolean, engine: Child, load: Child): Promise<Row[]> {
  if (!hasSocat()) return [skipRow('engine echo vs socat, 64 KiB writes', 'socat not installed')];
  const socat = await startSocatEcho();
  try {
    const total = (quick ? 32 : 256) * MiB;
    const { port } = await engine.call<{ port: number }>('tcp-echo:engine', { recvSize: 65536 }, 10_000);
    const echo = (p: number) => () =>
      load.call<EchoResult>('tcp-echo', { port: p, total, writeSize: 65536, timeoutMs: 90_000 }, 100_000);
    const runs = await interleave(quick ? 2 : 4, echo(socat.port), echo(port));
    const b = runs.baseline.map((x) => x.received / x.ms);
    const s = runs.subject.map((x) => x.received / x.ms);
    return [
      ratioRow('engine echo vs socat, 64 KiB writes', fmt.gbps(median(b)), fmt.gbps(median(s)), pairedRatio(b, s), {
        min: 0.9,
      }),
    ];
  } finally {
    socat.stop();
  }
}
