import { SensorRecordError, sensorRecordLayout } from '@playground/codec';
import { MAX_SENSOR_DURATION_S, MAX_SENSOR_RATE_HZ, type SensorInfo, type Transport } from '@playground/protocol';
import { familyOf } from '../endpoints.ts';
import { catalogued, EngineError } from '../errors.ts';
import type { Channel } from '../event-stamper.ts';
import { TcpClient } from '../tcp-client.ts';
import type { DestinationCheck } from '../types.ts';
import { UdpEndpoint } from '../udp-endpoint.ts';
import { SensorGenerator, type SensorPlan } from './generator.ts';

export interface SensorStartOptions {
  transport: Transport;
  host: string;
  port: number;
  format: string;
  fields: readonly string[];
  rateHz: number;
  durationS: number;
  count?: number | undefined;
  sensorId?: number;
  recvSize: number;
  timeoutMs?: number;
}

/** The record layout a learner typed, as a bad_command a learner can act on when it does not work. */
export function sensorLayout(format: string, fields: readonly string[]) {
  try {
    return sensorRecordLayout(format, fields);
  } catch (err) {
    if (err instanceof SensorRecordError) {
      throw catalogued('bad_command.sensorLayout', { format, problem: err.problem, detail: err.message });
    }
    throw err;
  }
}

export function sensorPlan(o: SensorStartOptions): SensorPlan {
  const layout = sensorLayout(o.format, o.fields);
  if (!Number.isInteger(o.rateHz) || o.rateHz < 1 || o.rateHz > MAX_SENSOR_RATE_HZ) {
    throw catalogued('bad_command.sensorRate', { rateHz: o.rateHz, max: MAX_SENSOR_RATE_HZ });
  }
  if (!Number.isInteger(o.durationS) || o.durationS < 1 || o.durationS > MAX_SENSOR_DURATION_S) {
    throw catalogued('bad_command.sensorDuration', { durationS: o.durationS, max: MAX_SENSOR_DURATION_S });
  }
  const total = Math.min(o.count ?? Number.POSITIVE_INFINITY, o.rateHz * o.durationS);
  return { layout, rateHz: o.rateHz, total, sensorId: o.sensorId ?? 1 };
}

function clientInfo(plan: SensorPlan): SensorInfo {
  return {
    role: 'client',
    format: plan.layout.format,
    fields: plan.layout.fields.map((f) => f.name),
    recordSize: plan.layout.size,
    rateHz: plan.rateHz,
    sensorId: plan.sensorId,
  };
}

/** A TCP client that is a sensor: once connected it sends its records, then half-closes (FIN). */
export class SensorTcpClient extends TcpClient {
  readonly #generator: SensorGenerator;

  constructor(channel: Channel, o: SensorStartOptions, plan: SensorPlan, readingPaused: boolean) {
    super(channel, { host: o.host, port: o.port, timeoutMs: o.timeoutMs ?? 5000 }, o.recvSize, readingPaused);
    this.info.sensor = clientInfo(plan);
    this.#generator = new SensorGenerator(plan, {
      send: (record) => (this.writable ? this.send(record) : Promise.reject(new Error('closed'))),
      backlog: () => this.buffered,
      finished: () => {
        if (this.writable) this.end();
      },
    });
    this.ready.promise.then(
      () => this.#generator.start(),
      () => this.#generator.stop(),
    );
    void this.closed.then(() => this.#generator.stop());
  }
}

/** A UDP endpoint that is a sensor: one record per datagram to its default peer. */
export class SensorUdpClient extends UdpEndpoint {
  readonly #generator: SensorGenerator;

  constructor(channel: Channel, o: SensorStartOptions, plan: SensorPlan, checkDestination?: DestinationCheck) {
    super(channel, {
      host: familyOf(o.host) === 'IPv6' ? '::1' : '127.0.0.1',
      port: 0,
      recvSize: o.recvSize,
      behaviour: 'none',
      remote: { host: o.host, port: o.port },
      checkDestination,
    });
    this.info.sensor = clientInfo(plan);
    this.#generator = new SensorGenerator(plan, {
      send: (record) => {
        try {
          return this.send(record);
        } catch (err) {
          // Its peer is not allowed any more (or it closed): the sensor stops, and says why once.
          // At once: a tick catching up sends several records in one go, each refused alike.
          this.#generator.stop();
          if (err instanceof EngineError && err.code === 'not_allowed') this.report(err);
          return Promise.reject(err);
        }
      },
      backlog: () => 0,
      finished: () => {},
    });
    this.ready.promise.then(
      () => this.#generator.start(),
      () => this.#generator.stop(),
    );
    void this.closed.then(() => this.#generator.stop());
  }
}
