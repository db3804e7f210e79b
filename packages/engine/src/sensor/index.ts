export { MAX_BACKLOG_BYTES, MIN_TICK_MS, SensorGenerator, type SensorPlan } from './generator.ts';
export { readingsFor } from './readings.ts';
export {
  type SensorStartOptions,
  SensorTcpClient,
  SensorUdpClient,
  sensorLayout,
  sensorPlan,
} from './sensor-client.ts';
export { ACK_DUPLICATE, ACK_GAP, ACK_LATE, ACK_OK, SeqTracker } from './seq-tracker.ts';
export { serverSensor } from './server-config.ts';
