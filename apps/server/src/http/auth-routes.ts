import { type HttpError, type JoinReply, JoinRequest, type SessionInfo } from '@playground/protocol';
import express, { type Request, type Response, type Router } from 'express';
import type { AttemptLimiter } from '../auth/attempt-limiter.ts';
import type { Credentials } from '../auth/credentials.ts';
import { isLoopback, remoteOf } from '../policy/addresses.ts';
import type { AddressBuckets } from '../quota/address-buckets.ts';
import type { HostCheck } from './host-check.ts';
import { fromOwnPage } from './same-origin.ts';

export interface AuthDeps {
  hosts: HostCheck;
  credentials: Credentials;
  /** Wrong join codes per address. */
  joinAttempts: AttemptLimiter;
  /** Joins (right code) per address. */
  joinRate: AddressBuckets;
}

/**
 * How a page gets its WebSocket token. No route sends CORS headers, so another site can neither
 * read these answers nor (with Origin and Sec-Fetch-Site checked) even get them computed.
 */
export function authRoutes({ hosts, credentials, joinAttempts, joinRate }: AuthDeps): Router {
  const router = express.Router();
  router.use('/api/session', noStore);
  router.use('/api/join', noStore);

  router.get('/api/session', (req, res) => {
    if (!fromOwnPage(req.headers, hosts))
      return refuse(res, 403, 'Only the playground’s own page may ask for its token.');
    if (credentials.mode === 'local') {
      // Local mode is for the person at this computer; the token never leaves it.
      if (!isLoopback(remoteOf(req)))
        return refuse(res, 403, 'The playground is in local mode: open it on this computer.');
      return res.json({ mode: 'local', token: credentials.token } satisfies SessionInfo);
    }
    res.json({ mode: 'lan', token: null } satisfies SessionInfo);
  });

  router.post('/api/join', express.json({ limit: '1kb' }), (req, res) => {
    if (credentials.mode !== 'lan') return refuse(res, 404, 'Joining with a code is only for LAN mode.');
    if (!fromOwnPage(req.headers, hosts)) return refuse(res, 403, 'Only the playground’s own page may join.');
    const address = remoteOf(req);
    const waitMs = joinAttempts.retryAfterMs(address);
    if (waitMs > 0) {
      const retryAfterS = Math.ceil(waitMs / 1000);
      res.setHeader('Retry-After', String(retryAfterS));
      return res.status(429).json({ error: `Too many wrong codes; try again in ${retryAfterS} s.`, retryAfterS });
    }
    const body = JoinRequest.safeParse(req.body);
    if (!body.success) return refuse(res, 400, 'Send JSON {"code": "…", "name": "…"}.');
    if (!credentials.codeMatches(body.data.code)) {
      joinAttempts.fail(address);
      return refuse(res, 403, 'That join code is not right; ask your teacher for the code on the screen.');
    }
    const rate = joinRate.take(address);
    if (!rate.ok) {
      res.setHeader('Retry-After', String(rate.retryAfterS));
      return res.status(429).json({
        error: `Too many joins from this computer; try again in ${rate.retryAfterS} s.`,
        retryAfterS: rate.retryAfterS,
      } satisfies HttpError);
    }
    const joined = credentials.addStudent(body.data.name, address);
    if (joined.ok) return res.json({ token: joined.token, role: 'student' } satisfies JoinReply);
    const error =
      joined.reason === 'addressFull'
        ? `This computer already joined the class ${joined.max} times, the most allowed; ask your teacher to remove joins you do not use.`
        : 'The class is full; ask your teacher to remove joins that are not used.';
    return res.status(503).json({ error, reason: joined.reason } satisfies HttpError);
  });
  return router;
}

function noStore(_req: Request, res: Response, next: () => void): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

function refuse(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}
