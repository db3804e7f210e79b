import { pack, unpack } from '@playground/codec';
import { DEFAULT_SENSOR_FIELDS, DEFAULT_SENSOR_FORMAT, type SensorStats } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../src/index.ts';
import { SeqTracker } from '../src/sensor/index.ts';
import { type Recorder, until, useEngines } from './helpers.ts';

const engines = useEngines();
const fields = [...DEFAULT_SENSOR_FIELDS];

function lastStats(rec: Recorder, socketId: string): SensorStats | undefined {
  return rec.of(socketId, 'sensor-data').at(-1)?.stats;
}

function decodedRecords(rec: Recorder, socketId: string) {
  return rec.of(socketId, 'sensor-data').flatMap((e) => e.records);
}

async function sensorServer(engine: Engine, transport: 'tcp' | 'udp', ack = false) {
  const sensor = { format: DEFAULT_SENSOR_FORMAT, fields, ack };
  return transport === 'tcp'
    ? engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'sensor', sensor })
    : engine.udpBind({ host: '127.0.0.1', port: 0, behaviour: 'sensor', sensor });
}

describe('the sensor stream (seed 003)', () => {
  it('over TCP: sends !IIdffB records at the rate, and the server cuts the stream into whole records', async () => {
    const { engine, rec } = engines();
    const server = await sensorServer(engine, 'tcp');
    const started = performance.now();
    const client = await engine.sensorStart({
      transport: 'tcp',
      host: '127.0.0.1',
      port: server.local!.port,
      format: DEFAULT_SENSOR_FORMAT,
      fields,
      rateHz: 500,
      durationS: 10,
      count: 200,
      recvSize: 1024,
    });
    expect(client.sensor).toMatchObject({ role: 'client', recordSize: 25, rateHz: 500 });
    const accept = await rec.next(server.id, 'accept');
    // After its last record the sensor half-closes, and the server's counts are flushed.
    await rec.next(accept.connId, 'fin-received', () => true, 5000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    await until(() => lastStats(rec, accept.connId)?.received === 200, 'all records decoded');
    expect(lastStats(rec, accept.connId)).toMatchObject({ received: 200, missing: 0, outOfOrder: 0, bad: 0 });
    const sent = rec.of(client.id, 'send');
    expect(sent.every((e) => e.data.length % 25 === 0)).toBe(true);
    const first = unpack(DEFAULT_SENSOR_FORMAT, sent[0]!.data.subarray(0, 25)).values;
    expect(first[0]).toBe(1);
    expect(first[1]).toBe(0);
    expect(Math.abs((first[2] as number) - Date.now() / 1000)).toBeLessThan(60);
    const records = decodedRecords(rec, accept.connId);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    for (const r of records) {
      const [id, seq, , temperature, humidity, battery] = r.values as number[];
      expect(id).toBe(1);
      expect(seq).toBe(r.seq);
      expect(temperature).toBeGreaterThanOrEqual(-10);
      expect(temperature).toBeLessThanOrEqual(45);
      expect(humidity).toBeGreaterThanOrEqual(0);
      expect(humidity).toBeLessThanOrEqual(100);
      expect(Number.isInteger(battery)).toBe(true);
    }
  });

  it('over UDP through 30 % loss: counts the missing sequence numbers, and acknowledges each record with !IB', async () => {
    const { engine, rec } = engines();
    const server = await sensorServer(engine, 'udp', true);
    const relay = await engine.conditionsCreate({
      transport: 'udp',
      target: { host: '127.0.0.1', port: server.local!.port },
      settings: { lossPct: 30 },
      seed: 99,
    });
    const client = await engine.sensorStart({
      transport: 'udp',
      host: '127.0.0.1',
      port: relay.local!.port,
      format: DEFAULT_SENSOR_FORMAT,
      fields,
      rateHz: 1000,
      durationS: 1,
      count: 300,
      recvSize: 1024,
    });
    await until(() => rec.of(client.id, 'datagram-out').length === 300, 'the sensor to finish', 5000);
    await until(() => (lastStats(rec, server.id)?.received ?? 0) > 0, 'records');
    await until(() => rec.of(relay.id, 'conditions-stats').at(-1)?.stats.queued === 0, 'the stage to drain');
    await new Promise((r) => setTimeout(r, 250));
    const stats = lastStats(rec, server.id)!;
    const relayStats = rec.of(relay.id, 'conditions-stats').at(-1)!.stats;
    expect(stats.received).toBeLessThan(300);
    expect(stats.missing).toBeGreaterThan(0);
    // The records that went through are exactly the ones the stage did not drop on the way in.
    expect(stats.received + stats.missing).toBeLessThanOrEqual(300);
    expect(stats.outOfOrder + stats.duplicates + stats.bad).toBe(0);
    expect(stats.acks).toBe(stats.received);
    const acks = rec.of(client.id, 'datagram-in');
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThan(stats.received);
    for (const ack of acks) {
      expect(ack.data.length).toBe(5);
      const [, status] = unpack('!IB', ack.data).values;
      expect([0, 1]).toContain(status);
    }
    expect(relayStats.dropped).toBeGreaterThan(0);
  });

  it('counts a datagram that is not one record as bad, and a partial record left at FIN', async () => {
    const { engine, rec } = engines();
    const udp = await sensorServer(engine, 'udp');
    const sender = await engine.udpBind({
      host: '127.0.0.1',
      port: 0,
      remote: { host: '127.0.0.1', port: udp.local!.port },
    });
    const good = pack(DEFAULT_SENSOR_FORMAT, [7, 0, 1.5, 20, 50, 99]);
    await engine.send(sender.id, good);
    await engine.send(sender.id, good.subarray(0, 10));
    await until(() => lastStats(rec, udp.id)?.bad === 1, 'the bad datagram');
    expect(lastStats(rec, udp.id)).toMatchObject({ received: 1, bad: 1 });
    expect(decodedRecords(rec, udp.id)[0]?.values).toEqual([7, 0, 1.5, 20, 50, 99]);

    const tcp = await sensorServer(engine, 'tcp');
    const client = await engine.tcpConnect({ host: '127.0.0.1', port: tcp.local!.port });
    const accept = await rec.next(tcp.id, 'accept');
    await engine.send(client.id, Uint8Array.of(...good, ...good.subarray(0, 3)));
    engine.end(client.id);
    await until(() => lastStats(rec, accept.connId)?.bad === 1, 'the partial record');
    expect(lastStats(rec, accept.connId)).toMatchObject({ received: 1, bad: 1 });
  });

  it('refuses a format or field names it cannot use, with a sentence a learner can act on', async () => {
    const { engine } = engines();
    const start = (format: string, names: string[]) =>
      engine.sensorStart({
        transport: 'udp',
        host: '127.0.0.1',
        port: 9,
        format,
        fields: names,
        rateHz: 1,
        durationS: 1,
        recvSize: 1024,
      });
    await expect(start('!IIdffZ', fields)).rejects.toMatchObject({
      code: 'bad_command',
      message: expect.stringMatching(/"Z" at position 7/),
    });
    await expect(start('!IIdff', fields)).rejects.toThrow(
      /packs 5 values, so it needs 5 field names, but 6 were given/,
    );
    await expect(start('!IfdffB', fields)).rejects.toThrow(/"seq" counts the records, so it needs an integer code/);
    await expect(
      engine.tcpListen({ host: '127.0.0.1', port: 0, behaviour: 'sensor', sensor: { format: '!I', fields: ['a b'] } }),
    ).rejects.toThrow(/not a Python name/);
    expect(engine.sockets()).toEqual([]);
  });

  it('tells late arrivals from duplicates and gaps', () => {
    const t = new SeqTracker();
    expect([0, 1, 4, 2, 2, 5, 3].map((s) => t.observe(s))).toEqual([0, 0, 1, 2, 3, 0, 2]);
    expect(t.stats).toMatchObject({ received: 7, missing: 0, outOfOrder: 2, duplicates: 1 });
    t.observe(9);
    expect(t.stats.missing).toBe(3);
  });
});
