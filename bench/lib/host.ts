/**
 * A server-side helper process: it runs one baseline or one playground server at a time and reports
 * its own memory. Baseline and subject each get a host of their own, started the same way.
 */
import { Engine } from '@playground/engine';
import { bareRelay, bareTcpEcho, bareUdpEcho } from './bare.ts';
import { serve } from './child.ts';
import { MemoryWatch, readMemory } from './memory.ts';

let watch: MemoryWatch | undefined;

const closers: Array<() => unknown> = [];

/** The instrumented servers without the bridge: every event goes to a sink that only counts it. */
let engineEvents = 0;
const engine = new Engine({
  onEvent: () => {
    engineEvents++;
  },
});

type Settings = Record<string, unknown>;
const isObject = (v: unknown): v is Settings => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Starts the real bridge on an ephemeral port. `patch` changes settings one key deep (e.g.
 * `{ limits: { eventsPerSecond: … } }`), and only settings this version of the bridge has, so the
 * benchmarks keep working while the bridge grows new ones.
 */
async function startBridge(args: {
  webRoot?: string;
  patch?: Settings;
}): Promise<{ port: number; applied: Settings; token: string; joinCode: string | undefined }> {
  // Imported lazily: the bridge pulls in express, pino and ws, which the other hosts do not need.
  const { startPlayground, defaultConfig } = await import('@playground/server');
  const defaults = defaultConfig() as unknown as Settings;
  const overrides: Settings = { port: 0 };
  const applied: Settings = {};
  for (const [key, value] of Object.entries(args.patch ?? {})) {
    const current = defaults[key];
    if (current === undefined) continue;
    if (isObject(current) && isObject(value)) {
      const known = Object.fromEntries(Object.entries(value).filter(([k]) => k in current));
      if (Object.keys(known).length === 0) continue;
      overrides[key] = { ...current, ...known };
      applied[key] = known;
    } else {
      overrides[key] = value;
      applied[key] = value;
    }
  }
  if (args.webRoot) overrides.webRoot = args.webRoot;
  const playground = await startPlayground(overrides);
  closers.push(() => playground.close());
  return { port: playground.port, applied, token: playground.token, joinCode: playground.joinCode };
}

serve({
  ping: () => ({ pid: process.pid }),
  /** CPU time used so far (user + system, µs): busy fraction = its growth over a run's wall time. */
  cpu: () => process.cpuUsage(),
  'tcp-echo:bare': async (args: { recvSize?: number }) => {
    const s = await bareTcpEcho(args.recvSize);
    closers.push(s.close);
    return { port: s.port };
  },
  'tcp-echo:engine': async (args: { recvSize: number }) => {
    const info = await engine.tcpListen({ host: '127.0.0.1', port: 0, recvSize: args.recvSize, behaviour: 'echo' });
    return { port: info.local?.port };
  },
  'udp-echo:bare': async () => {
    const s = await bareUdpEcho();
    closers.push(s.close);
    return { port: s.port };
  },
  'udp-echo:engine': async (args: { recvSize: number }) => {
    const info = await engine.udpBind({ host: '127.0.0.1', port: 0, recvSize: args.recvSize, behaviour: 'echo' });
    return { port: info.local?.port };
  },
  relay: async () => {
    const s = await bareRelay();
    closers.push(s.close);
    return { port: s.port };
  },
  bridge: startBridge,
  engineEvents: () => engineEvents,
  /** Collects garbage first when asked, so "memory per connection" is not mostly uncollected garbage. */
  memory: (args: { gc?: boolean }) => readMemory(args),
  watchMemory: () => {
    watch = new MemoryWatch();
    return true;
  },
  watchedMemory: () => watch?.stop(),
  /** For investigating a peak: `v8.writeHeapSnapshot` into `dir`; returns the file name. */
  heapSnapshot: async (args: { dir: string }) => {
    const { writeHeapSnapshot } = await import('node:v8');
    return writeHeapSnapshot(`${args.dir}/bridge-${Date.now()}.heapsnapshot`);
  },
  closeAll: async () => {
    await engine.closeAll();
    await Promise.all(closers.splice(0).map((close) => close()));
  },
});
