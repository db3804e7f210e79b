import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBatch, SensorRecord } from '@playground/protocol';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  analyzeLane,
  LineCutter,
  messageNumber,
  messageText,
  percentile,
} from '../src/features/compare/model/analyze.ts';
import { settleMs } from '../src/features/compare/model/compareRun.ts';
import { ConditionsForm, withSetting } from '../src/features/conditions/ConditionsForm.tsx';
import { PERFECT, PRESETS, presetOf } from '../src/features/conditions/model/presets.ts';
import { applyRelayEvents } from '../src/features/netlab/model/labStore.ts';
import { configProblem, DEFAULT_SENSOR_CONFIG } from '../src/features/sensor/model/sensorRun.ts';
import { Series } from '../src/features/sensor/model/series.ts';
import { PYTHON_DEFAULTS, pythonSensorClient } from '../src/features/sensor/pythonClient.ts';
import { renderWithPlayground } from './support/render.tsx';

describe('the TCP vs UDP analysis', () => {
  const sent = new Map(Array.from({ length: 6 }, (_, i) => [i + 1, i * 10] as [number, number]));

  it('tells in-order, late, missing and duplicated messages apart, with latency percentiles', () => {
    const arrivals = [
      { n: 1, t: 1 },
      { n: 3, t: 22 },
      { n: 2, t: 25 },
      { n: 3, t: 26 },
      { n: 5, t: 45 },
    ];
    const lane = analyzeLane(6, sent, arrivals, true);
    expect(lane.messages.map((m) => m.fate)).toEqual([
      'in-order',
      'late',
      'in-order',
      'missing',
      'in-order',
      'missing',
    ]);
    expect(lane.messages[2]?.copies).toBe(1);
    expect(lane.arrivalOrder).toEqual([1, 3, 2, 3, 5]);
    expect(lane.summary).toMatchObject({ sent: 6, delivered: 4, inOrder: 3, duplicates: 1, missing: 2 });
    expect(lane.summary.deliveredPct).toBeCloseTo(66.67, 1);
    expect(lane.summary.inOrderPct).toBe(75);
    // Latencies 1, 15, 2, 5 → sorted 1 2 5 15: nearest-rank p50 = 2, p95 = 15.
    expect([lane.summary.p50, lane.summary.p95]).toEqual([2, 15]);
  });

  it('counts nothing as missing while the run is still going', () => {
    const lane = analyzeLane(6, sent, [{ n: 1, t: 3 }], false);
    expect(lane.messages.slice(1).every((m) => m.fate === 'pending')).toBe(true);
    expect(lane.summary.missing).toBe(0);
  });

  it('finds messages in a TCP byte stream however the reads cut it', () => {
    const cutter = new LineCutter();
    const stream = messageText(1) + messageText(2) + messageText(3);
    const lines = [stream.slice(0, 5), stream.slice(5, 30), stream.slice(30)].flatMap((piece) => cutter.push(piece));
    expect(lines.map(messageNumber)).toEqual([1, 2, 3]);
    expect(messageText(42)).toBe('#0042 hola-mundo\n');
    expect(percentile([], 50)).toBeNull();
  });

  it('waits long enough for a retransmission after the last message', () => {
    expect(settleMs(PERFECT, 1000)).toBeGreaterThanOrEqual(200);
    expect(settleMs({ ...PERFECT, delayMs: 100, jitterMs: 50 }, 1000)).toBeGreaterThan(settleMs(PERFECT, 1000) + 300);
  });
});

describe('the conditions form', () => {
  it('keeps settings in range and the smallest piece at most the largest', () => {
    expect(withSetting(PERFECT, 'lossPct', 140).lossPct).toBe(100);
    expect(withSetting(PERFECT, 'delayMs', -5).delayMs).toBe(0);
    const pieces = withSetting(withSetting(PERFECT, 'segmentMax', 10), 'segmentMin', 30);
    expect([pieces.segmentMin, pieces.segmentMax]).toEqual([30, 30]);
    expect(presetOf(PRESETS.lossy)).toBe('lossy');
    expect(presetOf({ ...PRESETS.lossy, lossPct: 21 })).toBeNull();
  });

  it('says on the spot that TCP never loses bytes, and applies a preset in one click', () => {
    let value = PERFECT;
    renderWithPlayground(<ConditionsForm value={value} onChange={(next) => (value = next)} />);
    expect(screen.getByTestId('tcp-guarantee').textContent).toMatch(/never loses, duplicates, reorders or corrupts/);
    fireEvent.click(screen.getByTestId('preset-lossy'));
    expect(value.lossPct).toBe(20);
    fireEvent.change(screen.getByLabelText('Loss'), { target: { value: '35' } });
    expect(value.lossPct).toBe(35);
  });

  it('shows only what applies to the transport of a stage', () => {
    renderWithPlayground(<ConditionsForm value={PERFECT} onChange={() => {}} scope="tcp" />);
    expect(screen.queryByLabelText('Loss')).toBeNull();
    expect(screen.getByLabelText('Pieces from')).toBeTruthy();
  });
});

describe('relay counts on the page', () => {
  it('keeps the latest counts and the clients a relay carries', () => {
    const endpoint = (port: number) => ({ address: '127.0.0.1', port, family: 'IPv4' as const });
    const base = { seq: 1, t: 1, socketId: 's3', kind: 'relay' as const };
    const batch: EventBatch = {
      type: 'events',
      folded: 0,
      counters: {},
      events: [
        { ...base, type: 'relay-flow', peer: endpoint(5000), upstream: endpoint(6000), flow: 'opened' },
        {
          ...base,
          seq: 2,
          type: 'conditions-stats',
          stats: {
            in: 3,
            out: 2,
            bytesIn: 9,
            bytesOut: 6,
            dropped: 1,
            duplicated: 0,
            reordered: 0,
            delayed: 0,
            retransmitted: 0,
            overflow: 0,
            queued: 0,
            flows: 1,
          },
        },
      ],
    };
    const relays = applyRelayEvents({}, [batch], 2);
    expect(relays['2:s3']?.stats?.dropped).toBe(1);
    expect(relays['2:s3']?.flows.map((f) => f.upstream.port)).toEqual([6000]);
    const same = applyRelayEvents(relays, [{ ...batch, events: [] }], 2);
    expect(same).toBe(relays);
  });
});

describe('the sensor stream', () => {
  const record = (seq: number, dt: number, temperature: number): SensorRecord => ({
    seq,
    dt,
    values: [1, seq, 0, temperature, 50, 99],
  });

  it('breaks the line where sequence numbers are missing', () => {
    const series = new Series();
    series.add([record(0, 0, 20), record(1, 0, 21)], 1000, 3);
    series.add([record(4, 0, 22)], 1100, 3);
    expect(series.ys).toEqual([21, null, 22]);
    expect(series.points).toBe(3);
    expect(series.plotted).toBe(2);
  });

  it('checks the learner’s record as it is typed, in the codec’s words', () => {
    expect(configProblem(DEFAULT_SENSOR_CONFIG)).toBeNull();
    expect(configProblem({ ...DEFAULT_SENSOR_CONFIG, format: '!IIdff' })).toMatch(/packs 5 values/);
    expect(configProblem({ ...DEFAULT_SENSOR_CONFIG, fieldsText: 'a, seq, c, d, e, f', format: '!IfdffB' })).toMatch(
      /"seq"/,
    );
  });

  it('offers the same Python client that docs/examples/python/sensor_client.py holds', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../docs/examples/python/sensor_client.py'), 'utf8');
    expect(pythonSensorClient(PYTHON_DEFAULTS)).toBe(file);
    const custom = pythonSensorClient({
      ...PYTHON_DEFAULTS,
      transport: 'tcp',
      port: 40123,
      format: '!If',
      fields: ['seq', 'temp'],
    });
    expect(custom).toContain("FORMAT = '!If'");
    expect(custom).toContain("FIELDS = ['seq', 'temp']");
    expect(custom).toContain('PORT = 40123');
    expect(custom).toContain('struct.pack(FORMAT, *values)');
  });
});
