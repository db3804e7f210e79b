import type { ChildProcess } from 'node:child_process';
import { type AddressInfo, connect, createServer } from 'node:net';
import { sleep } from './rounds.ts';

/** A port nobody listens on right now, for a program that must be told its port (socat, websockify). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Waits (at most 5 s) until `proc` accepts connections on `port`; kills it and throws otherwise. */
export async function waitUntilListening(proc: ChildProcess, port: number, what: string): Promise<void> {
  const end = performance.now() + 5000;
  while (!(await accepts(port))) {
    if (performance.now() > end || proc.exitCode !== null) {
      proc.kill();
      throw new Error(`${what} did not start listening`);
    }
    await sleep(20);
  }
}
