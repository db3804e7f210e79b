export { Engine, type EngineOptions } from './engine.ts';
export { EngineError, type ErrorParams } from './errors.ts';
export type {
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
