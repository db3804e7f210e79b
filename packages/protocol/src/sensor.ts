import { z } from 'zod';

/**
 * The sensor stream of seed 003: a client sends periodic random readings as binary records in a
 * Python `struct` format; a server decodes them with the same format. Only zod here.
 */

export const DEFAULT_SENSOR_FORMAT = '!IIdffB';
export const DEFAULT_SENSOR_FIELDS = ['sensor_id', 'seq', 'timestamp', 'temperature', 'humidity', 'battery'];
/** The binary acknowledgement a sensor server may answer each record with: (seq, status). */
export const SENSOR_ACK_FORMAT = '!IB';
/** Ack status: 0 in order, 1 after a gap, 2 late (out of order), 3 a duplicate. */
export const SENSOR_ACK_STATUS = ['ok', 'gap', 'late', 'duplicate'] as const;

export const MAX_SENSOR_RATE_HZ = 1000;
export const MAX_SENSOR_DURATION_S = 600;
/** Largest record: a UDP datagram must carry it whole, and a session reads thousands per second. */
export const MAX_SENSOR_RECORD_BYTES = 1024;
export const MAX_SENSOR_FIELDS = 16;
/** Records one `sensor-data` event carries at most; the stats still count every record. */
export const MAX_SENSOR_RECORDS_PER_EVENT = 500;

/** A Python identifier: the names a learner would give the variables of `struct.unpack`. */
export const SensorFieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'a field name is a Python identifier (letters, digits, _)');

/**
 * The record: a struct format and one name per value. Names give values their meaning: `seq` is the
 * sequence number the server checks; the client fills `sensor_id`, `timestamp`, `temperature`,
 * `humidity`, `battery`, `pressure` with plausible readings and any other field with random values.
 */
export const SensorRecordSpec = z.object({
  format: z.string().min(1).max(64).default(DEFAULT_SENSOR_FORMAT),
  fields: z
    .array(SensorFieldName)
    .min(1)
    .max(MAX_SENSOR_FIELDS)
    .default(() => [...DEFAULT_SENSOR_FIELDS]),
});
export type SensorRecordSpec = z.infer<typeof SensorRecordSpec>;

/** For a server with the `sensor` behaviour (`tcp.listen`, `udp.bind`). */
export const SensorServerConfig = SensorRecordSpec.extend({
  /** Answer every record with a `!IB` acknowledgement (seq, status). */
  ack: z.boolean().default(false),
}).strict();
export type SensorServerConfig = z.infer<typeof SensorServerConfig>;
export type SensorServerConfigInput = z.input<typeof SensorServerConfig>;

/** What a sensor socket's card says about it (client or server). */
export const SensorInfo = z.object({
  role: z.enum(['client', 'server']),
  format: z.string(),
  fields: z.array(z.string()),
  recordSize: z.number().int().positive(),
  ack: z.boolean().optional(),
  rateHz: z.number().optional(),
  sensorId: z.number().int().optional(),
});
export type SensorInfo = z.infer<typeof SensorInfo>;

/** One decoded value: integers and floats as numbers (integers beyond 2^53 as text), bytes as Python shows them. */
export const SensorValue = z.union([z.number(), z.string(), z.boolean()]);
export type SensorValue = z.infer<typeof SensorValue>;

export const SensorRecord = z.object({
  /** The `seq` field's value, or null when the record has none. */
  seq: z.number().int().nullable(),
  /** Milliseconds before the event's `t` that the record was decoded. */
  dt: z.number().nonnegative(),
  values: z.array(SensorValue),
});
export type SensorRecord = z.infer<typeof SensorRecord>;

const count = z.number().int().nonnegative();

/** Exact counts for one sender (one TCP connection, or one UDP source address). */
export const SensorStats = z.object({
  received: count,
  /** Sequence numbers skipped and not (yet) seen. */
  missing: count,
  /** Records that came after a higher sequence number. */
  outOfOrder: count,
  duplicates: count,
  /** Datagrams that were not exactly one record, or bytes left over when a connection ended. */
  bad: count,
  acks: count,
});
export type SensorStats = z.infer<typeof SensorStats>;
