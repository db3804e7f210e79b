import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpError } from '@playground/protocol';
import express, { type ErrorRequestHandler, type Express, type Request, type Response, type Router } from 'express';
import { type AuthDeps, authRoutes } from './auth-routes.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppDeps extends AuthDeps {
  webRoot: string | undefined;
  /** More `/api/…` routes (the lessons of `--lessons DIR`). */
  routes?: Router[];
}

/** The HTTP side: the built web app, the token routes, and nothing a foreign Host may reach (health: health.ts). */
export function createApp({ hosts, webRoot, routes = [], ...auth }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(hosts));
  app.use((req, res, next) => {
    if (hosts.allows(req.headers.host)) return next();
    res.status(403).json({ error: 'Host not allowed' } satisfies HttpError);
  });
  app.use(authRoutes({ hosts, ...auth }));
  for (const router of routes) app.use(router);
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // The page is one document at `/` that refers to its files relatively, so that it also works
    // under a proxy's path (`/class-3b/`); there are no client-side routes to fall back for.
    app.use(express.static(webRoot, { index: 'index.html' }));
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
