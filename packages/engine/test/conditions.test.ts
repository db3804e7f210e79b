import type { ConditionsSettings, ConditionsStats } from '@playground/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_MS, mulberry32 } from '../src/conditions/index.ts';
import type { Engine, SocketInfo } from '../src/index.ts';
import { type Recorder, sleep, until, useEngines } from './helpers.ts';

const engines = useEngines();
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

function lastStats(rec: Recorder, relayId: string): ConditionsStats | undefined {
  return rec.of(relayId, 'conditions-stats').at(-1)?.stats;
}

async function udpThroughRelay(engine: Engine, settings: Partial<ConditionsSettings>, seed: number) {
  const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'none' });
  const relay = await engine.conditionsCreate({
    transport: 'udp',
    target: { host: '127.0.0.1', port: server.local!.port },
    settings,
    seed,
  });
  const client = await engine.udpBind({
    host: '127.0.0.1',
    port: 0,
    remote: { host: '127.0.0.1', port: relay.local!.port },
  });
  return { server, relay, client };
}

/** Sends `total` numbered datagrams in bursts, waiting after each burst until the relay has passed all of it on. */
async function sendNumbered(
  engine: Engine,
  rec: Recorder,
  client: SocketInfo,
  relay: SocketInfo,
  total: number,
  burst: number,
  from = 0,
) {
  let sent = from;
  while (sent < from + total) {
    const n = Math.min(burst, from + total - sent);
    await Promise.all(Array.from({ length: n }, (_, i) => engine.send(client.id, encode(String(sent + i)))));
    sent += n;
    await until(
      () => lastStats(rec, relay.id)?.in === sent && lastStats(rec, relay.id)?.queued === 0,
      `the relay to pass on ${sent} datagrams`,
      MAX_HOLD_MS + 2000,
    );
  }
}

describe('the conditions stage (UDP)', () => {
  it('is deterministic for a seed: the same datagrams are dropped, duplicated and held, and arrive in the same order', async () => {
    const settings = { lossPct: 20, duplicatePct: 10, reorderPct: 15, reorderDistance: 3 };
    const run = async (seed: number) => {
      const { engine, rec } = engines();
      const { server, relay, client } = await udpThroughRelay(engine, settings, seed);
      await sendNumbered(engine, rec, client, relay, 400, 100);
      const order = rec.of(server.id, 'datagram-in').map((e) => Number(decode(e.data)));
      return { order, stats: lastStats(rec, relay.id)! };
    };
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);
    expect(again.order).toEqual(first.order);
    expect(again.stats).toEqual(first.stats);
    expect(other.order).not.toEqual(first.order);

    const { order, stats } = first;
    expect(stats.in).toBe(400);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.duplicated).toBeGreaterThan(0);
    expect(stats.reordered).toBeGreaterThan(0);
    // Exact counters: what arrived is what came in, minus the dropped, plus the copies.
    expect(order.length).toBe(stats.in - stats.dropped + stats.duplicated);
    expect(stats.out).toBe(order.length);
    expect(new Set(order).size).toBe(400 - stats.dropped);
    const inversions = order.filter((n, i) => i > 0 && n < (order[i - 1] as number)).length;
    expect(inversions).toBeGreaterThan(0);
  }, 30_000);

  it('drops about the loss rate over 10,000 datagrams, and counts exactly what it dropped', async () => {
    const { engine, rec } = engines((e) => e.type !== 'datagram-out');
    const { server, relay, client } = await udpThroughRelay(engine, { lossPct: 20 }, 2024);
    // Small bursts with a pause, so the kernel never drops datagrams before the stage sees them.
    for (let sent = 0; sent < 10_000; sent += 25) {
      await Promise.all(Array.from({ length: 25 }, (_, i) => engine.send(client.id, encode(`#${sent + i}`))));
      await sleep(1);
    }
    await until(
      () => {
        const s = lastStats(rec, relay.id);
        // Stats come on a period: settled once the last report has caught up with the arrivals.
        const arrived = rec.of(server.id, 'datagram-in').length;
        return s !== undefined && s.in >= 9_900 && s.in === s.out + s.dropped && s.queued === 0 && s.out === arrived;
      },
      `the relay to settle (${JSON.stringify(lastStats(rec, relay.id))})`,
      10_000,
    );
    await sleep(50);
    const stats = lastStats(rec, relay.id)!;
    const arrived = rec.of(server.id, 'datagram-in').length;
    expect(arrived).toBe(stats.out);
    expect(stats.in - stats.dropped).toBe(arrived);
    expect(stats.duplicated + stats.reordered + stats.overflow).toBe(0);
    expect(Math.abs(stats.dropped / stats.in - 0.2)).toBeLessThan(0.015);
  }, 30_000);

  it('changes its settings while traffic flows: later datagrams follow the new ones', async () => {
    const { engine, rec } = engines();
    const { server, relay, client } = await udpThroughRelay(engine, {}, 1);
    await sendNumbered(engine, rec, client, relay, 50, 50);
    const info = engine.conditionsUpdate(relay.id, { lossPct: 100 });
    expect(info.conditions?.settings.lossPct).toBe(100);
    expect(rec.of(relay.id, 'conditions').map((e) => e.settings.lossPct)).toEqual([100]);
    await sendNumbered(engine, rec, client, relay, 50, 50, 50);
    expect(rec.of(server.id, 'datagram-in')).toHaveLength(50);
    expect(lastStats(rec, relay.id)?.dropped).toBe(50);
    expect(() => engine.conditionsUpdate(relay.id, { segmentMin: 9, segmentMax: 3 })).toThrow(/cannot be larger/);
    expect(() => engine.conditionsUpdate(client.id, { lossPct: 1 })).toThrow(/only a conditions relay/);
  });

  it('delays by delay ± jitter, and carries answers back to the right client', async () => {
    const { engine, rec } = engines();
    const server = await engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
    const relay = await engine.conditionsCreate({
      transport: 'udp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { delayMs: 40, jitterMs: 10 },
      seed: 3,
    });
    const clients = await Promise.all(
      [0, 1].map(() =>
        engine.udpBind({ host: '127.0.0.1', port: 0, remote: { host: '127.0.0.1', port: relay.local!.port } }),
      ),
    );
    const sentAt = performance.now();
    await engine.send(clients[0]!.id, encode('from zero'));
    await engine.send(clients[1]!.id, encode('from one'));
    const back0 = await rec.next(clients[0]!.id, 'datagram-in', () => true, 2000);
    const back1 = await rec.next(clients[1]!.id, 'datagram-in', () => true, 2000);
    expect(decode(back0.data)).toBe('from zero');
    expect(decode(back1.data)).toBe('from one');
    // Two trips through the stage, each 30..50 ms.
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(59);
    const inAtServer = rec.of(server.id, 'datagram-in');
    expect(new Set(inAtServer.map((e) => e.from.port)).size).toBe(2);
    const flows = rec.of(relay.id, 'relay-flow');
    expect(flows.map((f) => f.flow)).toEqual(['opened', 'opened']);
    expect(flows.map((f) => f.upstream.port).sort()).toEqual(inAtServer.map((e) => e.from.port).sort());
    await until(() => lastStats(rec, relay.id)?.out === 4, 'stats');
    expect(lastStats(rec, relay.id)).toMatchObject({ in: 4, out: 4, delayed: 4, flows: 2 });
  });

  it('closing the relay closes everything it opened, and reports its last counts', async () => {
    const { engine, rec } = engines();
    const { relay, client } = await udpThroughRelay(engine, { delayMs: 5000 }, 1);
    await engine.send(client.id, encode('stuck in the stage'));
    await rec.next(relay.id, 'relay-flow');
    await engine.close(relay.id);
    const types = rec.types(relay.id);
    expect(types.slice(-4)).toEqual(['relay-flow', 'conditions-stats', 'state:closed', 'closed']);
    expect(lastStats(rec, relay.id)).toMatchObject({ in: 1, out: 0, flows: 0 });
  });
});

const tcpSettings = fc.record({
  delayMs: fc.integer({ min: 0, max: 15 }),
  jitterMs: fc.integer({ min: 0, max: 15 }),
  bandwidthKbps: fc.oneof(fc.constant(0), fc.integer({ min: 2000, max: 100_000 })),
  segmentMin: fc.integer({ min: 0, max: 40 }),
  segmentSpan: fc.integer({ min: 0, max: 200 }),
  resegment: fc.boolean(),
  lossPct: fc.integer({ min: 0, max: 40 }),
  duplicatePct: fc.integer({ min: 0, max: 50 }),
  reorderPct: fc.integer({ min: 0, max: 50 }),
});

describe('the conditions stage (TCP)', () => {
  it('keeps the byte stream intact under every setting: same bytes, same order, both ways, FIN included', async () => {
    await fc.assert(
      fc.asyncProperty(
        tcpSettings,
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 1, max: 12_000 }),
        async (s, seed, size) => {
          const { engine, rec } = engines();
          const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
          const settings = {
            delayMs: s.delayMs,
            jitterMs: s.jitterMs,
            bandwidthKbps: s.bandwidthKbps,
            segmentMin: s.resegment ? s.segmentMin : 0,
            segmentMax: s.resegment ? s.segmentMin + s.segmentSpan + 1 : 0,
            lossPct: s.lossPct,
            duplicatePct: s.duplicatePct,
            reorderPct: s.reorderPct,
          };
          const relay = await engine.conditionsCreate({
            transport: 'tcp',
            target: { host: '127.0.0.1', port: server.local!.port },
            settings,
            seed,
          });
          const client = await engine.tcpConnect({ host: '127.0.0.1', port: relay.local!.port });
          const random = mulberry32(seed);
          const payload = Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
          for (let at = 0; at < size; ) {
            const n = 1 + Math.floor(random() * 3000);
            await engine.send(client.id, payload.subarray(at, at + n));
            at += n;
          }
          engine.end(client.id);
          await rec.next(client.id, 'fin-received', () => true, 10_000);
          const accept = await rec.next(server.id, 'accept');
          expect(Buffer.compare(rec.bytes(accept.connId, 'recv'), Buffer.from(payload))).toBe(0);
          expect(Buffer.compare(rec.bytes(client.id, 'recv'), Buffer.from(payload))).toBe(0);
          const stats = lastStats(rec, relay.id) ?? (await rec.next(relay.id, 'conditions-stats')).stats;
          expect(stats.dropped + stats.duplicated + stats.reordered).toBe(0);
          await engine.closeAll();
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);

  it('re-cuts the stream into pieces of the chosen sizes, which the receiver reads one by one', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'none' });
    const relay = await engine.conditionsCreate({
      transport: 'tcp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { segmentMin: 3, segmentMax: 5 },
      seed: 11,
    });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: relay.local!.port });
    const accept = await rec.next(server.id, 'accept');
    const message = 'hola mundo, this is a message longer than sixteen bytes';
    await engine.send(client.id, encode(message));
    await until(() => rec.bytes(accept.connId, 'recv').length === message.length, 'the message');
    const reads = rec.of(accept.connId, 'recv').map((e) => e.data.length);
    expect(reads.length).toBeGreaterThan(message.length / 5 - 1);
    expect(reads.every((n) => n <= 5)).toBe(true);
    expect(decode(rec.bytes(accept.connId, 'recv'))).toBe(message);
  });

  it('turns loss into a retransmission delay that holds back every byte behind it', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'none' });
    const relay = await engine.conditionsCreate({
      transport: 'tcp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { lossPct: 100 },
      seed: 5,
    });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: relay.local!.port });
    const accept = await rec.next(server.id, 'accept');
    const started = performance.now();
    await engine.send(client.id, encode('late but whole'));
    await until(() => rec.bytes(accept.connId, 'recv').length === 14, 'the bytes', 3000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(decode(rec.bytes(accept.connId, 'recv'))).toBe('late but whole');
    await until(() => (lastStats(rec, relay.id)?.retransmitted ?? 0) > 0, 'stats');
    expect(lastStats(rec, relay.id)?.dropped).toBe(0);
  });

  it('resets the client when the target refuses, reports it on the relay, and keeps listening', async () => {
    const { engine, rec } = engines();
    const gone = await engine.tcpListen({ host: '127.0.0.1', port: 0 });
    const port = gone.local!.port;
    await engine.close(gone.id);
    const relay = await engine.conditionsCreate({ transport: 'tcp', target: { host: '127.0.0.1', port }, seed: 1 });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: relay.local!.port });
    const error = await rec.next(relay.id, 'error');
    expect(error.error.code).toBe('ECONNREFUSED');
    await rec.next(client.id, 'state', (e) => e.state === 'reset', 3000);
    expect(engine.info(relay.id)?.kind).toBe('relay');
    expect(engine.sockets().some((s) => s.id === relay.id)).toBe(true);
  });

  it('closing the relay ends the connections it carries', async () => {
    const { engine, rec } = engines();
    const server = await engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'echo' });
    const relay = await engine.conditionsCreate({
      transport: 'tcp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { delayMs: 3000 },
      seed: 1,
    });
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: relay.local!.port });
    await rec.next(relay.id, 'relay-flow');
    await engine.send(client.id, encode('never delivered'));
    await engine.close(relay.id);
    await rec.next(client.id, 'state', (e) => e.state === 'reset', 3000);
    const accept = await rec.next(server.id, 'accept');
    await rec.next(accept.connId, 'closed', () => true, 3000);
    expect(rec.of(relay.id, 'relay-flow').map((f) => f.flow)).toEqual(['opened', 'closed']);
    expect(rec.types(relay.id).at(-1)).toBe('closed');
  });
});
