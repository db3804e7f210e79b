import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SENSOR_FIELDS, DEFAULT_SENSOR_FORMAT, type SocketEvent } from '@playground/protocol';
import type { BridgeTestClient } from '@playground/testkit';
import { findPython } from '@playground/testkit';
import { describe, expect, it } from 'vitest';
import { usePlaygrounds } from '../testing/playground.ts';

const client = fileURLToPath(new URL('../../../docs/examples/python/sensor_client.py', import.meta.url));

const python = findPython('the Python sensor client test');

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(python as string, [client, ...args], { timeout: 15_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`sensor_client.py failed: ${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

type SensorData = Extract<SocketEvent, { type: 'sensor-data' }>;

function sensorData(c: BridgeTestClient, socketIds: (id: string) => boolean): SensorData[] {
  return c.events.filter((e): e is SensorData => e.type === 'sensor-data' && socketIds(e.socketId));
}

const sensor = { format: DEFAULT_SENSOR_FORMAT, fields: [...DEFAULT_SENSOR_FIELDS] };

describe.skipIf(!python)('seed 003: the Python sensor client against the playground’s sensor servers', () => {
  const pg = usePlaygrounds();

  it('over TCP: every struct.pack record is decoded with the same format, in order, none missing', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (await c.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0, behaviour: 'sensor', sensor }))
      .socket!;
    const out = await run([
      '--transport',
      'tcp',
      '--port',
      String(server.local!.port),
      '--rate',
      '200',
      '--count',
      '20',
    ]);
    expect(out).toContain('Sending 20 records of 25 bytes (!IIdffB) over TCP');
    const accept = c.events.find((e) => e.type === 'accept');
    if (accept?.type !== 'accept') throw new Error('the Python connection was not seen');
    await c.waitFor(
      () => sensorData(c, (id) => id === accept.connId).at(-1)?.stats.received === 20,
      5000,
      'the records',
    );
    const events = sensorData(c, (id) => id === accept.connId);
    expect(events.at(-1)?.stats).toMatchObject({ received: 20, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0 });
    const records = events.flatMap((e) => e.records);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (const r of records) {
      const [id, seq, timestamp, temperature, humidity, battery] = r.values as number[];
      expect(id).toBe(1);
      expect(seq).toBe(r.seq);
      expect(Math.abs((timestamp as number) - Date.now() / 1000)).toBeLessThan(60);
      expect(temperature).toBeGreaterThan(15);
      expect(temperature).toBeLessThan(30);
      expect(humidity).toBeGreaterThanOrEqual(0);
      expect(battery).toBeLessThanOrEqual(100);
    }
  });

  it('over UDP through a conditions stage, with acknowledgements the client unpacks', async () => {
    const p = await pg.start();
    const c = await pg.client(p);
    const server = (
      await c.ok({
        type: 'udp.bind',
        host: '127.0.0.1',
        port: 0,
        behaviour: 'sensor',
        sensor: { ...sensor, ack: true },
      })
    ).socket!;
    const relay = (
      await c.ok({
        type: 'conditions.create',
        transport: 'udp',
        target: { host: '127.0.0.1', port: server.local!.port },
        seed: 3,
      })
    ).socket!;
    const out = await run([
      '--transport',
      'udp',
      '--port',
      String(relay.local!.port),
      '--rate',
      '100',
      '--count',
      '15',
      '--ack',
      '--sensor-id',
      '7',
    ]);
    expect(out.match(/ack seq=\d+ status=0/g)).toHaveLength(15);
    await c.waitFor(() => sensorData(c, (id) => id === server.id).at(-1)?.stats.received === 15, 5000, 'the records');
    const events = sensorData(c, (id) => id === server.id);
    expect(events.at(-1)?.stats).toMatchObject({ received: 15, missing: 0, acks: 15 });
    // The server sees the relay's own port, not Python's: the client went "via conditions".
    const flow = c.events.find((e) => e.type === 'relay-flow');
    if (flow?.type !== 'relay-flow') throw new Error('no relay flow');
    expect(events[0]?.from.port).toBe(flow.upstream.port);
    expect(events.flatMap((e) => e.records).every((r) => r.values[0] === 7)).toBe(true);
  });
});
