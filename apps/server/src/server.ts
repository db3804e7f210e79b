import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mode } from '@playground/protocol';
import { Credentials } from './auth/credentials.ts';
import { defaultConfig, type PlaygroundConfig } from './config/config.ts';
import type { Core } from './core.ts';
import { answerHealth } from './http/health.ts';
import { HostCheck } from './http/host-check.ts';
import { isLoopback } from './policy/addresses.ts';
import { parseAllowTargets } from './policy/allow-targets.ts';
import { parsePublicUrl } from './proxy/public-urls.ts';
import { TrustedProxies } from './proxy/trusted-proxies.ts';

export interface Playground {
  url: string;
  /** `--public-url` addresses, normalised; empty when people open the bridge directly. */
  publicUrls: string[];
  port: number;
  mode: Mode;
  /** Local mode: the page's WebSocket token. LAN mode: the teacher's. Tests and benchmarks connect with it. */
  token: string;
  /** LAN mode only: the code students type to join. */
  joinCode: string | undefined;
  sessionCount(): number;
  close(reason?: string): Promise<void>;
}

/**
 * Starts the bridge: HTTP for the page, health and tokens, WebSocket sessions at /ws. It checks the
 * configuration, makes the tokens and listens, and answers /api/health itself; what answers other
 * requests (Express, the WebSocket server, the engine, the protocol's schemas) is loaded on the
 * first of them. A class's instance
 * waiting for its lesson, or a `--help`, then costs the memory and start-up time of little more
 * than Node itself.
 */
export async function startPlayground(overrides: Partial<PlaygroundConfig> = {}): Promise<Playground> {
  const config = defaultConfig(overrides);
  if (config.mode === 'local' && !isLoopback(config.host) && config.host !== 'localhost') {
    throw new Error(
      `local mode listens on this computer only, not on ${config.host}; use --lan to open the playground to a class (students then need the join code).`,
    );
  }
  if (config.mode === 'local' && config.publicUrls.length > 0) {
    throw new Error(
      '--public-url is for a class (--lan): in local mode the page and the bridge are for this computer only.',
    );
  }
  const allowRules = await parseAllowTargets(config.allowTargets);
  const publicUrls = config.publicUrls.map(parsePublicUrl);
  const proxies = new TrustedProxies(config.trustProxies);
  const hosts = new HostCheck(config.allowedHosts, publicUrls);
  let core: Core | undefined;
  const credentials = new Credentials(config.mode, {
    maxJoinsPerAddress: config.admission.maxJoinsPerAddress,
    unusedJoinTtlMs: config.admission.unusedJoinTtlMs,
    onChange: () => core?.classroom.joinsChanged(),
  });
  let port = config.port;
  let loading: Promise<Core> | undefined;
  const loadCore = (): Promise<Core> => {
    loading ??= (async () => {
      const { createCore } = await import('./core.ts');
      core = createCore({ config, allowRules, publicUrls, hosts, credentials, port: () => port });
      return core;
    })();
    return loading;
  };
  const sessionCount = (): number => core?.bridge.sessions.size ?? 0;
  const http = createServer((req, res) => {
    if (answerHealth(req, res, hosts, sessionCount)) return;
    if (core) return core.handleRequest(req, res);
    loadCore().then(
      (c) => c.handleRequest(req, res),
      () => res.writeHead(500).end('The playground could not load; see the messages where it was started.'),
    );
  });
  http.on('upgrade', (req, socket, head) => {
    if (core) return core.bridge.handleUpgrade(req, socket, head);
    socket.on('error', () => socket.destroy());
    loadCore().then(
      (c) => c.bridge.handleUpgrade(req, socket, head),
      () => socket.destroy(),
    );
  });
  if (!proxies.empty) {
    // Before every other listener, so each per-address limit sees the client the proxy named.
    http.prependListener('request', (req) => proxies.note(req));
    http.prependListener('upgrade', (req) => proxies.note(req));
  }
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${shownHost}:${port}/`,
    publicUrls: publicUrls.map((u) => u.href),
    port,
    mode: config.mode,
    token: credentials.token,
    joinCode: credentials.joinCode,
    sessionCount,
    async close(reason = 'The playground is shutting down.') {
      const loaded = loading === undefined ? undefined : await loading.catch(() => undefined);
      await loaded?.close(reason);
      credentials.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
