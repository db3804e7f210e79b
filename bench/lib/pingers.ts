import { WebSocket } from 'ws';
import type { BridgeConsumer } from './consumer.ts';

/**
 * Round trips each before measuring: V8 is still optimizing the bridge's code over the first two
 * thousand or so (its CPU per round trip then falls by a third); a class's bridge runs for hours.
 */
export const WARM_UP = 2000;

/** One round trip, resolved with its time in µs; the next starts only after it. */
export type Pinger = () => Promise<number>;

export async function openWs(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

/**
 * One message at a time through a plain WebSocket-to-TCP proxy (the bare relay, websockify), timed
 * until as many bytes came back as were sent, however the proxy cut them into messages.
 */
export function proxyPinger(ws: WebSocket, payload: Buffer, binary: boolean): Pinger {
  let got = 0;
  let done: (() => void) | undefined;
  ws.on('message', (data: Buffer) => {
    got += data.length;
    if (got >= payload.length) done?.();
  });
  const message = binary ? payload : payload.toString('latin1');
  return () =>
    new Promise<number>((resolve) => {
      got = 0;
      const t0 = performance.now();
      done = () => {
        done = undefined;
        resolve((performance.now() - t0) * 1000);
      };
      ws.send(message);
    });
}

/**
 * One `socket.send` of `text` at a time through the bridge, timed until the client's `recv` events
 * carried all of it back. The reply is awaited too (it usually comes first), so no command overlaps
 * the next one.
 */
export function bridgePinger(consumer: BridgeConsumer, clientId: string, text: string): Pinger {
  const size = Buffer.byteLength(text);
  let got = 0;
  let echoed: ((at: number) => void) | undefined;
  consumer.onEvent = (e, at) => {
    if (e.socketId !== clientId || e.type !== 'recv') return;
    got += e.size;
    if (got >= size) echoed?.(at);
  };
  return async () => {
    got = 0;
    const t0 = performance.now();
    const echo = new Promise<number>((resolve) => {
      echoed = (at) => {
        echoed = undefined;
        resolve(at);
      };
    });
    const reply = consumer.request({
      type: 'socket.send',
      socketId: clientId,
      data: { encoding: 'text', value: text },
    });
    const [at, r] = await Promise.all([echo, reply]);
    if (!r.ok) throw new Error(`socket.send failed: ${r.error.message}`);
    return (at - t0) * 1000;
  };
}

/**
 * Runs the pingers in alternating blocks (A B, B A, …) after a warm-up of each, until each has
 * `count` samples; returns them in the pingers' order.
 */
export async function interleavedPings(pingers: Pinger[], count: number, block: number, warmUp: number) {
  const samples = pingers.map(() => [] as number[]);
  const run = async (ping: Pinger, into: number[] | undefined, n: number) => {
    for (let i = 0; i < n; i++) {
      const us = await ping();
      into?.push(us);
    }
  };
  for (const ping of pingers) await run(ping, undefined, warmUp);
  for (let round = 0; (samples[0] as number[]).length < count; round++) {
    const n = Math.min(block, count - (samples[0] as number[]).length);
    const order = pingers.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) await run(pingers[i] as Pinger, samples[i], n);
  }
  return samples;
}
