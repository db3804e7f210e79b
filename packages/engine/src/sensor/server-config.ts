import {
  type Behaviour,
  DEFAULT_SENSOR_FIELDS,
  DEFAULT_SENSOR_FORMAT,
  type SensorInfo,
  type SensorServerConfigInput,
} from '@playground/protocol';
import { sensorLayout } from './sensor-client.ts';

/** A `sensor` server needs a record format (seed 003's `!IIdffB` by default); other behaviours ignore it. */
export function serverSensor(
  behaviour: Behaviour,
  config: SensorServerConfigInput | undefined,
): SensorInfo | undefined {
  if (behaviour !== 'sensor') return undefined;
  const format = config?.format ?? DEFAULT_SENSOR_FORMAT;
  const fields = [...(config?.fields ?? DEFAULT_SENSOR_FIELDS)];
  const layout = sensorLayout(format, fields);
  return { role: 'server', format, fields, recordSize: layout.size, ack: config?.ack ?? false };
}
