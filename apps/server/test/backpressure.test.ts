import type net from 'node:net';
import { sleep, until } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, defaultConfig, MiB } from '../src/config/config.ts';
import { usePlaygrounds } from '../testing/playground.ts';
import { peerServer } from './support/os.ts';

/** The bench suite streams 1 GiB; here a quarter of that keeps the unit test fast with the same mechanics. */
const TOTAL = 256 * MiB;
/** The stated caps on the bridge's memory growth (docs/security.md, "Limits"). */
const SLOW_BROWSER_RSS_CAP = 96 * MiB;
const SLOW_PEER_RSS_CAP = 96 * MiB;

/** Rate quotas out of the way: these tests are about the outbox and TCP flow control, not about quotas. */
const UNTHROTTLED = { ...DEFAULT_LIMITS, bytesPerSecond: 64 * 1024 * MiB, eventsPerSecond: 10_000_000 };

/**
 * Full previews all along, as the slow-browser test needs: with the short previews of a flood,
 * 256 MiB makes too little JSON to fill the WebSocket up to the high-water mark at all.
 */
const FULL_PREVIEWS = {
  ...defaultConfig().outbox,
  fullPreviewBytesPerSecond: 1024 * MiB,
  fullPreviewBurstBytes: 1024 * MiB,
};

/** Writes `total` bytes as fast as the connection takes them, then FIN; `accepted()` = bytes the kernel took. */
function firehose(socket: net.Socket, total: number): { accepted(): number } {
  const chunk = Buffer.alloc(64 * 1024, 0x62);
  let queued = 0;
  const pump = () => {
    while (queued < total) {
      const n = Math.min(chunk.length, total - queued);
      queued += n;
      if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return;
    }
    socket.end();
  };
  socket.on('drain', pump);
  pump();
  return { accepted: () => socket.bytesWritten - socket.writableLength };
}

/** Samples this process's RSS every 20 ms; `peak()` is the highest seen so far. */
function rssSampler(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

describe('backpressure', () => {
  const pg = usePlaygrounds();

  it('slow browser: 256 MiB from a peer while the page reads nothing — reading pauses, memory capped, counters exact', async () => {
    const p = await pg.start({ limits: UNTHROTTLED, outbox: FULL_PREVIEWS });
    const c = await pg.client(p);
    let start: (() => { accepted(): number }) | undefined;
    const peer = await peerServer((socket) => {
      start = () => firehose(socket, TOTAL);
    });
    try {
      const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port, recvSize: 65536 })).socket!;
      await until(() => start !== undefined, 'the peer’s accept');
      const rss = rssSampler();
      const before = process.memoryUsage().rss;
      c.ws.pause();
      const hose = start!();

      await sleep(1000);
      const atOneSecond = hose.accepted();
      await sleep(500);
      const stalled = hose.accepted();
      rss.stop();
      // Reading paused: TCP flow control holds the peer back, short of what it wants to send. Before the
      // pause the bridge went on reading while the WebSocket's kernel buffers filled; what it read then
      // beyond the per-flush budget was folded (counted, not kept), so it cost no memory.
      expect(stalled - atOneSecond).toBeLessThan(MiB);
      expect(stalled).toBeLessThan(TOTAL);
      const growth = rss.peak() - before;
      expect(growth).toBeLessThan(SLOW_BROWSER_RSS_CAP);

      c.ws.resume();
      await c.waitFor(() => c.eventsOf(client.id, 'fin-received').length === 1, 30_000, 'the whole 256 MiB');
      const counters = c.batches.findLast((b) => client.id in b.counters)?.counters[client.id];
      expect(counters?.bytesIn).toBe(TOTAL);
      const folded = c.batches.reduce((n, b) => n + b.folded, 0);
      const shown = c.eventsOf(client.id, 'recv');
      expect(shown.length + folded).toBe(counters?.reads);
      console.info(
        `slow browser: RSS +${(growth / MiB).toFixed(1)} MiB (cap ${SLOW_BROWSER_RSS_CAP / MiB}), peer held at ${(stalled / MiB).toFixed(1)} MiB, ${folded} events folded`,
      );
    } finally {
      await peer.close();
    }
  }, 45_000);

  it('slow TCP peer: the page floods a peer that reads nothing — sends wait or are refused, memory stays bounded', async () => {
    const p = await pg.start({ limits: UNTHROTTLED });
    const c = await pg.client(p);
    const stalled = new Set<net.Socket>();
    const peer = await peerServer((socket) => {
      socket.pause();
      stalled.add(socket);
    });
    try {
      const client = (await c.ok({ type: 'tcp.connect', host: '127.0.0.1', port: peer.port })).socket!;
      const size = 256 * 1024;
      const value = 's'.repeat(size);
      const n = 60;
      const before = c.replies.length;
      const rss = rssSampler();
      const base = process.memoryUsage().rss;
      const replies = Array.from({ length: n }, () =>
        c.request({ type: 'socket.send', socketId: client.id, data: { encoding: 'text', value } }, 30_000),
      );
      // At most maxSendBufferBytes of sends may wait for the peer (plus the one always let through).
      const mayWait = Math.floor(DEFAULT_LIMITS.maxSendBufferBytes / size) + 1;
      await c.waitFor(() => c.replies.length - before >= n - mayWait, 10_000, 'every send but the waiting ones');
      await sleep(200);
      rss.stop();
      const answered = c.replies.slice(before);
      const waiting = n - answered.length;
      expect(waiting * size).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSendBufferBytes + size);
      const refused = answered.filter((r) => !r.ok);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        if (r.ok) continue;
        expect(r.error).toMatchObject({ code: 'quota', params: { limit: 'maxSendBufferBytes', socketId: client.id } });
        expect(r.error.message).toMatch(
          new RegExp(`^The peer of ${client.id} is not reading; \\d+ bytes are waiting in the send buffer`),
        );
      }
      expect(rss.peak() - base).toBeLessThan(SLOW_PEER_RSS_CAP);

      // Once the peer reads, every waiting send completes: backpressure delayed them, nothing was lost.
      for (const s of stalled) s.resume();
      const outcomes = await Promise.all(replies);
      expect(outcomes.filter((r) => r.ok).length).toBe(n - refused.length);
      console.info(`slow peer: ${refused.length} of ${n} sends refused, ${waiting} waited for the peer`);
    } finally {
      await peer.close();
    }
  }, 30_000);
});
