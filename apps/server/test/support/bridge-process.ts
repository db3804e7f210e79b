import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { PlaygroundConfig } from '../../src/config/config.ts';

const CHILD = fileURLToPath(new URL('../fixtures/bridge-child.ts', import.meta.url));

/** A bridge in its own process: what a test needs to reach it, its memory, and a way to stop it. */
export interface BridgeProcess {
  port: number;
  token: string;
  joinCode: string | null;
  /** Resident memory of the bridge's process, in bytes. */
  rss(): Promise<number>;
  sessions(): Promise<number>;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** A full garbage collection in the bridge's process (it runs with --expose-gc). */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBridgeProcess(config: Partial<PlaygroundConfig> = {}): Promise<BridgeProcess> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const ready = new Promise<{ port: number; token: string; joinCode: string | null }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bridge process exited (${code}) before it was ready`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: boolean; id?: number; value?: unknown } & Record<string, unknown>;
      if (message.ready) resolve(message as unknown as { port: number; token: string; joinCode: string | null });
      else if (message.id !== undefined) pending.get(message.id)?.(message.value);
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const where = await ready.finally(() => clearTimeout(timeout));
  const ask = <T>(op: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the bridge process did not answer ${op} within 10 s`));
      }, 10_000);
      pending.set(id, (value) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(value as T);
      });
      child.send({ id, op });
    });
  return {
    ...where,
    rss: () => ask<number>('rss'),
    sessions: () => ask<number>('sessions'),
    memory: () => ask<NodeJS.MemoryUsage>('memory'),
    collectGarbage: () => ask<void>('gc'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    },
  };
}
