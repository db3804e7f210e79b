export type { ConditionsCreateOptions } from './conditions/index.ts';
export { Engine, type EngineOptions } from './engine.ts';
export { EngineError } from './errors.ts';
export type { EventBody } from './event-stamper.ts';
export type { ExternalSocket } from './external-socket.ts';
export type { KernelTcpSocket } from './kernel/proc-net-tcp.ts';
export { parseSsTcpInfo, type SsSocket } from './kernel/ss-tcp-info.ts';
export { readTcpInfo, type TcpInfoResult } from './kernel/tcp-info-reader.ts';
export { type KernelTableResult, readKernelTcpTable, socketsOnPorts } from './kernel/tcp-table.ts';
export type { SensorStartOptions } from './sensor/index.ts';
export type { SplitPlan } from './split-send.ts';
export {
  byteSize,
  type DestinationCheck,
  type EngineEvent,
  type EngineEventType,
  type ErrorInfo,
  type EventSink,
  type SocketInfo,
  type Target,
  type TcpConnectOptions,
  type TcpListenOptions,
  type UdpBindOptions,
} from './types.ts';
