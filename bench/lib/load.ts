/**
 * The load-generating helper process. Baseline and subject are always driven by this same code in
 * this same process, so whatever it costs is the same on both sides of a ratio.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { serve } from './child.ts';

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setNoDelay(true);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function bounded<T>(what: string, timeoutMs: number, run: (finish: (v: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not done within ${timeoutMs} ms`)), timeoutMs);
    run((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

export interface EchoResult {
  ms: number;
  sent: number;
  received: number;
  /** When the last echoed byte arrived, for lining up with what another process saw. */
  endWall: number;
}

/**
 * Sends `total` bytes as writes of `writeSize` and reads the echo at the same time. Small writes are
 * corked into one writev per turn, as any Node program sending many small pieces would, but each
 * is still its own socket.write.
 */
async function tcpEcho(args: { port: number; total: number; writeSize: number; timeoutMs: number }) {
  const { total, writeSize } = args;
  const socket = await open(args.port);
  const piece = randomBytes(writeSize);
  let sent = 0;
  let received = 0;
  const t0 = performance.now();
  const result = await bounded<EchoResult>('tcp echo', args.timeoutMs, (finish) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= total) finish({ ms: performance.now() - t0, sent, received, endWall: wallNow() });
    });
    const pump = (): void => {
      socket.cork();
      let more = true;
      while (more && sent < total) {
        const n = Math.min(writeSize, total - sent);
        more = socket.write(n === writeSize ? piece : piece.subarray(0, n));
        sent += n;
      }
      socket.uncork();
      if (sent < total) socket.once('drain', pump);
      else socket.end();
    };
    pump();
  }).finally(() => socket.destroy());
  return result;
}

/** Sequential ping-pong over one connection: round-trip times in microseconds. */
async function tcpPingPong(args: { port: number; size: number; count: number; timeoutMs: number }) {
  const socket = await open(args.port);
  const msg = randomBytes(args.size);
  const rtts: number[] = [];
  try {
    await bounded<void>('tcp ping-pong', args.timeoutMs, (finish) => {
      let got = 0;
      let t0 = 0;
      const next = (): void => {
        if (rtts.length >= args.count) {
          finish();
          return;
        }
        got = 0;
        t0 = performance.now();
        socket.write(msg);
      };
      socket.on('data', (chunk: Buffer) => {
        got += chunk.length;
        if (got < args.size) return;
        rtts.push((performance.now() - t0) * 1000);
        next();
      });
      next();
    });
  } finally {
    socket.destroy();
  }
  return rtts;
}

/**
 * Keeps `window` datagrams in flight and counts completed round trips. A quiet spell of 50 ms means the
 * datagrams in flight were dropped: they are counted as lost and the window is refilled.
 */
async function udpRoundTrips(args: { port: number; size: number; count: number; window: number; timeoutMs: number }) {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const msg = randomBytes(args.size);
  let inFlight = 0;
  let completed = 0;
  let lost = 0;
  let lastProgress = performance.now();
  const send = (): void => {
    inFlight++;
    socket.send(msg, args.port, '127.0.0.1');
  };
  const t0 = performance.now();
  let watchdog: NodeJS.Timeout | undefined;
  try {
    return await bounded<{ ms: number; completed: number; lost: number }>(
      'udp round trips',
      args.timeoutMs,
      (finish) => {
        socket.on('message', () => {
          inFlight--;
          completed++;
          lastProgress = performance.now();
          if (completed >= args.count) return finish({ ms: performance.now() - t0, completed, lost });
          if (completed + inFlight < args.count) send();
        });
        watchdog = setInterval(() => {
          if (performance.now() - lastProgress < 50) return;
          lost += inFlight;
          inFlight = 0;
          lastProgress = performance.now();
          while (inFlight < args.window) send();
        }, 25);
        while (inFlight < args.window) send();
      },
    );
  } finally {
    clearInterval(watchdog);
    socket.close();
  }
}

/** Writes `burst` bytes every `intervalMs` and reads the echo; for feeding a page at a pace it can follow. */
async function pacedEcho(args: { port: number; total: number; burst: number; intervalMs: number; timeoutMs: number }) {
  const socket = await open(args.port);
  const piece = randomBytes(args.burst);
  let sent = 0;
  let received = 0;
  let timer: NodeJS.Timeout | undefined;
  const t0 = performance.now();
  try {
    return await bounded<EchoResult>('paced echo', args.timeoutMs, (finish) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= args.total) finish({ ms: performance.now() - t0, sent, received, endWall: wallNow() });
      });
      timer = setInterval(() => {
        const n = Math.min(args.burst, args.total - sent);
        if (n <= 0) return clearInterval(timer);
        socket.write(piece.subarray(0, n));
        sent += n;
      }, args.intervalMs);
    });
  } finally {
    clearInterval(timer);
    socket.destroy();
  }
}

serve({
  ping: () => ({ pid: process.pid }),
  /** CPU time used so far (user + system, µs): busy fraction = its growth over a run's wall time. */
  cpu: () => process.cpuUsage(),
  'tcp-echo': tcpEcho,
  'tcp-pingpong': tcpPingPong,
  'udp-rr': udpRoundTrips,
  'paced-echo': pacedEcho,
});
