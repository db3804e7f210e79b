import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@playground/protocol';
import express, { type Express } from 'express';
import type { HostCheck } from './host-check.ts';

export interface AppDeps {
  hosts: HostCheck;
  webRoot: string | undefined;
  sessionCount: () => number;
}

/** The HTTP side: the built web app, a health probe, and nothing a foreign Host may reach. */
export function createApp({ hosts, webRoot, sessionCount }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (hosts.allows(req.headers.host)) return next();
    res.status(403).type('text/plain').send('Host not allowed');
  });
  app.get('/api/health', (_req, res) => {
    res.json({
      ok: true,
      protocolVersion: PROTOCOL_VERSION,
      sessions: sessionCount(),
      uptimeS: Math.round(process.uptime()),
    });
  });
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: 'index.html' }));
    app.get(/^\/(?!api\/|ws$).*/, (_req, res) => res.sendFile(join(webRoot, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('The web app is not built yet. Run `pnpm build` (or `pnpm start`, which builds it) and reload.');
    });
  }
  return app;
}
