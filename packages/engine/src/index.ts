export type { ConditionsCreateOptions } from './conditions/index.ts';
export { Engine, type EngineOptions } from './engine.ts';
export { EngineError, type ErrorParams } from './errors.ts';
export type { KernelTcpSocket } from './kernel/proc-net-tcp.ts';
export { parseSsTcpInfo, type SsSocket } from './kernel/ss-tcp-info.ts';
export { readTcpInfo, type TcpInfoResult } from './kernel/tcp-info-reader.ts';
export { type KernelTableResult, readKernelTcpTable, socketsOnPorts } from './kernel/tcp-table.ts';
export type { SensorStartOptions } from './sensor/index.ts';
export type { SplitPlan } from './split-send.ts';
export type {
  DestinationCheck,
  EngineEvent,
  EngineEventType,
  ErrorInfo,
  EventSink,
  SocketInfo,
  Target,
  TcpConnectOptions,
  TcpListenOptions,
  UdpBindOptions,
} from './types.ts';
