import type { Limits } from '@playground/protocol';

export interface PlaygroundConfig {
  /** Interface the bridge listens on; loopback unless the operator opens it up. */
  host: string;
  /** 0 lets the OS pick, which the tests use. */
  port: number;
  /** Extra Host header names the operator trusts (DNS-rebinding defence keeps everything else out). */
  allowedHosts: string[];
  /** Directory with the built web app; when missing, the bridge serves a page saying how to build it. */
  webRoot: string | undefined;
  limits: Limits;
  /** How often the bridge pings each browser; a browser that misses two pongs is gone. */
  heartbeatMs: number;
  /** Outbox tuning: the slow-browser defence. */
  outbox: OutboxConfig;
}

export interface OutboxConfig {
  flushIntervalMs: number;
  maxEventsPerFlush: number;
  maxPreviewBytesPerFlush: number;
  /** Above this many bytes waiting in the WebSocket, the session stops reading from its sockets. */
  highWaterBytes: number;
  lowWaterBytes: number;
}

export const DEFAULT_PORT = 4780;

export const DEFAULT_LIMITS: Limits = {
  maxSockets: 200,
  maxServers: 20,
  maxMessageBytes: 256 * 1024,
  previewBytes: 4096,
  minPort: 1024,
  maxPort: 65535,
};

export function defaultConfig(overrides: Partial<PlaygroundConfig> = {}): PlaygroundConfig {
  return {
    host: '127.0.0.1',
    port: DEFAULT_PORT,
    allowedHosts: [],
    webRoot: undefined,
    limits: DEFAULT_LIMITS,
    heartbeatMs: 15_000,
    outbox: {
      flushIntervalMs: 16,
      maxEventsPerFlush: 5000,
      maxPreviewBytesPerFlush: 2 * 1024 * 1024,
      highWaterBytes: 8 * 1024 * 1024,
      lowWaterBytes: 1024 * 1024,
    },
    ...overrides,
  };
}
