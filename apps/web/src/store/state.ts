import type {
  Counters,
  ErrorCode,
  Limits,
  Notice,
  ProgramHint,
  ProgramMessage,
  SensorRecord,
  SensorStats,
  SocketEvent,
  SocketInfo,
  SocketState,
} from '@playground/protocol';
import { type AppendLog, emptyLog } from './appendLog.ts';
import type { ByteLog } from './byteLog.ts';
import { emptyKernelView, type KernelViewData } from './kernelView.ts';
import { emptyLabSettings, type LabSettings } from './labSettings.ts';
import type { SocketKey } from './socketKey.ts';
import { emptyWireView, type WireViewData } from './wireView.ts';

/** `replaced`: another tab resumed this page's session (close code 4001); a new one starts when asked. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'incompatible' | 'replaced';

export interface Connection {
  status: ConnectionStatus;
  /** When the next reconnect attempt starts (epoch ms), while reconnecting. */
  retryAt: number | null;
  /** The bridge's protocol version, when it differs from ours. */
  serverVersion: number | null;
  sessionId: string | null;
  limits: Limits | null;
  targetPolicy: string | null;
  /** The bridge keeps this session for so long after a drop (0 or absent: it closes at once). */
  resumeGraceMs?: number;
}

export { type SocketKey, socketKey } from './socketKey.ts';

export interface SocketEntry {
  key: SocketKey;
  epoch: number;
  info: SocketInfo;
  state: SocketState;
  counters: Counters;
  children: SocketKey[];
  finSent: boolean;
  finReceived: boolean;
  resetSent: boolean;
  /** An accepted connection a one-at-a-time server has not accept()ed yet (its bytes wait unread). */
  waitingForAccept: boolean;
  lastError: ErrorCodeInfo | null;
  /** TCP_NODELAY as last set from the page: true means Nagle's algorithm is off (Node's default is on). */
  noDelay?: boolean;
  /** The learner paused this socket's recv() calls: bytes wait in the kernel. */
  readingPaused?: boolean;
  /** UDP datagrams longer than recvfrom(N) (of those the page was sent): the rest of each was lost. */
  cut?: { datagrams: number; bytes: number };
  received: ByteLog;
  sent: ByteLog;
  /** Belonged to a session whose WebSocket dropped: the bridge closed it. */
  stale: boolean;
  /** A sensor server (or its connection): the exact counts per sender, and the last record decoded. */
  sensor?: { senders: Record<string, SensorStats>; last?: SensorRecord };
  /** A traced program's socket: the mistakes its calls showed (the latest few), each at its line. */
  hints?: ProgramHint[];
  /** A traced program's socket left the session unclosed: tracing stopped, the program may still use it. */
  untraced?: boolean;
}

/** A traced program of this page's session (docs/trace.md), as its last `program` message said. */
export interface ProgramEntry extends Omit<ProgramMessage, 'type'> {
  key: string;
  epoch: number;
}

export interface ErrorCodeInfo {
  code: ErrorCode | ClientErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

/** Failures the page detects itself, before or instead of a reply. */
export type ClientErrorCode = 'request_timeout' | 'disconnected';

type WithoutData<E> = E extends { data: string } ? Omit<E, 'data'> : E;
export type LoggedEvent = WithoutData<SocketEvent>;

export interface LogEntry {
  key: SocketKey;
  event: LoggedEvent;
  /** The first bytes as Python would print them, for data events. */
  preview?: string;
  /** The event carried fewer bytes than its size (or than the preview shows). */
  previewCut?: boolean;
}

export type Direction = 'received' | 'sent';

export interface Selection {
  key: SocketKey | null;
  direction: Direction;
  /** The piece to highlight, by the seq of the event that recorded it. */
  pieceSeq: number | null;
}

export interface Alert {
  id: number;
  error: ErrorCodeInfo;
}

export interface ClientPrefill {
  protocol: 'tcp' | 'udp';
  host: string;
  port: number;
  /**
   * `started`: the server form just started this server, so the client form follows it (or asks,
   * when the learner typed a target of their own); otherwise the learner asked to connect there.
   */
  source?: 'started';
  /** The server's socket id, to name it. */
  socketId?: string;
  /** Changes on every request so the form reacts even to the same server twice. */
  nonce: number;
}

export interface PlaygroundData {
  connection: Connection;
  /** Bumped on every welcome: the bridge session number, as used in socket keys. */
  epoch: number;
  sockets: Record<SocketKey, SocketEntry>;
  /** Keys in the order sockets appeared. */
  order: SocketKey[];
  log: AppendLog<LogEntry>;
  /** Events the bridge folded (skipped) since the page loaded; counters stay exact regardless. */
  folded: number;
  selection: Selection;
  notices: Notice[];
  /** Set when a session with sockets dropped: how many sockets it took with it. */
  sessionLost: { closed: number } | null;
  alerts: Alert[];
  clientPrefill: ClientPrefill | null;
  /** The socket the learner just created from a form: its card comes into view and takes focus. */
  revealed: { key: SocketKey; nonce: number } | null;
  /** The chunk lab's per-socket framing and the inspector's view. */
  lab: LabSettings;
  /** The OS's view: the kernel's TCP table while the view is open, and each connection's states. */
  kernel: KernelViewData;
  /** Traced programs, by `epoch:traceId`, in the order they attached. */
  programs: Record<string, ProgramEntry>;
  programOrder: string[];
  /** The wire's view: captured segments of the session's connections while the view is open. */
  wire: WireViewData;
}

export interface StoreLimits {
  /** Bytes kept per direction per socket for the inspector. */
  bytesPerDirection: number;
  /** Events kept in the global log. */
  logEvents: number;
}

/** A mebibyte per direction, so the byte ribbon can show a 1 MiB stream whole; a socket only grows to what it moved. */
export const DEFAULT_LIMITS: StoreLimits = { bytesPerDirection: 1024 * 1024, logEvents: 100_000 };

export const ZERO_COUNTERS: Counters = { bytesIn: 0, bytesOut: 0, reads: 0, writes: 0 };

export function initialData(): PlaygroundData {
  return {
    connection: {
      status: 'connecting',
      retryAt: null,
      serverVersion: null,
      sessionId: null,
      limits: null,
      targetPolicy: null,
    },
    epoch: 0,
    sockets: {},
    order: [],
    log: emptyLog(),
    folded: 0,
    selection: { key: null, direction: 'received', pieceSeq: null },
    notices: [],
    sessionLost: null,
    alerts: [],
    clientPrefill: null,
    revealed: null,
    lab: emptyLabSettings(),
    kernel: emptyKernelView(),
    programs: {},
    programOrder: [],
    wire: emptyWireView(),
  };
}
