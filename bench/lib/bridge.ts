import type { Child } from './child.ts';
import { BridgeConsumer } from './consumer.ts';

/**
 * Settings the throughput benchmarks lift: per-session rate quotas (bytes, events, and the CPU
 * milliseconds a session's commands may take each second) exist to keep one learner from hogging a
 * shared machine, and would otherwise be what these benchmarks measure. The outbox (event batching,
 * folding, backpressure) keeps its defaults; that is what is being measured.
 */
export const NO_RATE_QUOTAS = {
  limits: { bytesPerSecond: 1e15, eventsPerSecond: 1e12 },
  intake: { cpuMsPerSecond: 1e12 },
};

/** Many sessions from one address (the scale benchmark) would otherwise be refused as a flood. */
export const MANY_SESSIONS = {
  ...NO_RATE_QUOTAS,
  admission: { maxSessionsPerAddress: 10_000, upgradesPerSecond: 10_000, upgradeBurst: 10_000 },
};

type Settings = Record<string, Record<string, unknown> | string>;

/**
 * `BENCH_BRIDGE_PATCH='{"outbox":{"highWaterBytes":2097152}}'` changes bridge settings for an
 * experiment (merged one key deep over the benchmark's own); the report lists what was changed.
 */
function withEnvPatch(patch: Settings): Settings {
  const extra = JSON.parse(process.env.BENCH_BRIDGE_PATCH ?? '{}') as Settings;
  const merged: Settings = { ...patch };
  for (const [key, value] of Object.entries(extra)) {
    const mine = merged[key];
    merged[key] = typeof value === 'object' && typeof mine === 'object' ? { ...mine, ...value } : value;
  }
  return merged;
}

export interface StartedBridge {
  port: number;
  applied: Record<string, unknown>;
  /** The local page's token, or in LAN mode the teacher's. */
  token: string;
  /** LAN mode: the code students join with. */
  joinCode: string | undefined;
}

export async function startBridge(host: Child, patch: Settings, webRoot?: string): Promise<StartedBridge> {
  return host.call('bridge', { patch: withEnvPatch(patch), webRoot }, 30_000);
}

/** A session with an echo server in it: what a learner gets from "Start a server". */
export async function echoSession(
  port: number,
  recvSize: number,
): Promise<{ consumer: BridgeConsumer; serverId: string; echoPort: number; accepted: string[] }> {
  const consumer = await BridgeConsumer.connect(port);
  const accepted: string[] = [];
  consumer.onEvent = (e) => {
    if (e.type === 'accept') accepted.push(e.connId);
  };
  const { socket } = await consumer.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, recvSize, behaviour: 'echo' });
  if (!socket?.local) throw new Error('tcp.listen replied without a local address');
  return { consumer, serverId: socket.id, echoPort: socket.local.port, accepted };
}

export function describePatch(applied: Record<string, unknown>): string {
  const parts = Object.entries(applied).map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  return parts.length === 0 ? 'bridge defaults' : `bridge settings changed: ${parts.join('; ')}`;
}
