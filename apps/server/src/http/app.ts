import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type HttpError, PROTOCOL_VERSION } from '@playground/protocol';
import express, { type ErrorRequestHandler, type Express, type Request, type Response, type Router } from 'express';
import { type AuthDeps, authRoutes } from './auth-routes.ts';
import type { HostCheck } from './host-check.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppDeps extends AuthDeps {
  hosts: HostCheck;
  webRoot: string | undefined;
  sessionCount: () => number;
  /** More `/api/…` routes (the lessons of `--lessons DIR`). */
  routes?: Router[];
}

/** The HTTP side: the built web app, a health probe, the token routes, and nothing a foreign Host may reach. */
export function createApp({ hosts, webRoot, sessionCount, routes = [], ...auth }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(hosts));
  app.use((req, res, next) => {
    if (hosts.allows(req.headers.host)) return next();
    res.status(403).json({ error: 'Host not allowed' } satisfies HttpError);
  });
  app.get('/api/health', (_req, res) => {
    res.json({
      ok: true,
      protocolVersion: PROTOCOL_VERSION,
      sessions: sessionCount(),
      uptimeS: Math.round(process.uptime()),
    });
  });
  app.use(authRoutes(auth));
  for (const router of routes) app.use(router);
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
  app.use(notFound);
  app.use(jsonErrors);
  return app;
}

/** Whatever no route answered (an unknown `/api/…` path, `/ws` without an upgrade): JSON, like every other error. */
function notFound(req: Request, res: Response): void {
  res.status(404).json({ error: `There is nothing at ${req.method} ${req.path.slice(0, 200)}.` } satisfies HttpError);
}

/** Malformed or oversized bodies get a short JSON answer, never Express's HTML page with a stack trace. */
const jsonErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  res.status(status).json({
    error: status === 500 ? 'Something went wrong inside the playground.' : 'Bad request.',
  } satisfies HttpError);
};
