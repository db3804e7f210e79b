import pino from 'pino';
import { AttemptLimiter } from './auth/attempt-limiter.ts';
import type { Credentials } from './auth/credentials.ts';
import { Classroom } from './classroom/classroom.ts';
import { joinUrls } from './classroom/join-urls.ts';
import type { PlaygroundConfig } from './config/config.ts';
import { createApp } from './http/app.ts';
import type { HostCheck } from './http/host-check.ts';
import { lessonRoutes } from './lessons/lesson-route.ts';
import type { AllowRule } from './policy/allow-targets.ts';
import { ListenerRegistry } from './policy/listener-registry.ts';
import { TargetPolicy } from './policy/target-policy.ts';
import type { PublicUrl } from './proxy/public-urls.ts';
import { AddressBuckets } from './quota/address-buckets.ts';
import { CaptureService } from './wire/capture-service.ts';
import { loopbackInterface } from './wire/capture-tool.ts';
import { BridgeServer } from './ws/bridge-server.ts';

export interface CoreDeps {
  config: PlaygroundConfig;
  allowRules: AllowRule[];
  publicUrls: PublicUrl[];
  hosts: HostCheck;
  credentials: Credentials;
  /** The port the bridge really listens on (known once it listens). */
  port: () => number;
}

/**
 * Everything that answers requests: the page and its routes (Express), the WebSocket bridge with
 * its sessions, the class. Built on the first request, not at start (see server.ts).
 */
export interface Core {
  handleRequest: ReturnType<typeof createApp>;
  bridge: BridgeServer;
  classroom: Classroom;
  close(reason: string): Promise<void>;
}

export function createCore({ config, allowRules, publicUrls, hosts, credentials, port }: CoreDeps): Core {
  const log = pino({ level: config.logLevel }, pino.destination(2));
  const listeners = new ListenerRegistry();
  const policy = new TargetPolicy({
    mode: config.mode,
    limits: config.limits,
    bridgePort: port,
    allowRules,
    listeners,
  });
  const classroom = new Classroom({
    credentials,
    joinCode: credentials.joinCode,
    joinUrls: () =>
      publicUrls.length > 0 ? publicUrls.slice(0, 32).map((u) => u.href) : joinUrls(config.host, port()),
    intervalMs: config.classroomIntervalMs,
    clock: config.clocks.classroom,
  });
  const { capture: captureConfig } = config;
  // Allowed, not running: tcpdump starts only while a page watches the wire.
  const capture = captureConfig.enabled
    ? new CaptureService({
        ...captureConfig,
        interface: captureConfig.interface ?? loopbackInterface(process.platform),
      })
    : undefined;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const bridge = new BridgeServer({
    config,
    hosts,
    policy,
    credentials,
    listeners,
    log,
    classroom,
    // What a tracer is told its program's calls appear on.
    pageUrl: () => publicUrls[0]?.href ?? `http://${shownHost}:${port()}/`,
    ...(capture ? { capture } : {}),
  });
  const handleRequest = createApp({
    hosts,
    webRoot: config.webRoot,
    credentials,
    joinAttempts: new AttemptLimiter(config.admission.joinFailures, config.admission.joinWindowMs, () =>
      config.clocks.admission.now(),
    ),
    joinRate: new AddressBuckets(
      config.admission.joinsPerMinute / 60,
      config.admission.joinBurst,
      config.clocks.admission,
    ),
    routes: [lessonRoutes(config.lessonsDir, credentials)],
  });
  return {
    handleRequest,
    bridge,
    classroom,
    async close(reason) {
      await bridge.close(reason);
      await capture?.close();
      classroom.close();
    },
  };
}
