import type { Limits, Mode } from '@playground/protocol';
import { type Clocks, SYSTEM_CLOCKS } from '../time/clock.ts';

/** Every per-session limit is enforced, so none is optional here (the wire schema keeps new ones optional). */
export type SessionLimits = Required<Limits>;

export interface PlaygroundConfig {
  /** `local`: one learner on this computer. `lan`: a classroom; students join with a code. */
  mode: Mode;
  /** Interface the bridge listens on; loopback in local mode, every interface by default in LAN mode. */
  host: string;
  /** 0 lets the OS pick, which the tests use. */
  port: number;
  /** Extra Host header names the operator trusts (DNS-rebinding defence keeps everything else out). */
  allowedHosts: string[];
  /**
   * LAN mode behind a reverse proxy or a container's port mapping: the addresses people really open
   * (`https://school.example/class-3b/`). They are shown as the join addresses, and their host
   * names and origins pass the Host and Origin checks.
   */
  publicUrls: string[];
  /**
   * Proxies (addresses or CIDRs) whose `X-Forwarded-For` names the real client, so per-computer
   * limits count students rather than the proxy. Nobody else's header is believed.
   */
  trustProxies: string[];
  /** `--allow-target`: HOST, HOST:PORT, CIDR or CIDR:PORT that clients may reach beyond the default policy. */
  allowTargets: string[];
  /** Directory with the built web app; when missing, the bridge serves a page saying how to build it. */
  webRoot: string | undefined;
  limits: SessionLimits;
  /** How often the bridge pings each browser; a browser that misses two pongs is gone. */
  heartbeatMs: number;
  /** Outbox tuning: the slow-browser defence, and the budget of everything sent to a page. */
  outbox: OutboxConfig;
  /** How a session's commands are read: one session's commands cannot starve the others'. */
  intake: IntakeConfig;
  /** Who may open sessions, and how fast: the upgrade-flood and join-code defences. */
  admission: AdmissionConfig;
  /**
   * How long a session whose page asked to be kept (`/ws?…&keep=1`) outlives its WebSocket, so a
   * reload or a brief network drop resumes it with its sockets; 0 ends sessions with their WebSocket.
   */
  resumeGraceMs: number;
  /** `--lessons DIR`: a teacher's own lesson files (JSON), served at /api/lessons. */
  lessonsDir: string | undefined;
  /** How often the teacher's roster and the class's server list are sent at most. */
  classroomIntervalMs: number;
  /** Traced programs (`socket-playground trace`, docs/trace.md). */
  trace: TraceConfig;
  /** What the bridge logs to stderr (pino's JSON lines): nothing, refusals and faults, or every session too. */
  logLevel: 'silent' | 'warn' | 'info';
  /** Capturing the sessions' packets for the wire view (tcpdump). */
  capture: CaptureConfig;
  /** The time each timing rule reads: the real clock, or a test's manual one for the rule it is about. */
  clocks: Clocks;
}

export interface CaptureConfig {
  /**
   * Local mode allows capture unless `--no-capture`; a class only with `--capture` (the teacher
   * decides at start). Allowed is not running: a capture runs only while a page watches the wire.
   */
  enabled: boolean;
  /** `tcpdump`, looked up on PATH and in the sbin folders, or a path. */
  tool: string;
  /** Undefined: the loopback interface of this system (`lo`, `lo0`). */
  interface: string | undefined;
  /** Bytes kept of each packet: the headers (up to 134 over IPv6 with TCP options) and the payload's start. */
  snaplen: number;
  /** Segments one session is sent per second at most; the rest are counted as not shown. */
  segmentsPerSecond: number;
}

export interface TraceConfig {
  /** Programs one session may have attached at once (a learner's server and client, and a spare). */
  maxPrograms: number;
  /** An attach code stops working this long after the page last showed it or a program last used it. */
  codeTtlMs: number;
  /** A tracer that does not say which program it traces within this long is let go. */
  helloTimeoutMs: number;
  /**
   * How long the session's events wait while a program is traced, so that the program's calls,
   * which reach the bridge a little late, take their place in time order.
   */
  reorderMs: number;
  /** Wrong codes one address may try per window before every attach from it gets 429. */
  wrongCodes: number;
  wrongCodeWindowMs: number;
}

export interface OutboxConfig {
  flushIntervalMs: number;
  /**
   * How long a reply may wait for what its command sets off (the echo of a `send`) so that both
   * reach the page in one message; nothing that follows sooner waits this long.
   */
  replyLingerMs: number;
  maxEventsPerFlush: number;
  maxPreviewBytesPerFlush: number;
  /**
   * Preview bytes a page gets in full (`previewBytes` per event): a burst of `fullPreviewBurstBytes`,
   * refilled at `fullPreviewBytesPerSecond`; beyond it byte events carry `floodPreviewBytes` until
   * the rate drops. A learner's message, even 1 MiB echoed in 1 KiB reads (about 2 MiB of
   * previews), shows whole; a flood's previews were what the bridge spent its time and memory on
   * (JSON built, queued and parsed) while nobody can read 4 KiB of hex per chunk at that pace.
   */
  fullPreviewBytesPerSecond: number;
  fullPreviewBurstBytes: number;
  floodPreviewBytes: number;
  /**
   * The output budget: everything sent to a page (events, replies, snapshots, class messages,
   * spotlight copies) counts, measured as the WebSocket's buffer plus what the outbox holds. Above
   * `highWaterBytes` the session stops reading from its sockets and stops reading its page's
   * commands (TCP then holds the page back), until it is below `lowWaterBytes` again.
   */
  highWaterBytes: number;
  lowWaterBytes: number;
  /** Above this the page is too far behind to catch up: the session ends with CLOSE_TOO_FAR_BEHIND. */
  hardCapBytes: number;
}

export interface IntakeConfig {
  /** Milliseconds one session's commands may run in one turn of the event loop before other work's turn. */
  sliceMs: number;
  /** Milliseconds of CPU per second one session's commands may use (a token bucket with a second of burst). */
  cpuMsPerSecond: number;
}

export interface AdmissionConfig {
  /** WebSocket sessions one remote address may hold at once. */
  maxSessionsPerAddress: number;
  /** New upgrades per second one remote address may start (a token bucket refilled at this rate)… */
  upgradesPerSecond: number;
  /** …holding at most this many, so a page opening a few tabs at once is not refused. */
  upgradeBurst: number;
  /** Wrong join codes one address may try per window before every join from it gets 429. */
  joinFailures: number;
  joinWindowMs: number;
  /** Joins (with the right code) one address may make per minute (a token bucket)… */
  joinsPerMinute: number;
  /** …holding at most this many, so a few students sharing an address can join at once. */
  joinBurst: number;
  /** Student tokens one address may hold at once; the class's 1,000 cannot be filled from one computer. */
  maxJoinsPerAddress: number;
  /** A join no page has used (no session opened with its token) is forgotten after this long. */
  unusedJoinTtlMs: number;
}

export const DEFAULT_PORT = 4780;
export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: SessionLimits = {
  maxSockets: 200,
  maxServers: 20,
  maxMessageBytes: 256 * 1024,
  previewBytes: 4096,
  minPort: 1024,
  maxPort: 65535,
  bytesPerSecond: 50 * MiB,
  eventsPerSecond: 20_000,
  maxSendBufferBytes: 4 * MiB,
  maxPendingCommands: 64,
};

export const DEFAULT_ADMISSION: AdmissionConfig = {
  maxSessionsPerAddress: 20,
  upgradesPerSecond: 10,
  upgradeBurst: 20,
  joinFailures: 5,
  joinWindowMs: 60_000,
  joinsPerMinute: 6,
  joinBurst: 6,
  maxJoinsPerAddress: 10,
  unusedJoinTtlMs: 10 * 60_000,
};

export const DEFAULT_TRACE: TraceConfig = {
  maxPrograms: 4,
  codeTtlMs: 30 * 60_000,
  helloTimeoutMs: 10_000,
  reorderMs: 40,
  wrongCodes: 10,
  wrongCodeWindowMs: 60_000,
};

export const DEFAULT_INTAKE: IntakeConfig = {
  sliceMs: 1,
  cpuMsPerSecond: 100,
};

export function defaultCapture(mode: Mode): CaptureConfig {
  return { enabled: mode === 'local', tool: 'tcpdump', interface: undefined, snaplen: 200, segmentsPerSecond: 1000 };
}

export function defaultConfig(overrides: Partial<PlaygroundConfig> = {}): PlaygroundConfig {
  const mode = overrides.mode ?? 'local';
  return {
    mode,
    host: mode === 'lan' ? '0.0.0.0' : '127.0.0.1',
    port: DEFAULT_PORT,
    allowedHosts: [],
    publicUrls: [],
    trustProxies: [],
    allowTargets: [],
    webRoot: undefined,
    limits: DEFAULT_LIMITS,
    heartbeatMs: 15_000,
    outbox: {
      flushIntervalMs: 16,
      replyLingerMs: 2,
      maxEventsPerFlush: 5000,
      maxPreviewBytesPerFlush: 2 * MiB,
      fullPreviewBytesPerSecond: MiB,
      fullPreviewBurstBytes: 4 * MiB,
      floodPreviewBytes: 256,
      highWaterBytes: 8 * MiB,
      lowWaterBytes: MiB,
      hardCapBytes: 32 * MiB,
    },
    intake: DEFAULT_INTAKE,
    admission: DEFAULT_ADMISSION,
    resumeGraceMs: 30_000,
    lessonsDir: undefined,
    classroomIntervalMs: 500,
    trace: DEFAULT_TRACE,
    logLevel: 'silent',
    capture: defaultCapture(mode),
    clocks: SYSTEM_CLOCKS,
    ...overrides,
  };
}
