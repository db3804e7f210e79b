import type { DecodedPacket } from '@playground/wire';
import { describe, expect, it } from 'vitest';
import { CaptureHandover } from '../src/wire/capture-handover.ts';

const ports = (...udp: number[]) => ({ tcp: new Set<number>(), udp: new Set(udp) });

/** A captured packet: its ports, its bytes (`id` makes them differ) and the stamp each run gave it. */
interface Wire {
  port: number;
  id: number;
  timeUs: number;
}

const packet = (w: Wire): DecodedPacket => ({
  family: 'IPv4',
  src: '127.0.0.1',
  dst: '127.0.0.1',
  protocol: 'udp',
  udp: { srcPort: 40000, dstPort: w.port, payloadLength: 10, payload: new Uint8Array(10) },
});
const frame = (w: Wire) => new Uint8Array([w.id & 0xff, w.id >> 8, w.port & 0xff, w.port >> 8]);

/** Feeds both runs' copies in the given order and returns the packets passed on, by run. */
function handOver(h: CaptureHandover, arrivals: Array<['old' | 'new', Wire]>): Array<['old' | 'new', number]> {
  const shown: Array<['old' | 'new', number]> = [];
  for (const [run, w] of arrivals) {
    if (!h.twin(run === 'old', packet(w), frame(w), 52, w.timeUs)) shown.push([run, w.timeUs]);
  }
  return shown;
}

// Packets 0..9, 100 µs apart; each run's copy of one packet is stamped `skew` µs apart.
const stream = (ids: number[], skew: number, id: (i: number) => number = (i) => i): Wire[] =>
  ids.map((i) => ({ port: 5000, id: id(i), timeUs: 1_000_000 + i * 100 + skew }));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe('handing the capture over to a new run', () => {
  it('shows each packet once when the new run hands over while the old one still does', () => {
    const h = new CaptureHandover(ports(5000), ports(5000));
    const old = stream(range(0, 6), 0);
    const next = stream(range(4, 9), 1);
    const shown = handOver(h, [
      ...old.slice(0, 5).map((w) => ['old', w] as ['old', Wire]),
      ...next.slice(0, 2).map((w) => ['new', w] as ['new', Wire]),
      ...old.slice(5).map((w) => ['old', w] as ['old', Wire]),
      ...next.slice(2).map((w) => ['new', w] as ['new', Wire]),
    ]);
    expect(shown.map(([, t]) => Math.floor((t - 1_000_000) / 100))).toEqual(range(0, 9));
    expect(h.settled(true)).toBe(true);
  });

  it('shows each packet once when the old run hands its last block over after the new one', () => {
    const h = new CaptureHandover(ports(5000), ports(5000));
    const shown = handOver(h, [
      ...stream(range(3, 9), -1).map((w) => ['new', w] as ['new', Wire]),
      ...stream(range(0, 6), 0).map((w) => ['old', w] as ['old', Wire]),
    ]);
    expect(shown.map(([, t]) => Math.round((t - 1_000_000) / 100)).sort((a, b) => a - b)).toEqual(range(0, 9));
  });

  it('pairs identical packets (UDP echoes with IP id 0) by their place, losing none', () => {
    const h = new CaptureHandover(ports(5000), ports(5000));
    const same = () => 7;
    const shown = handOver(h, [
      ...stream(range(0, 5), 0, same).map((w) => ['old', w] as ['old', Wire]),
      ...stream(range(2, 9), 1, same).map((w) => ['new', w] as ['new', Wire]),
    ]);
    expect(shown).toHaveLength(10);
  });

  it('loses nothing and shows nothing twice when one run missed a packet the other caught', () => {
    const h = new CaptureHandover(ports(5000), ports(5000));
    const same = () => 7;
    const shown = handOver(h, [
      ...stream([0, 1, 2, 4, 5], 0, same).map((w) => ['old', w] as ['old', Wire]),
      ...stream(range(2, 9), 1, same).map((w) => ['new', w] as ['new', Wire]),
    ]);
    expect(shown.map(([, t]) => Math.floor((t - 1_000_000) / 100)).sort((x, y) => x - y)).toEqual(range(0, 9));
  });

  it('never takes a packet only one filter accepts for a twin', () => {
    const h = new CaptureHandover(ports(5000), ports(5000, 6000));
    const newPort: Wire = { port: 6000, id: 1, timeUs: 1_000_001 };
    const shown = handOver(h, [
      ['old', { port: 5000, id: 1, timeUs: 1_000_000 }],
      ['new', newPort],
      ['new', { port: 5000, id: 1, timeUs: 1_000_001 }],
    ]);
    expect(shown).toEqual([
      ['old', 1_000_000],
      ['new', 1_000_001],
    ]);
  });

  it('shows everything when the runs saw nothing in common', () => {
    const h = new CaptureHandover(ports(5000), ports(5000));
    const shown = handOver(h, [
      ...stream(range(0, 3), 0).map((w) => ['old', w] as ['old', Wire]),
      ...stream(range(4, 6), 0).map((w) => ['new', w] as ['new', Wire]),
    ]);
    expect(shown).toHaveLength(7);
    expect(h.settled(true)).toBe(true);
  });
});
