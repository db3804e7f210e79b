import { describe, expect, it } from 'vitest';
import { Command, ConditionsPatch, ConditionsSettings, ServerMessage, SocketInfo } from '../src/index.ts';

const event = { seq: 5, t: 12.5, socketId: 's3', kind: 'relay' };
const endpoint = { address: '127.0.0.1', port: 5000, family: 'IPv4' };

describe('the network lab on the wire', () => {
  it('conditions.create fills every setting it is not given, and the seed stays optional', () => {
    const parsed = Command.parse({
      id: 1,
      type: 'conditions.create',
      transport: 'udp',
      target: { host: '127.0.0.1', port: 9000 },
    });
    expect(parsed).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      settings: { lossPct: 0, reorderDistance: 2, segmentMax: 0 },
    });
    expect('seed' in parsed).toBe(false);
    expect(ConditionsSettings.parse({ lossPct: 20 })).toMatchObject({ lossPct: 20, delayMs: 0 });
  });

  it('conditions.update changes only the settings it names', () => {
    expect(ConditionsPatch.parse({ lossPct: 30 })).toEqual({ lossPct: 30 });
    expect(
      Command.parse({ id: 2, type: 'conditions.update', socketId: 's3', settings: { delayMs: 40 } }),
    ).toMatchObject({
      settings: { delayMs: 40 },
    });
  });

  it.each([
    { lossPct: 101 },
    { delayMs: -1 },
    { delayMs: 10_001 },
    { bandwidthKbps: 1.5 },
    { reorderDistance: 0 },
    { segmentMax: 70_000 },
    { unknown: 1 },
  ])('refuses the settings %j', (settings) => {
    expect(Command.safeParse({ id: 3, type: 'conditions.update', socketId: 's3', settings }).success).toBe(false);
  });

  it('sensor.start defaults to seed 003’s record and bounds the rate and the duration', () => {
    const parsed = Command.parse({ id: 4, type: 'sensor.start', transport: 'tcp', host: '127.0.0.1', port: 5005 });
    expect(parsed).toMatchObject({
      format: '!IIdffB',
      fields: ['sensor_id', 'seq', 'timestamp', 'temperature', 'humidity', 'battery'],
      rateHz: 10,
      durationS: 60,
    });
    const base = { id: 5, type: 'sensor.start', transport: 'udp', host: '127.0.0.1', port: 5005 };
    expect(Command.safeParse({ ...base, rateHz: 1001 }).success).toBe(false);
    expect(Command.safeParse({ ...base, durationS: 601 }).success).toBe(false);
    expect(Command.safeParse({ ...base, fields: ['not a name'] }).success).toBe(false);
    expect(
      Command.safeParse({ id: 6, type: 'tcp.listen', host: '::1', port: 0, behaviour: 'sensor', sensor: { ack: true } })
        .success,
    ).toBe(true);
  });

  it('a relay is a socket of kind relay that says where it forwards, with what, and from which seed', () => {
    const info = SocketInfo.parse({
      id: 's3',
      kind: 'relay',
      local: endpoint,
      recvSize: 65536,
      conditions: { transport: 'tcp', target: endpoint, settings: ConditionsSettings.parse({}), seed: 42 },
    });
    expect(info.conditions?.seed).toBe(42);
  });

  it('carries the relay’s and the sensor server’s events', () => {
    const stats = {
      in: 1,
      out: 1,
      bytesIn: 3,
      bytesOut: 3,
      dropped: 0,
      duplicated: 0,
      reordered: 0,
      delayed: 0,
      retransmitted: 0,
      overflow: 0,
      queued: 0,
      flows: 1,
    };
    const batch = {
      type: 'events',
      folded: 0,
      counters: {},
      events: [
        { ...event, type: 'conditions', settings: ConditionsSettings.parse({ lossPct: 5 }) },
        { ...event, type: 'conditions-stats', stats },
        { ...event, type: 'relay-flow', peer: endpoint, upstream: { ...endpoint, port: 5001 }, flow: 'opened' },
        {
          ...event,
          kind: 'udp',
          type: 'sensor-data',
          from: endpoint,
          records: [{ seq: 0, dt: 12.5, values: [1, 0, 1.7e9, 21.5, 'nan', true] }],
          skipped: 0,
          stats: { received: 1, missing: 0, outOfOrder: 0, duplicates: 0, bad: 0, acks: 0 },
        },
      ],
    };
    expect(ServerMessage.safeParse(batch).success).toBe(true);
  });
});
