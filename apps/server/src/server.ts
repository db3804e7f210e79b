import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mode } from '@playground/protocol';
import pino, { type Logger } from 'pino';
import { AttemptLimiter } from './auth/attempt-limiter.ts';
import { Credentials } from './auth/credentials.ts';
import { Classroom } from './classroom/classroom.ts';
import { joinUrls } from './classroom/join-urls.ts';
import { defaultConfig, type PlaygroundConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { HostCheck } from './http/host-check.ts';
import { lessonRoutes } from './lessons/lesson-route.ts';
import { isLoopback } from './policy/addresses.ts';
import { parseAllowTargets } from './policy/allow-targets.ts';
import { ListenerRegistry } from './policy/listener-registry.ts';
import { TargetPolicy } from './policy/target-policy.ts';
import { AddressBuckets } from './quota/address-buckets.ts';
import { CaptureService } from './wire/capture-service.ts';
import { loopbackInterface } from './wire/capture-tool.ts';
import { BridgeServer } from './ws/bridge-server.ts';

export interface Playground {
  url: string;
  port: number;
  mode: Mode;
  /** Local mode: the page's WebSocket token. LAN mode: the teacher's. Tests and benchmarks connect with it. */
  token: string;
  /** LAN mode only: the code students type to join. */
  joinCode: string | undefined;
  sessionCount(): number;
  close(reason?: string): Promise<void>;
}

/** Starts the bridge: HTTP for the page, health and tokens, WebSocket sessions at /ws. */
export async function startPlayground(
  overrides: Partial<PlaygroundConfig> = {},
  log: Logger = pino({ level: 'silent' }),
): Promise<Playground> {
  const config = defaultConfig(overrides);
  if (config.mode === 'local' && !isLoopback(config.host) && config.host !== 'localhost') {
    throw new Error(
      `local mode listens on this computer only, not on ${config.host}; use --lan to open the playground to a class (students then need the join code).`,
    );
  }
  const allowRules = await parseAllowTargets(config.allowTargets);
  const hosts = new HostCheck(config.allowedHosts);
  let classroom: Classroom | undefined;
  const credentials = new Credentials(config.mode, {
    maxJoinsPerAddress: config.admission.maxJoinsPerAddress,
    unusedJoinTtlMs: config.admission.unusedJoinTtlMs,
    onChange: () => classroom?.joinsChanged(),
  });
  const listeners = new ListenerRegistry();
  let port = config.port;
  const policy = new TargetPolicy({
    mode: config.mode,
    limits: config.limits,
    bridgePort: () => port,
    allowRules,
    listeners,
  });
  let bridge: BridgeServer | undefined;
  const joinAttempts = new AttemptLimiter(config.admission.joinFailures, config.admission.joinWindowMs);
  const joinRate = new AddressBuckets(config.admission.joinsPerMinute / 60, config.admission.joinBurst);
  const app = createApp({
    hosts,
    webRoot: config.webRoot,
    sessionCount: () => bridge?.sessions.size ?? 0,
    credentials,
    joinAttempts,
    joinRate,
    routes: [lessonRoutes(config.lessonsDir, credentials)],
  });
  const http = createServer(app);
  classroom = new Classroom({
    credentials,
    joinCode: credentials.joinCode,
    joinUrls: () => joinUrls(config.host, port),
    intervalMs: config.classroomIntervalMs,
  });
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const pageUrl = () => `http://${shownHost}:${port}/`;
  const { capture: captureConfig } = config;
  const capture = captureConfig.enabled
    ? new CaptureService({
        ...captureConfig,
        interface: captureConfig.interface ?? loopbackInterface(process.platform),
      })
    : undefined;
  bridge = new BridgeServer(http, {
    config,
    hosts,
    policy,
    credentials,
    listeners,
    log,
    classroom,
    pageUrl,
    ...(capture ? { capture } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  const active = bridge;
  return {
    url: pageUrl(),
    port,
    mode: config.mode,
    token: credentials.token,
    joinCode: credentials.joinCode,
    sessionCount: () => active.sessions.size,
    async close(reason = 'The playground is shutting down.') {
      await active.close(reason);
      await capture?.close();
      classroom?.close();
      credentials.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
