import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { defaultConfig, type PlaygroundConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { HostCheck } from './http/host-check.ts';
import { TargetPolicy } from './policy/target-policy.ts';
import { BridgeServer } from './ws/bridge-server.ts';

export interface Playground {
  url: string;
  port: number;
  sessionCount(): number;
  close(reason?: string): Promise<void>;
}

/** Starts the bridge: HTTP for the page and health, WebSocket sessions at /ws. */
export async function startPlayground(
  overrides: Partial<PlaygroundConfig> = {},
  log: Logger = pino({ level: 'silent' }),
): Promise<Playground> {
  const config = defaultConfig(overrides);
  const hosts = new HostCheck(config.allowedHosts);
  let port = config.port;
  const policy = new TargetPolicy({ limits: config.limits, bridgePort: () => port });
  let bridge: BridgeServer | undefined;
  const app = createApp({ hosts, webRoot: config.webRoot, sessionCount: () => bridge?.sessions.size ?? 0 });
  const http = createServer(app);
  bridge = new BridgeServer(http, config, hosts, policy, log);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const active = bridge;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    sessionCount: () => active.sessions.size,
    async close(reason = 'The playground is shutting down.') {
      await active.close(reason);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
