import {
  pack,
  type SensorRecordLayout,
  type StructValue,
  sensorRecordLayout,
  toPythonBytes,
  unpack,
} from '@playground/codec';
import {
  type Endpoint,
  MAX_SENSOR_RECORDS_PER_EVENT,
  SENSOR_ACK_FORMAT,
  type SensorInfo,
  type SensorRecord,
  type SensorValue,
} from '@playground/protocol';
import type { EventBody } from '../event-stamper.ts';
import { SeqTracker } from '../sensor/seq-tracker.ts';
import { type DatagramBehaviour, endWhenPeerEnds, type StreamBehaviour } from './types.ts';

/** A sensor server reports its records about this often per sender: smooth enough for a live chart. */
export const SENSOR_EVENT_EVERY_MS = 100;
/** Senders a UDP sensor server keeps counts for; the oldest is forgotten beyond. */
export const MAX_SENSOR_SENDERS = 64;

export interface SensorServerOptions {
  sensor?: SensorInfo | undefined;
  /** The connection's peer (TCP); a UDP server learns each sender from its datagrams. */
  remote?: Endpoint | undefined;
  emit?: ((event: EventBody) => void) | undefined;
}

/** Python's view of a value: numbers stay numbers (NaN and infinities as Python prints them), bytes as b'…'. */
export function wireValue(value: StructValue): SensorValue {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'boolean') return value;
  return toPythonBytes(value);
}

/** The decoded records and counts of one sender, reported every SENSOR_EVENT_EVERY_MS while they change. */
class SenderReport {
  readonly tracker = new SeqTracker();
  #records: { seq: number | null; at: number; values: SensorValue[] }[] = [];
  #skipped = 0;
  #dirty = false;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly from: Endpoint,
    private readonly emit: ((event: EventBody) => void) | undefined,
  ) {}

  add(seq: number | null, values: SensorValue[]): void {
    if (this.#records.length < MAX_SENSOR_RECORDS_PER_EVENT) this.#records.push({ seq, at: performance.now(), values });
    else this.#skipped++;
    this.changed();
  }

  changed(): void {
    this.#dirty = true;
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, SENSOR_EVENT_EVERY_MS);
  }

  flush(): void {
    if (!this.#dirty || this.emit === undefined) return;
    this.#dirty = false;
    const now = performance.now();
    const records: SensorRecord[] = this.#records.map((r) => ({
      seq: r.seq,
      dt: Math.max(0, Math.round((now - r.at) * 10) / 10),
      values: r.values,
    }));
    const skipped = this.#skipped;
    this.#records = [];
    this.#skipped = 0;
    this.emit({ type: 'sensor-data', from: this.from, records, skipped, stats: { ...this.tracker.stats } });
  }

  /** The socket is gone (its `closed` event is out): nothing more is reported. A FIN flushes first. */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#closed = true;
  }
}

/** Decodes one record, counts it, reports it; returns the acknowledgement to send, if any. */
function take(
  layout: SensorRecordLayout,
  ack: boolean,
  report: SenderReport,
  record: Uint8Array,
): Uint8Array | undefined {
  const { values } = unpack(layout.format, record);
  const raw = layout.seqIndex === null ? null : values[layout.seqIndex];
  const seq = raw === null || raw === undefined ? null : Number(raw);
  const status = report.tracker.observe(seq);
  report.add(seq, values.map(wireValue));
  if (!ack) return undefined;
  report.tracker.stats.acks++;
  const acked = seq ?? report.tracker.stats.received;
  return pack(SENSOR_ACK_FORMAT, [acked >>> 0, status]);
}

function layoutOf(sensor: SensorInfo | undefined): SensorRecordLayout | undefined {
  return sensor && sensorRecordLayout(sensor.format, sensor.fields);
}

/**
 * Seed 003's server over TCP: records have a fixed size, so the stream is cut into exactly
 * calcsize(format) bytes whatever the reads return (the `recv` loop that collects a full record).
 * Bytes left over when the client ends are a partial record: counted as bad.
 */
export function tcpSensor(options: SensorServerOptions): StreamBehaviour {
  const layout = layoutOf(options.sensor);
  if (layout === undefined) return {};
  const ack = options.sensor?.ack === true;
  const report = new SenderReport(options.remote ?? { address: '', port: 0, family: 'IPv4' }, options.emit);
  let pending = new Uint8Array(0);
  return {
    recv(conn, piece) {
      const bytes = pending.length === 0 ? piece : concat(pending, piece);
      let at = 0;
      for (; at + layout.size <= bytes.length; at += layout.size) {
        const reply = take(layout, ack, report, bytes.subarray(at, at + layout.size));
        if (reply && conn.writable) conn.writeBack(reply);
      }
      pending = bytes.slice(at);
    },
    fin(conn) {
      if (pending.length > 0) {
        report.tracker.stats.bad++;
        report.changed();
        pending = new Uint8Array(0);
      }
      report.flush();
      endWhenPeerEnds(conn);
    },
    close() {
      report.close();
    },
  };
}

/** Over UDP every datagram is one record; a datagram of another size is counted as bad and skipped. */
export function udpSensor(options: SensorServerOptions): DatagramBehaviour {
  const layout = layoutOf(options.sensor);
  if (layout === undefined) return { datagram() {} };
  const ack = options.sensor?.ack === true;
  const senders = new Map<string, SenderReport>();
  const reportFor = (from: Endpoint): SenderReport => {
    const key = `${from.address}|${from.port}`;
    let report = senders.get(key);
    if (report === undefined) {
      if (senders.size >= MAX_SENSOR_SENDERS) {
        const [oldestKey, oldest] = senders.entries().next().value as [string, SenderReport];
        oldest.flush();
        oldest.close();
        senders.delete(oldestKey);
      }
      report = new SenderReport(from, options.emit);
      senders.set(key, report);
    }
    return report;
  };
  return {
    datagram(socket, data, from) {
      const report = reportFor(from);
      if (data.length !== layout.size) {
        report.tracker.stats.bad++;
        report.changed();
        return;
      }
      const reply = take(layout, ack, report, data);
      if (reply) socket.sendBack(reply, from);
    },
    close() {
      for (const report of senders.values()) report.close();
      senders.clear();
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
