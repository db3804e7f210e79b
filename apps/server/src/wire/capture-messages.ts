import type { EngineEvent } from '@playground/engine';
import type { SocketInfo, WireBatch, WireStatus } from '@playground/protocol';
import type { ClockPair } from './capture-clock.ts';
import type { SessionCaptureLimits } from './session-capture.ts';

/** What the bridge's thread tells the capture worker. Requests carry an `id` the reply repeats. */
export type ToCaptureWorker =
  | {
      op: 'watch';
      id: number;
      session: string;
      /** The sessions' clock paired with the wall clock, taken now (it also re-pairs the worker's). */
      clock: ClockPair;
      origin: number;
      since: number;
      sockets: SocketInfo[];
      localMode: boolean;
      limits: SessionCaptureLimits;
    }
  | { op: 'unwatch'; session: string }
  | { op: 'observe'; session: string; event: EngineEvent }
  | { op: 'prepare'; id: number; session: string; transport: 'tcp' | 'udp'; port: number }
  | { op: 'settle'; id: number; session: string }
  | { op: 'shutdown'; id: number };

/** What the capture worker tells the bridge's thread. */
export type FromCaptureWorker =
  | { op: 'reply'; id: number }
  | { op: 'batch'; session: string; batch: WireBatch }
  | { op: 'status'; session: string; status: WireStatus };
